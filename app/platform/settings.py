"""Settings from the environment or `.env`, one object for the whole process."""

from __future__ import annotations

import os
import secrets
import stat
import time
from functools import cache, lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PASSWORD_FILE = "neo4j-password"  # noqa: S105 - a file name, not a secret
HASH_KEY_FILE = "instrument-hash-key"
ALERT_KEY_FILE = "alert-key"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    neo4j_uri: str = Field(default="bolt://127.0.0.1:7687", alias="NEO4J_URI")
    neo4j_user: str = Field(default="neo4j", alias="NEO4J_USER")
    neo4j_password: SecretStr | None = Field(default=None, alias="NEO4J_PASSWORD")
    neo4j_database: str = Field(default="neo4j", alias="NEO4J_DATABASE")
    linkwatch_home: Path = Field(default=Path(".linkwatch"), alias="LINKWATCH_HOME")

    # The embedded server (app/platform/neo4j_server); ignored when NEO4J_URI points elsewhere.
    neo4j_heap: str = Field(default="2g", alias="LINKWATCH_NEO4J_HEAP")
    neo4j_pagecache: str = Field(default="1g", alias="LINKWATCH_NEO4J_PAGECACHE")
    neo4j_auth: bool = Field(default=True, alias="LINKWATCH_NEO4J_AUTH")
    neo4j_start_timeout: float = Field(default=180.0, alias="LINKWATCH_NEO4J_START_TIMEOUT")

    # Keyed hashing of payment instruments: the raw token never reaches the graph.
    instrument_hash_key: SecretStr | None = Field(default=None, alias="LINKWATCH_INSTRUMENT_HASH_KEY")

    # Scheduled detection (`linkwatch worker` / `schedule` without --every / --cron): full runs, the
    # reference, and incremental runs in between (docs/detection-runs.md). Intervals like 6h, 15m, 1d.
    detect_full_every: str | None = Field(default=None, alias="LINKWATCH_DETECT_FULL_EVERY")
    detect_incremental_every: str | None = Field(default=None, alias="LINKWATCH_DETECT_INCREMENTAL_EVERY")

    # HTTP API.
    # The built analyst console served at `/`; unset: console/dist of the source tree (app/api/console.py).
    console_dir: Path | None = Field(default=None, alias="LINKWATCH_CONSOLE_DIR")
    api_host: str = Field(default="127.0.0.1", alias="LINKWATCH_API_HOST")
    api_port: int = Field(default=8000, alias="LINKWATCH_API_PORT")
    api_graphiql: bool = Field(default=False, alias="LINKWATCH_API_GRAPHIQL")
    api_introspection: bool = Field(default=False, alias="LINKWATCH_API_INTROSPECTION")
    api_max_depth: int = Field(default=10, alias="LINKWATCH_API_MAX_DEPTH")
    api_max_aliases: int = Field(default=30, alias="LINKWATCH_API_MAX_ALIASES")
    api_max_tokens: int = Field(default=2000, alias="LINKWATCH_API_MAX_TOKENS")
    api_max_page_size: int = Field(default=100, alias="LINKWATCH_API_MAX_PAGE_SIZE")
    api_freeze_heap: bool = Field(default=True, alias="LINKWATCH_API_FREEZE_HEAP")
    # Refused with 413 before anything parses or audits it; GraphQL documents are a few KB.
    api_max_body_bytes: int = Field(default=1_048_576, ge=1, alias="LINKWATCH_API_MAX_BODY_BYTES")
    # /readyz answers 503 when Neo4j has not answered within this many seconds.
    api_ready_timeout: float = Field(default=2.0, gt=0, alias="LINKWATCH_API_READY_TIMEOUT")
    # /metrics reads detection runs from the graph and load totals from disk at most this often per worker.
    api_metrics_cache_seconds: float = Field(default=10.0, ge=0, alias="LINKWATCH_API_METRICS_CACHE_SECONDS")
    # How long a verified key is trusted without the database. Revocations through `linkwatch keys revoke`
    # on this LINKWATCH_HOME end it at once (app/platform/key_revocations.py); this bounds the others.
    api_key_cache_seconds: float = Field(default=10.0, ge=0, alias="LINKWATCH_API_KEY_CACHE_SECONDS")
    # Cost bounds (app/api/cost.py): refused over max_cost; at or over expensive_cost, at most
    # expensive_concurrency at a time per worker. Every Neo4j transaction of a request shares its budget.
    api_max_cost: int = Field(default=50_000, ge=1, alias="LINKWATCH_API_MAX_COST")
    api_expensive_cost: int = Field(default=5_000, ge=1, alias="LINKWATCH_API_EXPENSIVE_COST")
    api_expensive_concurrency: int = Field(default=1, ge=1, alias="LINKWATCH_API_EXPENSIVE_CONCURRENCY")
    api_request_timeout: float = Field(default=30.0, gt=0, alias="LINKWATCH_API_REQUEST_TIMEOUT")
    # Per key and worker, in the `limits` notation ("20/second;600/minute"); empty turns it off.
    api_rate_limit: str = Field(default="20/second;600/minute", alias="LINKWATCH_API_RATE_LIMIT")

    # Alerts (docs/alerts.md). Each webhook's signing secret is HMAC(alert key, webhook id): only this key
    # is secret, from the environment or kept owner-only under LINKWATCH_HOME.
    alert_key: SecretStr | None = Field(default=None, alias="LINKWATCH_ALERT_KEY")
    # A campaign has grown when its size reached (1 + this) x its size when it was last announced.
    alert_growth: float = Field(default=0.2, gt=0, alias="LINKWATCH_ALERT_GROWTH")
    # An auto attribution has changed when its confidence moved by at least this since it was announced.
    alert_confidence_change: float = Field(default=0.1, gt=0, le=1, alias="LINKWATCH_ALERT_CONFIDENCE_CHANGE")
    # Where the console is, for absolute links in alerts (e.g. https://linkwatch.example); unset: a path.
    alert_console_url: str = Field(default="", alias="LINKWATCH_ALERT_CONSOLE_URL")
    # Delivery: retry n waits min(max, base * 2^(n-1)) seconds; a delivery gives up after max_attempts.
    alert_retry_base: float = Field(default=30.0, gt=0, alias="LINKWATCH_ALERT_RETRY_BASE")
    alert_retry_max: float = Field(default=3600.0, gt=0, alias="LINKWATCH_ALERT_RETRY_MAX")
    alert_max_attempts: int = Field(default=12, ge=1, alias="LINKWATCH_ALERT_MAX_ATTEMPTS")
    alert_timeout: float = Field(default=10.0, gt=0, alias="LINKWATCH_ALERT_TIMEOUT")
    # A claimed delivery not settled within this many seconds (its deliverer died) is claimable again.
    alert_lease: float = Field(default=120.0, gt=0, alias="LINKWATCH_ALERT_LEASE")
    # How often the worker's deliverer looks for due deliveries.
    alert_poll: float = Field(default=5.0, gt=0, alias="LINKWATCH_ALERT_POLL")

    @field_validator("instrument_hash_key")
    @classmethod
    def _hash_key_not_blank(cls, value: SecretStr | None) -> SecretStr | None:
        # An empty key still "works": every deployment would then hash a token to the same key, which
        # anyone could recompute from a list of tokens. Refused rather than used or silently replaced.
        if value is not None and not value.get_secret_value().strip():
            raise ValueError(
                "LINKWATCH_INSTRUMENT_HASH_KEY is set but empty: set the deployment's key, or unset it to "
                f"use the one kept in $LINKWATCH_HOME/secrets/{HASH_KEY_FILE}"
            )
        return value

    @field_validator("api_rate_limit")
    @classmethod
    def _rate_limit_parses(cls, value: str) -> str:
        from limits import parse_many

        # A typo must stop the server, not turn the limit off.
        if value.strip():
            try:
                parse_many(value)
            except ValueError as exc:
                raise ValueError(
                    f"LINKWATCH_API_RATE_LIMIT {value!r} is not like '20/second;600/minute'"
                ) from exc
        return value

    @property
    def home(self) -> Path:
        """LINKWATCH_HOME, created owner-only (0700) on first use: it holds secrets, the audit trail,
        rejects and the database, so nothing under it should be reachable by other users."""
        return private_dir(self.linkwatch_home.resolve())

    @property
    def bolt_host(self) -> str:
        return _host_port(self.neo4j_uri)[0]

    @property
    def bolt_port(self) -> int:
        return _host_port(self.neo4j_uri)[1]

    def password(self) -> str:
        """The Neo4j password: configured, or generated once and kept owner-only under LINKWATCH_HOME."""
        if self.neo4j_password is not None:
            return self.neo4j_password.get_secret_value()
        return _stored_secret(self.home / "secrets" / PASSWORD_FILE)

    def alert_signing_key(self) -> bytes:
        if self.alert_key is not None:
            if not self.alert_key.get_secret_value().strip():
                # Same reasoning as the hash key: an empty key would make every secret guessable.
                raise ValueError(
                    "LINKWATCH_ALERT_KEY is set but empty: set the deployment's key, or unset it to "
                    f"use the one kept in $LINKWATCH_HOME/secrets/{ALERT_KEY_FILE}"
                )
            return self.alert_key.get_secret_value().encode()
        return _stored_secret(self.home / "secrets" / ALERT_KEY_FILE).encode()

    def hash_key(self) -> bytes:
        if self.instrument_hash_key is not None:
            return self.instrument_hash_key.get_secret_value().encode()
        return _stored_secret(self.home / "secrets" / HASH_KEY_FILE).encode()


def _host_port(uri: str) -> tuple[str, int]:
    rest = uri.split("://", 1)[-1].split("/", 1)[0]
    if rest.startswith("["):
        host, _, port = rest[1:].partition("]:")
    else:
        host, _, port = rest.rpartition(":") if ":" in rest else (rest, "", "")
    return host or "127.0.0.1", int(port) if port else 7687


@cache
def private_dir(path: Path) -> Path:
    """`path`, created 0700 if missing and narrowed to 0700 if it was more open (once per process)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        path.chmod(0o700)
    return path


def _read_secret(path: Path) -> str:
    value = path.read_text(encoding="utf-8").strip()
    if not value:
        # An empty file would otherwise become an empty password or hash key.
        raise ValueError(f"{path} is empty: write the secret into it (mode 600)")
    return value


def _stored_secret(path: Path) -> str:
    if path.exists():
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            raise PermissionError(f"{path} is readable by others (mode {mode:o}); chmod 600 it")
        return _read_secret(path)
    private_dir(path.parent)
    value = secrets.token_urlsafe(32)
    # O_EXCL: two processes starting at once must not each write a different secret.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        # Another process created it a moment ago and may not have written it yet.
        deadline = time.monotonic() + 5.0
        while not path.read_text(encoding="utf-8").strip() and time.monotonic() < deadline:
            time.sleep(0.05)
        return _read_secret(path)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(value + "\n")
    return value


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()

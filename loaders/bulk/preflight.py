"""What must hold before a bulk load may stop the server and replace its store."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import psutil

from app.platform.cypher import q
from app.platform.driver import sync_driver
from app.platform.neo4j_server import server
from app.platform.neo4j_server.config import server_config
from app.platform.neo4j_server.server import ServerConfig
from app.platform.settings import Settings

TRANSACTIONAL_HINT = "use `linkwatch load DIR` (without --bulk) to add to an existing graph"


class BulkRefusedError(RuntimeError):
    """A precondition failed; nothing was changed."""


# The importer splits `--nodes=Label=header,data` at commas and reads file names as regular expressions.
_IMPORTER_UNSAFE = re.compile(r"[,\[\](){}*+?|^$\\]")


def require_importable_home(settings: Settings) -> None:
    # Not `settings.home`: that creates the folder, and a refusal must leave nothing behind.
    home = settings.linkwatch_home.resolve()
    if _IMPORTER_UNSAFE.search(str(home)):
        raise BulkRefusedError(
            f"LINKWATCH_HOME={home} contains characters Neo4j's importer cannot take in a file path "
            "(commas, brackets, regular-expression symbols); use another LINKWATCH_HOME or load without "
            "--bulk. Nothing was changed."
        )


def _flag(cmdline: list[str], prefix: str) -> str | None:
    return next((a.removeprefix(prefix) for a in cmdline if a.startswith(prefix)), None)


def running_server(settings: Settings) -> ServerConfig:
    """The locally managed server that NEO4J_URI points at, with the memory settings it runs with now."""
    cfg = server_config(settings)
    st = server.status(cfg)
    if not st.running or st.pid is None:
        raise BulkRefusedError(
            f"--bulk needs the locally managed Neo4j of LINKWATCH_HOME={settings.home} running "
            "(`linkwatch neo4j start`): the importer writes a new store offline, so the loader must be able "
            f"to stop and restart that server; {TRANSACTIONAL_HINT} on any other server. Nothing was changed."
        )
    ready = st.ready or {}
    if ready.get("port") != cfg.port or ready.get("host") != cfg.host:
        raise BulkRefusedError(
            f"NEO4J_URI ({settings.neo4j_uri}) is not the managed Neo4j of LINKWATCH_HOME={settings.home} "
            f"(it listens on {ready.get('host')}:{ready.get('port')}); --bulk only replaces the store of "
            f"the server it manages; {TRANSACTIONAL_HINT}. Nothing was changed."
        )
    try:
        cmdline = psutil.Process(st.pid).cmdline()
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return cfg
    # Restart it exactly as it was started, which may differ from the current environment's defaults.
    auth = _flag(cmdline, "-Dlinkwatch.auth=")
    return replace(
        cfg,
        heap=_flag(cmdline, "-Xmx") or cfg.heap,
        pagecache=_flag(cmdline, "-Dlinkwatch.pagecache=") or cfg.pagecache,
        auth=cfg.auth if auth is None else auth == "true",
    )


def server_settings(cfg: ServerConfig) -> dict[str, Any]:
    return {"heap": cfg.heap, "pagecache": cfg.pagecache, "auth": cfg.auth}


def config_from_state(settings: Settings, recorded: dict[str, Any]) -> ServerConfig:
    cfg = server_config(settings)
    return replace(
        cfg,
        heap=str(recorded.get("heap", cfg.heap)),
        pagecache=str(recorded.get("pagecache", cfg.pagecache)),
        auth=bool(recorded.get("auth", cfg.auth)),
    )


def graph_size(settings: Settings) -> tuple[int, int]:
    """(nodes, relationships) of the configured database."""
    with sync_driver(settings) as driver:
        records, _, _ = driver.execute_query(
            q("load/graph_size"), database_=settings.neo4j_database, routing_="r"
        )
    return int(records[0]["nodes"]), int(records[0]["relationships"])


def require_empty(settings: Settings) -> None:
    nodes, _ = graph_size(settings)
    if nodes:
        raise BulkRefusedError(
            f"the database holds {nodes:,} nodes; --bulk only loads into an empty store, because the "
            f"importer writes a new store offline and would replace them; {TRANSACTIONAL_HINT}. "
            "Nothing was changed."
        )

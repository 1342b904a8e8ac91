"""LINKWATCH_HOME is owner-only, secrets and the audit trail are 0600, and empty secrets are refused."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from pydantic import ValidationError

from app.api.audit import AuditLog
from app.platform.settings import HASH_KEY_FILE, PASSWORD_FILE, Settings


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def no_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Only what each test passes: no configured secrets, no .env file."""
    for name in ("NEO4J_PASSWORD", "LINKWATCH_INSTRUMENT_HASH_KEY", "LINKWATCH_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


def test_home_is_created_owner_only(no_env: None, tmp_path: Path) -> None:
    home = tmp_path / "a" / "home"
    assert Settings(LINKWATCH_HOME=str(home)).home == home
    assert _mode(home) == 0o700


def test_an_open_home_is_narrowed(no_env: None, tmp_path: Path) -> None:
    home = tmp_path / "open-home"
    home.mkdir(mode=0o755)
    home.chmod(0o755)
    Settings(LINKWATCH_HOME=str(home)).home  # noqa: B018 - the property creates and narrows it
    assert _mode(home) == 0o700


def test_generated_secrets_are_0600_in_a_0700_folder(no_env: None, tmp_path: Path) -> None:
    settings = Settings(LINKWATCH_HOME=str(tmp_path / "h1"))
    password, key = settings.password(), settings.hash_key()
    assert password
    assert key
    secrets_dir = settings.home / "secrets"
    assert _mode(secrets_dir) == 0o700
    assert _mode(secrets_dir / PASSWORD_FILE) == 0o600
    assert _mode(secrets_dir / HASH_KEY_FILE) == 0o600
    # Kept: the same values on the next read.
    assert Settings(LINKWATCH_HOME=str(tmp_path / "h1")).password() == password


def test_secret_file_readable_by_others_is_refused(no_env: None, tmp_path: Path) -> None:
    settings = Settings(LINKWATCH_HOME=str(tmp_path / "h2"))
    settings.password()
    (settings.home / "secrets" / PASSWORD_FILE).chmod(0o644)
    with pytest.raises(PermissionError, match="chmod 600"):
        settings.password()


def test_empty_secret_file_is_refused(no_env: None, tmp_path: Path) -> None:
    settings = Settings(LINKWATCH_HOME=str(tmp_path / "h3"))
    folder = settings.home / "secrets"
    folder.mkdir(mode=0o700)
    path = folder / HASH_KEY_FILE
    path.write_text("\n")
    path.chmod(0o600)
    with pytest.raises(ValueError, match="is empty"):
        settings.hash_key()


@pytest.mark.parametrize("value", ["", "   ", "\n"])
def test_empty_hash_key_setting_is_refused(
    no_env: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("LINKWATCH_INSTRUMENT_HASH_KEY", value)
    with pytest.raises(ValidationError, match="LINKWATCH_INSTRUMENT_HASH_KEY is set but empty"):
        Settings(LINKWATCH_HOME=str(tmp_path / "h4"))


def test_configured_hash_key_is_used(no_env: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINKWATCH_INSTRUMENT_HASH_KEY", "a-real-key")
    assert Settings(LINKWATCH_HOME=str(tmp_path / "h5")).hash_key() == b"a-real-key"


def test_audit_trail_is_0600_in_a_0700_folder_even_if_made_open_before(tmp_path: Path) -> None:
    folder = tmp_path / "audit"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    log = AuditLog(tmp_path)
    log.record({"outcome": "ok"})
    log.close()
    [path] = folder.glob("audit-*.jsonl")
    assert _mode(path) == 0o600
    assert _mode(folder) == 0o700
    path.chmod(0o644)  # e.g. written by an older version
    log = AuditLog(tmp_path)
    log.record({"outcome": "ok"})
    log.close()
    assert _mode(path) == 0o600

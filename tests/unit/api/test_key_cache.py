"""The key cache: a revocation signalled through LINKWATCH_HOME ends every cached key at once; a signal
that cannot be read is treated as a revocation (nothing is trusted from the cache)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.api.auth import KeyVerifier
from app.platform import key_revocations
from app.platform.key_revocations import RevocationSignal
from app.services.api_keys import hash_secret
from tests.unit.fakes import FakeRunner

SECRET = "s" * 43
TOKEN = f"lw_abc123_{SECRET}"


def _runner(revoked: dict[str, Any]) -> FakeRunner:
    """`api/key_get` answers from `revoked` at call time, as the database would after a commit."""

    def key_get(params: dict[str, Any]) -> list[dict[str, Any]]:
        row = {"key_id": "abc123", "name": "alice", "role": "viewer", "hash": hash_secret(SECRET)}
        return [{**row, "revoked_at": revoked.get("at")}]

    return FakeRunner({"api/key_get": key_get})


def _lookups(runner: FakeRunner) -> int:
    return runner.names().count("api/key_get")


async def test_cached_key_needs_no_database_until_a_revocation_is_signalled(tmp_path: Path) -> None:
    revoked: dict[str, Any] = {}
    runner = _runner(revoked)
    verifier = KeyVerifier(runner, RevocationSignal(tmp_path), ttl=3600)
    for _ in range(5):
        assert await verifier.verify(TOKEN) is not None
    assert _lookups(runner) == 1

    revoked["at"] = "2026-01-01T00:00:00Z"
    key_revocations.bump(tmp_path)
    assert await verifier.verify(TOKEN) is None
    assert _lookups(runner) == 2
    verifier.close()


async def test_every_bump_is_seen_even_several_in_a_row(tmp_path: Path) -> None:
    runner = _runner({})
    signal = RevocationSignal(tmp_path)
    verifier = KeyVerifier(runner, signal, ttl=3600)
    for expected in range(1, 6):
        await verifier.verify(TOKEN)
        await verifier.verify(TOKEN)
        assert _lookups(runner) == expected
        key_revocations.bump(tmp_path)
        key_revocations.bump(tmp_path)  # two within one clock tick: contents differ, timestamps may not
    verifier.close()


async def test_removed_signal_file_also_invalidates(tmp_path: Path) -> None:
    runner = _runner({})
    key_revocations.bump(tmp_path)
    verifier = KeyVerifier(runner, RevocationSignal(tmp_path), ttl=3600)
    await verifier.verify(TOKEN)
    key_revocations.signal_path(tmp_path).unlink()
    await verifier.verify(TOKEN)
    assert _lookups(runner) == 2
    verifier.close()


async def test_unreadable_signal_means_no_cache(tmp_path: Path) -> None:
    runner = _runner({})
    # Something that opens but cannot be read as the signal (a mode-000 file would do, except for root).
    key_revocations.signal_path(tmp_path).mkdir(parents=True)
    verifier = KeyVerifier(runner, RevocationSignal(tmp_path), ttl=3600)
    for _ in range(3):
        assert await verifier.verify(TOKEN) is not None
    assert _lookups(runner) == 3
    verifier.close()


async def test_zero_ttl_verifies_every_request(tmp_path: Path) -> None:
    runner = _runner({})
    verifier = KeyVerifier(runner, RevocationSignal(tmp_path), ttl=0)
    for _ in range(3):
        await verifier.verify(TOKEN)
    assert _lookups(runner) == 3


def test_signal_file_is_owner_only_and_whole(tmp_path: Path) -> None:
    generation = key_revocations.bump(tmp_path)
    path = key_revocations.signal_path(tmp_path)
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.read_text().strip() == generation
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left behind

"""`linkwatch load DIR --bulk` against its own Neo4j (the bulk path stops and restarts the server).

The reference is the transactional load of the same directory into the same server: the bulk load must
leave the very same graph and reject entries, and later transactional loads must see its files as done.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest
from neo4j import Driver
from rich.console import Console
from typer.testing import CliRunner

from app.cli import cli
from app.platform.driver import sync_driver
from app.platform.logging import configure_logging
from app.platform.neo4j_server import server
from app.platform.neo4j_server.throwaway import throwaway_neo4j
from app.platform.schema import apply_schema
from app.platform.settings import Settings, get_settings
from app.platform.store_lock import StoreBusyError, StoreInUseError, store_exclusive, store_in_use
from loaders.bulk import run as run_module
from loaders.bulk import workers
from loaders.bulk.preflight import BulkRefusedError
from loaders.bulk.run import bulk_load_directory
from loaders.bulk.state import BulkState, InputFile, read_state, write_state
from loaders.discovery import LOAD_ORDER, Kind, discover
from loaders.mining.registry import Registry
from loaders.pipeline import load_directory
from loaders.reading import content_hash
from loaders.report import LoadReport
from loaders.settings import LoadSettings
from tests.conftest import wipe
from tests.loaders.conftest import counts, reset_state, snapshot
from tests.loaders.fixtures import RAW_CARD, write_dataset, write_rows

HEAP = "1g"


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Settings, server.ServerConfig]]:
    """A Neo4j of this module's own (never the session's), and Settings pointing at it."""
    with throwaway_neo4j(tmp_path_factory.mktemp("bulk-home"), heap=HEAP, pagecache="256m") as neo4j:
        settings = Settings(
            NEO4J_URI=neo4j.uri,
            NEO4J_USER="neo4j",
            NEO4J_PASSWORD=neo4j.password,
            LINKWATCH_HOME=str(neo4j.root),
            LINKWATCH_INSTRUMENT_HASH_KEY="bulk-test-key",
        )
        yield settings, neo4j.config


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixtures' dataset plus later files in other formats: updates, link-only accounts, bad rows."""
    d = write_dataset(tmp_path_factory.mktemp("bulk-data"), "csv", n=40)
    (d / "accounts_copy.csv").write_bytes((d / "accounts.csv").read_bytes())  # same bytes: loaded once
    late = write_rows(
        d / "accounts_late.jsonl",
        [
            {"account_id": "acct001", "email_domain": "Moved.example", "org_id": "org9", "plan": None},
            {"account_id": "acct003", "email_domain": "first.example", "status": "suspended"},
            {"account_id": "acct005", "created_at": "not a time"},
            {"account_id": "acct006", "email_domain": "not a domain"},
            {"account_id": "", "plan": "free"},
        ],
    )
    with gzip.open(d / "accounts_late.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(late.read_text(encoding="utf-8") + "{not json\n")
    late.unlink()
    write_rows(
        d / "accounts_zlast.parquet",
        [
            {"account_id": "acct003", "email_domain": "second.example", "country": "fr"},
            {"account_id": "acct008", "created_at": "1775000999", "signup_channel": "edu"},
            {"account_id": "acct009", "status": "line one\nline two", "plan": 'pro, "annual"'},
        ],
    )
    write_rows(
        d / "ip_links_more.parquet",
        [
            {"account_id": "acct001", "ip": "203.0.113.11", "requests": "5",
             "first_seen": "2026-04-20T00:00:00Z", "last_seen": "2026-06-01T12:30:00.250000+02:00",
             "asn": "AS64999", "asn_org": "Other Net"},
            {"account_id": "zz001", "ip": "::ffff:203.0.113.12", "requests": "2", "ip_type": "Residential"},
            {"account_id": "zz002", "ip": "2001:db8:1::99", "first_seen": "1777000000"},
            {"account_id": "zz003", "ip": "999.1.1.1"},
            {"account_id": "zz004", "ip": "198.51.100.7", "ip_type": "satellite"},
            {"account_id": "zz005", "ip": "198.51.100.8", "requests": "-3"},
        ],
    )  # fmt: skip
    write_rows(
        d / "requests_more.jsonl",
        [
            # A link ip_links also reports (3 requests there, 2 here; earlier first_seen here).
            {
                "account_id": "acct001",
                "ts": "2026-04-01T08:00:00Z",
                "ip": "203.0.113.11",
                "model": "m-late",
                "prompt": "Grade this answer 7 against the rubric",
                "input_tokens": "10",
                "output_tokens": "4",
            },
            {
                "account_id": "acct001",
                "ts": "1777000000.25",
                "ip": "203.0.113.11",
                "model": "m-late",
                "prompt": "Grade this answer 9 against the rubric",
            },
            {"account_id": "zz009", "ts": "yesterday", "prompt": "Grade this answer"},
            {"account_id": "zz010", "ts": "2026-05-02T00:00:00Z", "ip": "300.1.1.1", "prompt": "hi"},
        ],
    )
    write_rows(
        d / "payment_links_more.jsonl",
        [
            {"account_id": "acct002", "instrument_id": "tok_shared_0", "instrument_type": "Virtual",
             "first_used": "2026-03-01T00:00:00Z"},
            {"account_id": "zz006", "instrument_id": "tok_new", "bin": "411111", "issuer_country": "gb"},
            {"account_id": "zz007", "instrument_id": RAW_CARD},
            {"account_id": "zz008", "instrument_id": "tok_x", "bin": "12"},
        ],
    )  # fmt: skip
    return d


def _rejects(settings: Settings) -> list[str]:
    files = sorted((settings.home / "rejects").glob("load-*.jsonl"))
    return sorted(line for f in files for line in f.read_text(encoding="utf-8").splitlines())


def _clear_rejects(settings: Settings) -> None:
    for f in (settings.home / "rejects").glob("load-*.jsonl"):
        f.unlink()


def _created(driver: Driver) -> dict[str, Any]:
    """Account creation times (the snapshot leaves `created_at` out as a load time elsewhere)."""
    with driver.session() as s:
        return {
            r["id"]: r["t"]
            for r in s.run("MATCH (a:Account) RETURN a.account_id AS id, a.created_at AS t ORDER BY id")
        }


def _markers(driver: Driver) -> set[tuple[str, str, int]]:
    with driver.session() as s:
        return {
            (r["id"], r["kind"], r["rows"])
            for r in s.run(
                "MATCH (b:LoadBatch) WHERE b.batch_id ENDS WITH ':done' "
                "RETURN b.batch_id AS id, b.kind AS kind, b.rows AS rows"
            )
        }


def _registry(settings: Settings, driver: Driver) -> dict[str, tuple[str, str]]:
    with driver.session() as s:
        live = {r["id"] for r in s.run("MATCH (t:PromptTemplate) RETURN t.template_id AS id")}
    return Registry(settings.home / "state").read(live)


def _state_for(directory: Path) -> BulkState:
    files = discover(directory)
    inputs = tuple(
        InputFile(df.name, kind.value, content_hash(df.path)) for kind in LOAD_ORDER for df in files[kind]
    )
    return BulkState(str(directory.resolve()), inputs, {"heap": HEAP, "pagecache": "256m", "auth": True})


def _load_settings() -> LoadSettings:
    return LoadSettings().model_copy(update={"bulk_import_heap": "512m", "batch_size": 7})


def _bulk(directory: Path, settings: Settings) -> LoadReport:
    quiet = Console(stderr=True, quiet=True)
    return bulk_load_directory(directory, settings, _load_settings(), quiet)


def _transactional(directory: Path, settings: Settings, driver: Driver) -> LoadReport:
    apply_schema(driver, settings.neo4j_database)
    return load_directory(directory, driver, settings, _load_settings(), Console(stderr=True, quiet=True))


def _reset(settings: Settings, driver: Driver) -> None:
    wipe(driver)
    reset_state(settings)
    _clear_rejects(settings)


@pytest.fixture(scope="module")
def reference(own: tuple[Settings, server.ServerConfig], data: Path) -> dict[str, Any]:
    """The transactional load of the directory (small batches: many batches, files in several)."""
    settings, _ = own
    with sync_driver(settings) as drv:
        _reset(settings, drv)
        report = _transactional(data, settings, drv)
        ref = {
            "snapshot": snapshot(drv),
            "counts": counts(drv),
            "created": _created(drv),
            "markers": {m for m in _markers(drv) if m[1] != "labels"},
            "registry": _registry(settings, drv),
            "rejects": _rejects(settings),
            "report": [(f.file, f.kind, f.read, f.loaded, f.rejected, f.status) for f in report.files],
            "templates": report.templates,
        }
        _reset(settings, drv)
    return ref


@pytest.fixture(scope="module")
def bulk_loaded(
    own: tuple[Settings, server.ServerConfig], data: Path, reference: dict[str, Any]
) -> LoadReport:
    settings, _ = own
    return _bulk(data, settings)


def test_bulk_gives_the_transactional_graph(
    own: tuple[Settings, server.ServerConfig], reference: dict[str, Any], bulk_loaded: LoadReport
) -> None:
    settings, cfg = own
    # The dataset exercises the request log's part: links of its own and links ip_links also report.
    assert min(reference["counts"][f"rel:{t}"] for t in ("SENT", "USED_MODEL", "USED_IP")) > 0
    used_ip = [{k for k, _ in r[3]} for r in reference["snapshot"]["rels"] if r[0] == "USED_IP"]
    assert any({"log_requests", "reported_requests"} <= keys for keys in used_ip)
    assert any("log_requests" in keys and "reported_requests" not in keys for keys in used_ip)
    assert reference["registry"]
    with sync_driver(settings) as drv:
        assert counts(drv) == reference["counts"]
        assert snapshot(drv) == reference["snapshot"]
        assert _created(drv) == reference["created"]
        # The markers a later transactional load looks for, with the rows it would have recorded.
        assert {m for m in _markers(drv) if m[1] != "labels"} == reference["markers"]
        # Paraphrases a later load brings map to the templates as they would after a transactional load.
        assert _registry(settings, drv) == reference["registry"]
    assert _rejects(settings) == reference["rejects"]
    rows = [(f.file, f.kind, f.read, f.loaded, f.rejected, f.status) for f in bulk_loaded.files]
    assert rows == reference["report"]
    assert bulk_loaded.rejected > 0
    assert {"validate and stage", "mine requests", "import", "start server", "schema"} <= set(
        bulk_loaded.stages
    )
    assert bulk_loaded.templates == reference["templates"] > 0
    assert read_state(settings.home) is None
    # Restarted with the settings it ran with, not the environment's defaults.
    pid = server.status(cfg).pid
    assert pid is not None
    assert f"-Xmx{HEAP}" in psutil.Process(pid).cmdline()
    # The schema is back: a uniqueness constraint on every natural key.
    with sync_driver(settings) as drv, drv.session() as s:
        names = {r["name"] for r in s.run("SHOW CONSTRAINTS YIELD name")}
    assert {"account_id", "ip_address", "instrument_key", "load_batch_id"} <= names


def test_transactional_reload_changes_nothing(
    own: tuple[Settings, server.ServerConfig], data: Path, reference: dict[str, Any], bulk_loaded: LoadReport
) -> None:
    settings, _ = own
    with sync_driver(settings) as drv:
        report = _transactional(data, settings, drv)
        assert {f.status for f in report.files} == {"already loaded"}
        assert sum(f.read for f in report.files) == 0
        assert snapshot(drv) == reference["snapshot"]


def test_bulk_refused_on_a_non_empty_store(
    own: tuple[Settings, server.ServerConfig],
    data: Path,
    reference: dict[str, Any],
    bulk_loaded: LoadReport,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings, cfg = own
    pid = server.status(cfg).pid
    with pytest.raises(BulkRefusedError, match="empty store"):
        _bulk(data, settings)
    # The command line says the same, with a non-zero exit.
    for k, v in {
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_PASSWORD": settings.password(),
        "LINKWATCH_HOME": str(settings.home),
        "LINKWATCH_INSTRUMENT_HASH_KEY": "bulk-test-key",
    }.items():
        monkeypatch.setenv(k, v)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["load", str(data), "--bulk"])
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
        configure_logging()  # CliRunner pointed logging at its own stderr, closed by now
    assert result.exit_code == 2
    assert "empty store" in result.output
    assert "without --bulk" in result.output
    assert server.status(cfg).pid == pid  # never stopped
    assert read_state(settings.home) is None
    with sync_driver(settings) as drv:
        assert snapshot(drv) == reference["snapshot"]


def test_interrupted_run_is_redone_and_other_inputs_are_refused(
    own: tuple[Settings, server.ServerConfig],
    data: Path,
    reference: dict[str, Any],
    bulk_loaded: LoadReport,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings, cfg = own
    reset_state(settings)  # mining scratch and template registry go too, as with a wiped store
    _clear_rejects(settings)
    # Another directory while a run is unfinished: refused, nothing changed.
    other = write_dataset(tmp_path / "other", "csv", n=5, prefix="oth")
    write_state(settings.home, _state_for(data))
    pid = server.status(cfg).pid
    with pytest.raises(BulkRefusedError, match="not finished"):
        _bulk(other, settings)
    assert server.status(cfg).pid == pid
    assert read_state(settings.home) is not None

    # The same inputs, after a crash that left the store half-written (the stray node) and the server down:
    # the rerun starts it as recorded and replaces the store with the complete load.
    with sync_driver(settings) as drv:
        drv.execute_query("CREATE (:Account {account_id: 'half-imported'})")
    server.stop(cfg)
    # This run stages the kinds in parallel worker processes, which the small inputs would skip.
    monkeypatch.setattr(workers, "PARALLEL_MIN_BYTES", 0)
    _bulk(data, settings)
    assert read_state(settings.home) is None
    pid = server.status(cfg).pid
    assert pid is not None
    assert f"-Xmx{HEAP}" in psutil.Process(pid).cmdline()
    with sync_driver(settings) as drv:
        assert snapshot(drv) == reference["snapshot"]
    assert _rejects(settings) == reference["rejects"]


def test_importer_unsafe_home_is_refused_before_anything(tmp_path: Path, data: Path) -> None:
    """The importer reads file names as regular expressions and splits at commas: refuse such a home."""
    home = tmp_path / "exports, 2026"
    settings = Settings(
        NEO4J_URI="bolt://127.0.0.1:1", NEO4J_PASSWORD="unused-password", LINKWATCH_HOME=str(home)
    )
    with pytest.raises(BulkRefusedError, match="LINKWATCH_HOME"):
        _bulk(data, settings)
    assert not home.exists()


def test_request_log_alone(
    own: tuple[Settings, server.ServerConfig], data: Path, bulk_loaded: LoadReport, tmp_path: Path
) -> None:
    """A directory of request files only (accounts, IPs and models come from the log) imports as well."""
    settings, _ = own
    for df in discover(data)[Kind.REQUESTS]:
        (tmp_path / df.name).write_bytes(df.path.read_bytes())
    with sync_driver(settings) as drv:
        _reset(settings, drv)
        _transactional(tmp_path, settings, drv)
        expected, expected_counts = snapshot(drv), counts(drv)
        expected_rejects = _rejects(settings)
        _reset(settings, drv)
    report = _bulk(tmp_path, settings)
    assert [f.kind for f in report.files] == ["requests"] * 3
    with sync_driver(settings) as drv:
        assert expected_counts["node:Account"] > 0
        assert counts(drv) == expected_counts
        assert snapshot(drv) == expected
        again = _transactional(tmp_path, settings, drv)
        assert {f.status for f in again.files} == {"already loaded"}
    assert _rejects(settings) == expected_rejects


def test_failure_before_the_import_leaves_things_as_they_were(
    own: tuple[Settings, server.ServerConfig], data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Staging fails (here: writing the importer's files) after the server was stopped: it is started
    again with its settings, the state file goes, and the store is untouched, so nothing needs redoing."""
    settings, cfg = own
    with sync_driver(settings) as drv:
        _reset(settings, drv)
        drv.execute_query("CREATE (:Marker {kept: true})")  # not empty: pretend the check had passed
    monkeypatch.setattr(run_module, "require_empty", lambda settings: None)

    def disk_full(*args: object) -> None:
        raise OSError("No space left on device")

    monkeypatch.setattr(run_module, "write_import_files", disk_full)
    with pytest.raises(OSError, match="No space left"):
        _bulk(data, settings)
    assert read_state(settings.home) is None
    pid = server.status(cfg).pid
    assert pid is not None
    assert f"-Xmx{HEAP}" in psutil.Process(pid).cmdline()
    with sync_driver(settings) as drv, drv.session() as s:
        assert [r["kept"] for r in s.run("MATCH (m:Marker) RETURN m.kept AS kept")] == [True]
        assert s.run("MATCH (n) RETURN count(n) AS n").single()["n"] == 1  # type: ignore[index]


def test_bulk_refused_while_the_store_is_in_use_and_holds_writers_off_until_done(
    own: tuple[Settings, server.ServerConfig], data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race between the emptiness check and stopping the server: an API (or worker, load, ...) that
    uses the store refuses the bulk load before it checks anything; one that starts after the check is
    refused itself, so nothing is written that the import would silently replace."""
    settings, cfg = own
    with sync_driver(settings) as drv:
        _reset(settings, drv)
    pid = server.status(cfg).pid
    with store_in_use(settings.home, "serve"), pytest.raises(BulkRefusedError) as refused:
        _bulk(data, settings)
    # The holder is this very process, which the message leaves out (it names other processes).
    assert "in use by another Linkwatch process" in str(refused.value)
    assert "Nothing was changed" in str(refused.value)
    assert server.status(cfg).pid == pid  # never stopped
    assert read_state(settings.home) is None

    late: list[str] = []
    real_stop = run_module._stop_server

    def stop_after_a_late_writer(*args: Any) -> None:
        # The emptiness check has passed; a `linkwatch load` (or detection run, key, decision) arrives.
        try:
            with store_in_use(settings.home, "load"):
                late.append("wrote")
        except StoreBusyError:
            late.append("refused")
        real_stop(*args)

    monkeypatch.setattr(run_module, "_stop_server", stop_after_a_late_writer)
    report = _bulk(data, settings)
    assert late == ["refused"]
    assert report.files
    # Once the bulk load is done, the store is free again.
    with store_in_use(settings.home, "load"):
        pass


def test_store_users_are_named_in_the_refusal(tmp_path: Path) -> None:
    """A holder in another process is named by pid and command; a dead one's marker is ignored."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from app.platform.store_lock import store_in_use\n"
            "with store_in_use(Path(sys.argv[1]), 'worker'):\n"
            "    print('held', flush=True); time.sleep(60)",
            str(tmp_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        (tmp_path / "run" / "store-users" / "999999999-serve").touch()  # a process long gone
        with pytest.raises(StoreInUseError) as in_use, store_exclusive(tmp_path):
            pass
        assert in_use.value.users == [f"pid {holder.pid} (linkwatch worker)"]
    finally:
        holder.kill()
        holder.wait()
    with store_exclusive(tmp_path):  # the lock went with the killed process
        pass

"""Bad rows go to the reject file (file, line, field, reason), the load goes on; card numbers go nowhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import structlog
from neo4j import Driver

from app.platform.settings import Settings

from .conftest import graph_text, run_load
from .fixtures import RAW_CARD, write_rows

CARD_DIGITS = RAW_CARD.replace(" ", "")


@pytest.fixture
def bad_dir(tmp_path: Path) -> Path:
    d = tmp_path / "bad"
    d.mkdir()
    write_rows(
        d / "accounts.csv",
        [
            {"account_id": "ok1", "created_at": "2026-05-01T00:00:00Z", "country": "US", "favourite": "x"},
            {"account_id": "", "created_at": "2026-05-01T00:00:00Z", "country": "US"},  # line 3
            {"account_id": "bad_ts", "created_at": "yesterday", "country": "US"},  # line 4
            {"account_id": "bad_country", "country": "USA"},  # line 5
            {"account_id": "bad_domain", "email_domain": "not a domain"},  # line 6
        ],
    )
    write_rows(
        d / "ip_links.jsonl",
        [
            {"account_id": "ok1", "ip": "203.0.113.9", "requests": 2},
            {"account_id": "ok1", "ip": "203.0.113.999"},  # line 2
            {"account_id": "ok1", "ip": "203.0.113.10", "ip_type": "spaceship"},  # line 3
            {"account_id": "ok1", "ip": "203.0.113.11", "requests": -4},  # line 4
        ],
    )
    with (d / "ip_links.jsonl").open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")  # line 5
    write_rows(
        d / "payment_links.csv",
        [
            {"account_id": "ok1", "instrument_id": "tok_fine"},
            {"account_id": "ok1", "instrument_id": RAW_CARD},  # line 3
            {"account_id": "ok1", "instrument_id": CARD_DIGITS.replace("4539", "4539-", 1)},  # line 4
        ],
    )
    write_rows(
        d / "requests.csv",
        [
            {"account_id": "ok1", "ts": "2026-05-01T10:00:00Z", "prompt": "hello 1", "ip": "198.51.100.1"},
            {"account_id": "ok1", "ts": "not a time", "prompt": "hello 2"},  # line 3
            {"account_id": "ok1", "ts": "2026-05-01T10:00:00Z", "prompt": "hello 3", "ip": "1.2.3"},  # line 4
            {"account_id": "", "ts": "2026-05-01T10:00:00Z", "prompt": "hello 4"},  # line 5
            {"account_id": "ok1", "ts": "1777629600", "prompt": "  "},  # line 6
            {"account_id": "ok1", "ts": "1777629600", "prompt": "p", "input_tokens": "-3"},  # line 7
        ],
        columns=["account_id", "ts", "prompt", "ip", "input_tokens"],
    )
    write_rows(
        d / "labels.csv",
        [
            {"entity": "instrument", "value": RAW_CARD, "actor": "X"},  # line 2
            {"entity": "planet", "value": "mars", "actor": "X"},  # line 3
            {"entity": "account", "value": "ok1", "actor": "X", "confidence": "1.5"},  # line 4
            {"entity": "account", "value": "ok1", "actor": "X", "confidence": "0.5"},
        ],
    )
    return d


def test_rejects_are_reported_with_file_line_field_and_reason(
    bad_dir: Path, fresh: Driver, settings: Settings, capfd: pytest.CaptureFixture[str]
) -> None:
    # Route every log line through a real renderer so a leak would show in the captured output.
    structlog.configure(
        processors=[structlog.processors.JSONRenderer()], logger_factory=structlog.PrintLoggerFactory()
    )
    try:
        report = run_load(bad_dir, fresh, settings)
    finally:
        structlog.reset_defaults()
    assert report.reject_file is not None
    lines = Path(report.reject_file).read_text(encoding="utf-8")
    rejects = [json.loads(x) for x in lines.splitlines()]
    got = {(r["file"], r["line"], r["field"]) for r in rejects}
    assert got == {
        ("accounts.csv", 3, "account_id"),
        ("accounts.csv", 4, "created_at"),
        ("accounts.csv", 5, "country"),
        ("accounts.csv", 6, "email_domain"),
        ("ip_links.jsonl", 2, "ip"),
        ("ip_links.jsonl", 3, "ip_type"),
        ("ip_links.jsonl", 4, "requests"),
        ("ip_links.jsonl", 5, "row"),
        ("payment_links.csv", 3, "instrument_id"),
        ("payment_links.csv", 4, "instrument_id"),
        ("requests.csv", 3, "ts"),
        ("requests.csv", 4, "ip"),
        ("requests.csv", 5, "account_id"),
        ("requests.csv", 6, "prompt"),
        ("requests.csv", 7, "input_tokens"),
        ("labels.csv", 2, "value"),
        ("labels.csv", 3, "entity"),
        ("labels.csv", 4, "confidence"),
    }
    assert all(r["reason"] for r in rejects)
    card = next(r for r in rejects if r["file"] == "payment_links.csv" and r["line"] == 3)
    assert "card number" in card["reason"]
    assert card["row"]["instrument_id"] == "[REDACTED]"
    assert (
        next(r for r in rejects if r["line"] == 4 and r["file"] == "ip_links.jsonl")["row"]["account_id"]
        == "ok1"
    )

    by_file = {f.file: f for f in report.files}
    assert (
        by_file["accounts.csv"].read,
        by_file["accounts.csv"].loaded,
        by_file["accounts.csv"].rejected,
    ) == (5, 1, 4)
    assert (by_file["requests.csv"].read, by_file["requests.csv"].loaded) == (6, 1)
    assert by_file["accounts.csv"].unknown_columns == ["favourite"]

    # The load went on: good rows of every file are in the graph.
    with fresh.session() as s:
        assert (
            s.run("MATCH (:Account {account_id: 'ok1'})-[:USED_IP]->(i) RETURN count(i) AS n").single()["n"]
            == 2
        )
        assert s.run("MATCH (:Account)-[:PAID_WITH]->(p) RETURN count(p) AS n").single()["n"] == 1
        assert (
            s.run(
                "MATCH (:Account {account_id: 'ok1'})-[l:LABELLED_AS]->() RETURN l.confidence AS c"
            ).single()["c"]
            == 0.5
        )

    # A raw card number is never stored, written or logged, in any spelling.
    out, err = capfd.readouterr()
    for text in (graph_text(fresh), lines, out, err):
        assert CARD_DIGITS not in text.replace(" ", "").replace("-", "")
        assert RAW_CARD not in text

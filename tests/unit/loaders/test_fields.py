"""Field parsing: timestamps, card numbers refused by the row models, file discovery, Parquet line numbers
(identifier rules themselves: tests/unit/domain)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from loaders.discovery import Format, Kind, classify, discover
from loaders.fields import parse_timestamp
from loaders.reading import connect, iter_rows, source
from loaders.records import AccountRow, IpLinkRow, LabelRow, PaymentLinkRow, RowError, validate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-05-01T12:00:00+02:00", datetime(2026, 5, 1, 10, tzinfo=UTC)),
        ("2026-05-01T12:00:00Z", datetime(2026, 5, 1, 12, tzinfo=UTC)),
        ("2026-05-01T12:00:00", datetime(2026, 5, 1, 12, tzinfo=UTC)),  # no offset: UTC
        ("2026-05-01 12:00:00+00", datetime(2026, 5, 1, 12, tzinfo=UTC)),
        ("1777636800", datetime(2026, 5, 1, 12, tzinfo=UTC)),  # epoch seconds
        ("1777636800.5", datetime(2026, 5, 1, 12, 0, 0, 500000, tzinfo=UTC)),
    ],
)
def test_timestamps(text: str, expected: datetime) -> None:
    assert parse_timestamp(text) == expected


def test_card_number_is_rejected_without_echoing_it() -> None:
    with pytest.raises(RowError) as err:
        validate(PaymentLinkRow, {"account_id": "a", "instrument_id": "4539 1488 0343 6467"})
    assert err.value.field == "instrument_id"
    assert "4539" not in str(err.value)


@pytest.mark.parametrize(
    ("model", "raw", "field", "value"),
    [
        (AccountRow, {"account_id": "a", "email_domain": " @Mail.Example.COM "}, "email_domain",
         "mail.example.com"),
        (IpLinkRow, {"account_id": "a", "ip": " ::FFFF:C000:201 "}, "ip", "192.0.2.1"),
        (IpLinkRow, {"account_id": "a", "ip": "2001:0DB8::0001", "asn": "as 13335"}, "asn", 13335),
        (LabelRow, {"entity": "IP", "value": "::ffff:192.0.2.1", "actor": "x"}, "value", "192.0.2.1"),
        (LabelRow, {"entity": "asn", "value": "AS13335", "actor": "x"}, "value", "13335"),
        (LabelRow, {"entity": "email_domain", "value": "@MAIL.example.com", "actor": "x"}, "value",
         "mail.example.com"),
        (LabelRow, {"entity": "instrument", "value": " tok_1 ", "actor": "x"}, "value", "tok_1"),
    ],
)  # fmt: skip
def test_row_models_apply_the_domain_rules(
    model: type[Any], raw: dict[str, str | None], field: str, value: object
) -> None:
    assert getattr(validate(model, raw), field) == value


@pytest.mark.parametrize(
    ("raw", "field", "reason"),
    [
        ({"entity": "account", "value": "a", "actor": "???"}, "actor",
         "an actor name needs letters or digits"),
        ({"entity": "asn", "value": "AS-1", "actor": "x"}, "value",
         "not an AS number (expected 64500 or AS64500)"),
        ({"entity": "ip", "value": "::ffff:999.0.2.1", "actor": "x"}, "value",
         "not a valid IPv4 or IPv6 address"),
    ],
)  # fmt: skip
def test_label_rows_are_refused_by_the_domain_rules(
    raw: dict[str, str | None], field: str, reason: str
) -> None:
    with pytest.raises(RowError) as err:
        validate(LabelRow, raw)
    assert (err.value.field, err.value.reason) == (field, reason)


def test_discovery_by_kind_prefix_and_format(tmp_path: Path) -> None:
    names = [
        "accounts.csv", "accounts_extra.csv.gz", "ip_links-2026.jsonl", "payment_links.jsonl.gz",
        "requests-2026-05.parquet", "requests-2026-06.csv", "labels.csv",
        "truth.csv", "prompt_truth.csv", "ipx.csv", "requests.txt", "notes.md",
    ]  # fmt: skip
    for n in names:
        (tmp_path / n).write_text("x")
    found = discover(tmp_path)
    assert [f.name for f in found[Kind.ACCOUNTS]] == ["accounts.csv", "accounts_extra.csv.gz"]
    assert [f.name for f in found[Kind.REQUESTS]] == ["requests-2026-05.parquet", "requests-2026-06.csv"]
    assert [f.name for f in found[Kind.IP_LINKS]] == ["ip_links-2026.jsonl"]
    gz = classify(tmp_path / "payment_links.jsonl.gz")
    assert gz is not None
    assert gz.format is Format.JSONL
    assert gz.gzipped
    assert sum(len(v) for v in found.values()) == 7


@pytest.mark.parametrize("extra_column", [None, "file_row_number"])
def test_parquet_line_numbers_follow_file_order(tmp_path: Path, extra_column: str | None) -> None:
    """Line numbers of a Parquet file with many row groups, scanned in parallel, are the rows' positions
    (a file with its own `file_row_number` column is numbered the slow way, not confused by it)."""
    n = 50_000
    columns: dict[str, list[object]] = {"account_id": [f"a{i}" for i in range(n)], "ts": ["x"] * n}
    if extra_column:
        columns[extra_column] = [-1] * n
    path = tmp_path / "requests.parquet"
    pq.write_table(pa.table(columns), path, row_group_size=1_000)
    df = classify(path)
    assert df is not None
    con = connect("256MB", 2)
    rows = [r for chunk in iter_rows(con, source(con, df, Kind.REQUESTS), 7_000) for r in chunk]
    assert [r["line"] for r in rows] == list(range(1, n + 1))
    assert all(r["account_id"] == f"a{r['line'] - 1}" for r in rows)

"""Plain account and link rows staged by SQL get exactly the values, reports and rejects the models give."""

from __future__ import annotations

import csv
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from loaders.bulk import staging
from loaders.bulk.staging import TABLES, KindJob, stage_kind
from loaders.discovery import Kind, discover

# Per kind and column: plain values, values only the row models can judge, and invalid ones. The
# second value of each list is plain.
IP_LINKS = {
    "account_id": ["acct_1", "acct_2", "a b", "", " acct_1", "acct_2 ", "äcct", "acct\t3", "x"],
    "ip": ["10.0.0.1", "203.0.113.77", "8.8.8.8", "2001:db8::1", "::ffff:10.0.0.1", " 10.0.0.1",
           "01.2.3.4", "256.1.1.1", "not-an-ip", ""],
    "first_seen": ["2026-04-06T20:14:32Z", "2026-04-06T20:14:32", "2026-04-06T20:14:32.5Z",
                   "2026-04-06T20:14:32.123456Z", "2026-02-29T00:00:00Z", "2024-02-29T23:59:59Z",
                   "2026-04-06T24:00:00Z", "2026-04-06 20:14:32", "1700000000", "1700000000.25",
                   "2026-04-06T20:14:32+02:00", "0999-01-01T00:00:00Z", "2026-13-01T00:00:00Z",
                   " 2026-04-06T20:14:32Z", "yesterday", ""],
    "last_seen": ["2026-04-07T01:00:00Z", "2026-04-07T01:00:00.000001", "", "2026-04-31T00:00:00Z"],
    "requests": ["", "0", "12", "007", "999999999999999", "12.0", "-1", "1e3", " 5", "x"],
    "asn": ["", "64500", "AS64500", "as64500", "AS 64500", "0064500", "4294967296", "999999999", "ASX"],
    "asn_org": ["", "Meridian Mobile", " Padded", "Ünïcode Org", "Org, Inc."],
    "ip_type": ["", "mobile", "Mobile", "HOSTING", " vpn", "bogus", "proxy"],
}  # fmt: skip
TIMES = [
    "2023-07-05T23:02:15Z",
    "2026-04-06T20:14:32",
    "",
    "2026-02-29T00:00:00Z",
    "1700000000",
    " 2026-01-01",
]
TEXT = ["", "pro", "free tier", " pro", "pro ", "Prö", "x"]
ACCOUNTS = {
    "account_id": ["acct_1", "acct_2", "", " acct_1", "äcct", "acct\t3"],
    "created_at": TIMES,
    # 252 and 255 characters: either side of the 253-character bound.
    "email_domain": ["", "yahoo.com", "mail.example.co.uk", "YAHOO.com", "@yahoo.com", " yahoo.com",
                     "-bad-.com", "a.b", "localhost", "ab." * 83 + "com", "ab." * 84 + "com",
                     "x" * 64 + ".com", "exa_mple.com", "münchen.de"],
    "country": ["", "US", "us", "USA", " US", "U1"],
    "plan": TEXT,
    "org_id": ["", "org_1", " org_1", "org 2"],
    "signup_channel": TEXT,
    "status": ["", "active", "Suspended", " active"],
}  # fmt: skip
VALUES = {Kind.ACCOUNTS: ACCOUNTS, Kind.IP_LINKS: IP_LINKS}


def _write(path: Path, kind: Kind, rows: list[dict[str, str]]) -> None:
    path.mkdir(parents=True)
    for i, part in enumerate((rows[: len(rows) // 2], rows[len(rows) // 2 :])):
        with (path / f"{kind.value}_{i}.csv").open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, list(VALUES[kind]))
            writer.writeheader()
            writer.writerows(part)


def _stage(
    data: Path, kind: Kind, work: Path
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]], list[object]]:
    files = tuple(discover(data)[kind])
    job = KindJob(kind, files, tuple(f"u{i}" for i in range(len(files))), b"k" * 32, work)
    result = stage_kind(job)
    with duckdb.connect(str(job.database), read_only=True) as con:
        staged = con.execute(f"SELECT * FROM {TABLES[kind]} ORDER BY seq").fetchall()  # noqa: S608
    reports = [(r.file, r.read, r.loaded, r.rejected) for r in result.reports]
    rejects = [json.loads(line) for line in job.rejects.read_text(encoding="utf-8").splitlines()]
    for entry in rejects:
        entry.pop("rejected_at", None)
        entry.pop("run_id", None)
    return staged, reports, rejects


@pytest.mark.parametrize("kind", [Kind.ACCOUNTS, Kind.IP_LINKS])
@pytest.mark.parametrize("seed", range(3))
def test_plain_rows_stage_as_the_row_models_stage_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int, kind: Kind
) -> None:
    rng = random.Random(seed)
    values = VALUES[kind]
    rows = [{c: rng.choice(v) for c, v in values.items()} for _ in range(4000)]
    # Plain rows, as most of a real file, so both paths take a large share.
    rows += [{c: v[1] for c, v in values.items()} for _ in range(500)]
    rng.shuffle(rows)
    _write(tmp_path / "data", kind, rows)

    by_models: list[int] = []
    models = staging.validated_chunks

    def counted(*args: Any, **kwargs: Any) -> Iterator[tuple[list[Any], list[int], int]]:
        for chunk in models(*args, **kwargs):
            by_models.append(chunk[2])
            yield chunk

    monkeypatch.setattr(staging, "validated_chunks", counted)
    fast = _stage(tmp_path / "data", kind, tmp_path / "fast")
    through_models = sum(by_models)
    monkeypatch.setattr(staging, "split", lambda src, kind, base: None)
    slow = _stage(tmp_path / "data", kind, tmp_path / "slow")

    assert fast[0] == slow[0]
    assert fast[1] == slow[1]
    assert fast[2] == slow[2]
    # Both paths took a real share, and valid and rejected rows were both compared.
    assert 500 <= len(rows) - through_models < len(fast[0])
    assert fast[2]

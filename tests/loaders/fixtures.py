"""Small hand-made input directories in every format (input format v1)."""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

FORMATS = ("csv", "csv.gz", "jsonl", "jsonl.gz", "parquet")
RAW_CARD = "4539 1488 0343 6467"  # passes Luhn: must never be stored, logged or written to a reject file

Row = dict[str, Any]


def write_rows(path: Path, rows: Sequence[Row], columns: Sequence[str] | None = None) -> Path:
    """Writes `rows` in the format named by the path's extension; None becomes an empty CSV cell."""
    cols = list(columns or dict.fromkeys(k for r in rows for k in r))
    name = path.name
    if name.endswith(".parquet"):
        table = pa.table({c: [None if r.get(c) is None else str(r[c]) for r in rows] for c in cols})
        pq.write_table(table, path)
    elif name.endswith((".csv", ".csv.gz")):
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(cols)
        for r in rows:
            w.writerow(["" if r.get(c) is None else r[c] for c in cols])
        _write_text(path, buf.getvalue())
    elif name.endswith((".jsonl", ".jsonl.gz")):
        text = "".join(json.dumps({c: r[c] for c in cols if c in r}) + "\n" for r in rows)
        _write_text(path, text)
    else:
        raise ValueError(name)
    return path


def _write_text(path: Path, text: str) -> None:
    if path.name.endswith(".gz"):
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.write(text)
    else:
        path.write_text(text, encoding="utf-8")


# A template family with paraphrases (near-duplicates) and fill-ins the skeleton masks.
RUBRIC_VARIANTS = (
    'Grade the following response against the rubric. Rubric: "{a}". Response: "{b}". '
    "Give a score from 1 to 10 for each criterion and justify each score.",
    'Evaluate the following answer against the rubric. Rubric: "{a}". Response: "{b}". '
    "Give a score from 1 to 10 for each criterion and justify each score.",
    'Grade the following response against the rubric. Rubric: "{a}". Response: "{b}". '
    "Score each criterion 1-10 and justify each score.",
)
AGENT_PROMPT = (
    "You are an autonomous agent with access to the tools read_file, write_file, run_shell. "
    'Task: "{a}" in repository https://github.com/acme/repo{n}. Emit each tool call as JSON.'
)


def accounts(n: int, prefix: str = "acct") -> list[Row]:
    return [
        {
            "account_id": f"{prefix}{i:03d}",
            "created_at": f"2026-04-{1 + i % 28:02d}T08:00:00+02:00" if i % 3 else str(1775000000 + i),
            "email_domain": "Example.com" if i % 2 else "uni.edu",
            "country": "us" if i % 2 else "DE",
            "plan": "pro",
            "org_id": f"org{i % 3}" if i % 4 == 0 else None,
            "signup_channel": "web",
            "status": "active",
        }
        for i in range(n)
    ]


def ip_links(n: int, prefix: str = "acct") -> list[Row]:
    rows = []
    for i in range(n):
        rows.append(
            {
                "account_id": f"{prefix}{i:03d}",
                "ip": f"203.0.113.{10 + i % 5}" if i % 2 else f"2001:db8:{i % 3:x}::{i + 1:x}",
                "first_seen": "2026-05-01T00:00:00Z",
                "last_seen": "2026-05-02T00:00:00Z",
                "requests": 3,
                "asn": "AS64500" if i % 2 else "64501",
                "asn_org": "Example Hosting" if i % 2 else "Example Mobile",
                "ip_type": "hosting" if i % 2 else "mobile",
            }
        )
    return rows


def payment_links(n: int, prefix: str = "acct") -> list[Row]:
    return [
        {
            "account_id": f"{prefix}{i:03d}",
            "instrument_id": f"tok_shared_{i % 2}",
            "instrument_type": "card",
            "bin": "424242",
            "issuer_country": "US",
            "first_used": f"2026-04-{1 + i % 9:02d}T00:00:00Z",
        }
        for i in range(n)
    ]


def requests(n_accounts: int, per_account: int, prefix: str = "acct", day: int = 1) -> list[Row]:
    rows = []
    for i in range(n_accounts):
        for j in range(per_account):
            if i % 2:
                prompt = RUBRIC_VARIANTS[(i + j) % len(RUBRIC_VARIANTS)].format(a=f"be kind {j}", b=f"ok {i}")
            else:
                prompt = AGENT_PROMPT.format(a=f"fix bug {j}", n=i)
            rows.append(
                {
                    "account_id": f"{prefix}{i:03d}",
                    "ts": f"2026-05-{day:02d}T{10 + j % 3:02d}:{j % 60:02d}:00Z",
                    "prompt": prompt,
                    "ip": f"198.51.100.{i % 4}" if j % 2 else None,
                    "model": "model-a" if j % 3 else "model-b",
                    "input_tokens": 100 + j,
                    "output_tokens": 200,
                    "user_agent": "python-requests/2.32",
                }
            )
    return rows


def labels() -> list[Row]:
    return [
        {"entity": "account", "value": "acct000", "actor": "Crimson Lattice", "confidence": 0.9,
         "source": "trust_safety", "note": "banned"},
        {"entity": "ip", "value": "203.0.113.11", "actor": "Crimson Lattice", "confidence": 0.8},
        {"entity": "instrument", "value": "tok_shared_1", "actor": "crimson lattice", "confidence": 0.7},
        {"entity": "asn", "value": "AS64500", "actor": "Crimson Lattice", "confidence": 0.5},
        {"entity": "email_domain", "value": "uni.edu", "actor": "Crimson Lattice"},
        {"entity": "template", "value": RUBRIC_VARIANTS[0].format(a="x", b="y"), "actor": "Crimson Lattice",
         "confidence": 0.6},
    ]  # fmt: skip


def write_dataset(directory: Path, fmt: str, n: int = 12, per_account: int = 6, prefix: str = "acct") -> Path:
    """One logical dataset; accounts and requests split over two files each to exercise kind prefixes."""
    directory.mkdir(parents=True, exist_ok=True)
    acc = accounts(n, prefix)
    half = len(acc) // 2
    write_rows(directory / f"accounts.{fmt}", acc[:half])
    write_rows(directory / f"accounts_extra.{fmt}", acc[half:])
    write_rows(directory / f"ip_links.{fmt}", ip_links(n, prefix))
    write_rows(directory / f"payment_links.{fmt}", payment_links(n, prefix))
    req = requests(n, per_account, prefix)
    half = len(req) // 2
    write_rows(directory / f"requests-2026-05a.{fmt}", req[:half])
    write_rows(directory / f"requests-2026-05b.{fmt}", req[half:])
    write_rows(directory / f"labels.{fmt}", labels())
    return directory

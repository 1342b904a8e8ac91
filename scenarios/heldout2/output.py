"""Serialises a world as an input-format-v1 directory, in a seed-chosen mix of file layouts.

Providers export in whatever shape their pipelines produce, so the layout (single or split files, CSV, JSONL,
Parquet, gzip, ISO or epoch timestamps) is drawn per scenario; contents do not depend on it.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import random
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from scenarios.heldout2.world import World, at

Row = Sequence[Any]


def iso(ts: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


def iso_offset(ts: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(ts))


def _write_text(fh: io.TextIOWrapper, jsonl: bool, header: Sequence[str], rows: Iterable[Row]) -> None:
    if jsonl:
        for r in rows:
            fh.write(json.dumps(dict(zip(header, r, strict=True)), ensure_ascii=False, separators=(",", ":")))
            fh.write("\n")
    else:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def write_rows(path: Path, header: Sequence[str], rows: Iterable[Row]) -> None:
    name = path.name
    if name.endswith(".parquet"):
        _write_parquet(path, header, list(rows))
        return
    jsonl = ".jsonl" in name
    with path.open("wb") as raw:
        if name.endswith(".gz"):
            # mtime=0 and no embedded file name keep gzip output byte-identical across runs.
            with (
                gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=5) as gz,
                io.TextIOWrapper(gz, encoding="utf-8", newline="") as fh,
            ):
                _write_text(fh, jsonl, header, rows)
        else:
            with io.TextIOWrapper(raw, encoding="utf-8", newline="") as fh:
                _write_text(fh, jsonl, header, rows)


def _write_parquet(path: Path, header: Sequence[str], rows: list[Row]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols = {h: [r[i] for r in rows] for i, h in enumerate(header)}
    pq.write_table(pa.table(cols), path, compression="zstd")


def write_world(world: World, out: Path, seed: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"{seed}:layout")
    _accounts(world, out, rng)
    _ip_links(world, out, rng)
    _payments(world, out, rng)
    _requests(world, out, rng)
    write_rows(
        out / "labels.csv",
        ("entity", "value", "actor", "confidence", "source", "note"),
        [(lb.entity, lb.value, lb.actor, f"{lb.confidence:.2f}", lb.source, lb.note) for lb in world.labels],
    )
    write_rows(out / "truth.csv", ("account_id", "campaign_id", "actor", "style"), sorted(world.truth))
    write_rows(out / "confounders.csv", ("account_id", "cohort"), sorted(world.confounders))


def _accounts(world: World, out: Path, rng: random.Random) -> None:
    header = (
        "account_id",
        "created_at",
        "email_domain",
        "country",
        "plan",
        "org_id",
        "signup_channel",
        "status",
    )
    fmt: Callable[[int], str] = iso_offset if rng.random() < 0.4 else iso
    accs = sorted(world.accounts, key=lambda a: (a.created_at, a.account_id))
    rows = [
        (
            a.account_id,
            fmt(a.created_at),
            a.email_domain,
            a.country,
            a.plan,
            a.org_id,
            a.signup_channel,
            a.status,
        )
        for a in accs
    ]
    layout = rng.randrange(3)
    if layout == 0:
        write_rows(out / "accounts.csv", header, rows)
    elif layout == 1:
        cut = int(len(rows) * 0.85)
        write_rows(out / "accounts.csv", header, rows[:cut])
        write_rows(out / "accounts_extra.csv", header, rows[cut:])
    else:
        write_rows(out / "accounts.jsonl", header, rows)


def _ip_links(world: World, out: Path, rng: random.Random) -> None:
    agg: dict[tuple[str, str], list[int]] = {}
    for r in world.requests:
        a = agg.get((r.account_id, r.ip))
        if a is None:
            agg[(r.account_id, r.ip)] = [r.ts, r.ts, 1]
        else:
            a[0] = min(a[0], r.ts)
            a[1] = max(a[1], r.ts)
            a[2] += 1
    for acc, ip, ts in world.login_links:
        agg.setdefault((acc, ip), [ts, ts, 0])
    rows = []
    for (acc, ip), (first, last, n) in sorted(agg.items()):
        m = world.ip_meta[ip]
        rows.append((acc, ip, iso(first), iso(last), n, m.asn, m.asn_org, m.ip_type))
    name = "ip_links.csv.gz" if rng.random() < 0.5 else "ip_links.csv"
    write_rows(
        out / name,
        ("account_id", "ip", "first_seen", "last_seen", "requests", "asn", "asn_org", "ip_type"),
        rows,
    )


def _payments(world: World, out: Path, rng: random.Random) -> None:
    rows = sorted(
        (p.account_id, p.instrument_id, p.instrument_type, p.bin, p.issuer_country, iso(p.first_used))
        for p in world.payments
    )
    name = "payment_links.jsonl" if rng.random() < 0.4 else "payment_links.csv"
    write_rows(
        out / name,
        ("account_id", "instrument_id", "instrument_type", "bin", "issuer_country", "first_used"),
        rows,
    )


def _requests(world: World, out: Path, rng: random.Random) -> None:
    header = ("account_id", "ts", "prompt", "ip", "model", "input_tokens", "output_tokens", "user_agent")
    reqs = sorted(world.requests, key=lambda r: (r.ts, r.account_id))
    april = at(4, 1)
    layout = rng.randrange(4)
    epoch = layout in (1, 2)

    def rows(lo: int, hi: int) -> list[Row]:
        return [
            (
                r.account_id,
                r.ts if epoch else iso(r.ts),
                r.prompt,
                r.ip,
                r.model,
                r.input_tokens,
                r.output_tokens,
                r.user_agent,
            )
            for r in reqs
            if lo <= r.ts < hi
        ]

    big = 1 << 40
    if layout == 0:
        write_rows(out / "requests.csv.gz", header, rows(0, big))
    elif layout == 1:
        write_rows(out / "requests-2026-03.parquet", header, rows(0, april))
        write_rows(out / "requests-2026-04.parquet", header, rows(april, big))
    elif layout == 2:
        write_rows(out / "requests-2026-03.jsonl.gz", header, rows(0, april))
        write_rows(out / "requests-2026-04.jsonl", header, rows(april, big))
    else:
        write_rows(out / "requests.csv", header, rows(0, big))

"""Writes a World as an input-format-v1 directory plus `truth.csv` and `confounders.csv`."""

from __future__ import annotations

import csv
import gzip
from operator import itemgetter
from pathlib import Path

from .clock import WINDOW_END, iso
from .world import World

ACCOUNTS = (
    "account_id",
    "created_at",
    "email_domain",
    "country",
    "plan",
    "org_id",
    "signup_channel",
    "status",
)
IP_LINKS = ("account_id", "ip", "first_seen", "last_seen", "requests", "asn", "asn_org", "ip_type")
PAYMENTS = ("account_id", "instrument_id", "instrument_type", "bin", "issuer_country", "first_used")
REQUESTS = ("account_id", "ts", "prompt", "ip", "model", "input_tokens", "output_tokens", "user_agent")
LABELS = ("entity", "value", "actor", "confidence", "source", "note")
TRUTH = ("account_id", "campaign_id", "actor", "style")
CONFOUNDERS = ("account_id", "cohort")


def _table(path: Path, header: tuple[str, ...], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(header)
        out.writerows(rows)


def _requests(world: World, path: Path) -> None:
    with path.open("wb") as raw, gzip.GzipFile("requests.csv", "wb", 2, raw, mtime=0) as gz:
        gz.write((",".join(REQUESTS) + "\n").encode())
        for day in sorted(world.buckets):
            bucket = world.buckets[day]
            bucket.sort(key=itemgetter(0))  # stable: ties keep their (deterministic) emission order
            gz.write("".join([line for _, line in bucket]).encode())


def write(world: World, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    last = WINDOW_END - 1
    accounts = sorted(world.accounts.values(), key=lambda a: a.account_id)
    _table(
        out / "accounts.csv",
        ACCOUNTS,
        [
            [
                a.account_id,
                iso(a.created_at),
                a.email_domain,
                a.country,
                a.plan,
                a.org_id,
                a.signup_channel,
                a.status,
            ]
            for a in accounts
        ],
    )
    links = []
    for (account_id, ip), (first, final, count) in sorted(world.links.items()):
        asn, org, ip_type = world.net.registry[ip]
        links.append([account_id, ip, iso(first), iso(final), str(count), str(asn), org, ip_type])
    _table(out / "ip_links.csv", IP_LINKS, links)
    pays = sorted(world.payments, key=lambda p: (p.account_id, p.instrument_id, p.first_used))
    seen: set[tuple[str, str]] = set()
    rows = []
    for p in pays:
        if (p.account_id, p.instrument_id) in seen:
            continue
        seen.add((p.account_id, p.instrument_id))
        rows.append(
            [
                p.account_id,
                p.instrument_id,
                p.instrument_type,
                p.bin,
                p.issuer_country,
                iso(min(p.first_used, last)),
            ]
        )
    _table(out / "payment_links.csv", PAYMENTS, rows)
    _table(
        out / "labels.csv",
        LABELS,
        [[lb.entity, lb.value, lb.actor, f"{lb.confidence:.2f}", lb.source, lb.note] for lb in world.labels],
    )
    _table(out / "truth.csv", TRUTH, [[a, *world.truth[a]] for a in sorted(world.truth)])
    _table(out / "confounders.csv", CONFOUNDERS, [[a, c] for a, c in sorted(world.confounders.items())])
    _requests(world, out / "requests.csv.gz")

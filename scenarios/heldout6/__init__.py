"""Held-back scenario split: a synthetic platform with distillation campaigns and benign look-alikes.

`generate` writes the input-format-v1 files plus `truth.csv` and `confounders.csv` into a directory.
"""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from .background import populate
from .base import CampaignStyle, CohortStyle, Ctx
from .campaigns import STYLES as CAMPAIGN_STYLES
from .cohorts import STYLES as COHORT_STYLES
from .world import START, World, iso, substream

__all__ = ["CAMPAIGN_STYLES", "COHORT_STYLES", "CampaignStyle", "CohortStyle", "generate"]

_ACTORS = (
    "granite-lynx",
    "amber-heron",
    "cobalt-marten",
    "saffron-ibis",
    "slate-jackal",
    "umber-kestrel",
    "violet-stoat",
    "teal-pangolin",
    "ochre-gecko",
    "indigo-bison",
    "russet-crane",
    "jade-osprey",
)
_APRIL = int(START.replace(month=4, day=1).timestamp())


def _size(share: float, total: int) -> int:
    return max(4, round(share * total))


def generate(
    out: Path,
    accounts: int,
    seed: int,
    *,
    campaigns: Sequence[str] | None = None,
    cohorts: Sequence[str] | None = None,
    requests_per_account: float = 12.0,
) -> None:
    """Write a platform of `accounts` accounts with the chosen campaigns and cohorts (all by default)."""
    chosen_c = list(CAMPAIGN_STYLES) if campaigns is None else list(campaigns)
    chosen_k = list(COHORT_STYLES) if cohorts is None else list(cohorts)
    for name in chosen_c:
        if name not in CAMPAIGN_STYLES:
            raise ValueError(f"unknown campaign style {name!r}")
    for name in chosen_k:
        if name not in COHORT_STYLES:
            raise ValueError(f"unknown cohort style {name!r}")
    w = World.create(seed, accounts, requests_per_account)
    actors = substream(seed, "actors").sample(_ACTORS, len(_ACTORS))
    used = 0
    for i, name in enumerate(chosen_c):
        style = CAMPAIGN_STYLES[name]
        n = _size(style.share, accounts)
        actor = actors[list(CAMPAIGN_STYLES).index(name) % len(actors)]
        ctx = Ctx(w, substream(seed, f"campaign:{name}"), f"h6-{i + 1:02d}-{name}", actor, style.labelled)
        before = len(w.labels)
        members = style.build(ctx, n)
        named = any(lb["actor"] == actor for lb in w.labels[before:])
        w.truth.extend((a, ctx.cid, actor if named else "", name) for a in members)
        used += len(members)
    for name in chosen_k:
        style_k = COHORT_STYLES[name]
        n = _size(style_k.share, accounts)
        ctx = Ctx(w, substream(seed, f"cohort:{name}"), name, "", False)
        members = style_k.build(ctx, n)
        w.confounders.extend((a, name) for a in members)
        used += len(members)
    populate(w, substream(seed, "background"), max(0, accounts - used))
    _write(w, out)


def _write(w: World, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rng = substream(w.seed, "write")
    accts = list(w.accounts)
    rng.shuffle(accts)
    start = iso(START)
    old = [a for a in accts if a["created_at"] < start]
    new = [a for a in accts if a["created_at"] >= start]
    _csv(out / "accounts.csv", list(old[0].keys()) if old else list(new[0].keys()), old)
    with (out / "accounts_signups_in_window.jsonl").open("w") as f:
        for a in new:
            f.write(json.dumps({k: v for k, v in a.items() if v != ""}) + "\n")

    link_rows = []
    for (acct, ip), link in w.links.items():
        asn, org, typ = w.net.meta[ip]
        link_rows.append(
            {
                "account_id": acct,
                "ip": ip,
                "first_seen": iso(link.first),
                "last_seen": iso(link.last),
                "requests": str(link.requests),
                "asn": str(asn),
                "asn_org": org,
                "ip_type": typ,
            }
        )
    rng.shuffle(link_rows)
    _csv(out / "ip_links.csv.gz", list(link_rows[0].keys()), link_rows)
    pays = list(w.payments)
    rng.shuffle(pays)
    _csv(
        out / "payment_links.csv",
        ["account_id", "instrument_id", "instrument_type", "bin", "issuer_country", "first_used"],
        pays,
    )
    _csv(out / "labels.csv", ["entity", "value", "actor", "confidence", "source", "note"], w.labels)

    reqs = sorted(w.requests, key=lambda r: r[1])
    cols = ("account_id", "ts", "prompt", "ip", "model", "input_tokens", "output_tokens", "user_agent")
    with gzip.open(out / "requests-2026-03.jsonl.gz", "wt", compresslevel=4) as f:
        for r in reqs:
            if r[1] >= _APRIL:
                break
            row = dict(zip(cols, r, strict=True))
            row["ts"] = datetime.fromtimestamp(r[1], UTC).isoformat()
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    with gzip.open(out / "requests-2026-04.csv.gz", "wt", compresslevel=4, newline="") as f:
        wr = csv.writer(f)
        wr.writerow(cols)
        wr.writerows(r for r in reqs if r[1] >= _APRIL)

    with (out / "truth.csv").open("w", newline="") as f:
        wr = csv.writer(f)
        wr.writerow(("account_id", "campaign_id", "actor", "style"))
        wr.writerows(sorted(w.truth))
    with (out / "confounders.csv").open("w", newline="") as f:
        wr = csv.writer(f)
        wr.writerow(("account_id", "cohort"))
        wr.writerows(sorted(w.confounders))


def _csv(path: Path, cols: list[str], rows: Sequence[dict[str, str]]) -> None:
    with (
        gzip.open(path, "wt", compresslevel=4, newline="")
        if path.suffix == ".gz"
        else path.open("w", newline="")
    ) as f:
        wr = csv.DictWriter(f, fieldnames=cols)
        wr.writeheader()
        wr.writerows(rows)

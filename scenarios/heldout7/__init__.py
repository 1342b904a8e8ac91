"""Held-back scenario split 7: distillation campaigns and benign look-alikes on a busy platform.

`generate` writes the input-format-v1 files plus `truth.csv` and `confounders.csv`.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

from scenarios.heldout7.background import build_background
from scenarios.heldout7.campaigns import ALL as CAMPAIGN_STYLES
from scenarios.heldout7.cohorts import ALL as COHORT_STYLES
from scenarios.heldout7.core import T0, World, iso, write_csv, write_jsonl

__all__ = ["CAMPAIGN_STYLES", "COHORT_STYLES", "generate"]

APRIL = T0 + 30 * 86400  # 2026-04-01T00:00Z


def _pick(names: Sequence[str] | None, known: dict[str, object], what: str) -> list[str]:
    if names is None:
        return list(known)
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValueError(f"unknown {what} style(s): {', '.join(unknown)}; known: {', '.join(known)}")
    return list(dict.fromkeys(names))


def generate(
    out: Path,
    accounts: int,
    seed: int,
    *,
    campaigns: Sequence[str] | None = None,
    cohorts: Sequence[str] | None = None,
    requests_per_account: float = 12.0,
) -> None:
    """Write one platform's worth of traffic into `out` (created if missing)."""
    camp = _pick(campaigns, dict(CAMPAIGN_STYLES), "campaign")
    coh = _pick(cohorts, dict(COHORT_STYLES), "cohort")
    w = World(seed, accounts, requests_per_account)
    for i, name in enumerate(camp):
        spec = CAMPAIGN_STYLES[name]
        spec.build(w, spec.knobs, f"h7c-{i + 1:02d}", random.Random(f"{seed}:campaign:{name}"))
    for name in coh:
        spec = COHORT_STYLES[name]
        spec.build(w, spec.knobs, name, random.Random(f"{seed}:cohort:{name}"))
    n_bg = max(0, accounts - len(w.accounts))
    if n_bg:
        # Ordinary users make up whatever is left of the platform's request budget (0.8 is the
        # background mix's average volume multiplier), never less than a third of the nominal rate.
        budget = accounts * requests_per_account - len(w.requests)
        w.scale = max(0.33, budget / (n_bg * requests_per_account * 0.8))
    build_background(w, n_bg, random.Random(f"{seed}:background"))
    _noise_labels(w, random.Random(f"{seed}:labels"))
    _write(w, Path(out), random.Random(f"{seed}:write"))


def _noise_labels(w: World, rng: random.Random) -> None:
    """What analysts already hold that has nothing to do with this split's campaigns."""
    vpn = [ip for ip, m in w.ip_meta.items() if m[2] == "vpn"]
    if vpn:
        w.label(
            "ip", rng.choice(sorted(vpn)), "Grey Wren", 0.2, "community_blocklist", "exit seen in scraping"
        )
    w.label("asn", "62240", "Grey Wren", 0.3, "osint", "bulletproof-adjacent proxy hosting")
    w.label("template", "Summarize the following:", "Grey Wren", 0.15, "analyst", "unverified tip")


def _write(w: World, out: Path, rng: random.Random) -> None:
    out.mkdir(parents=True, exist_ok=True)
    acc_head = (
        "account_id",
        "created_at",
        "email_domain",
        "country",
        "plan",
        "org_id",
        "signup_channel",
        "status",
    )
    main: list[tuple[str, ...]] = []
    late: list[tuple[str, ...]] = []
    for a in w.accounts:
        # Some systems stamp local time with an offset; both forms are the same instant.
        created = iso(a.created_at, a.tz_offset) if rng.random() < 0.3 else iso(a.created_at)
        row = (a.account_id, created, a.email_domain, a.country, a.plan, a.org_id, a.signup_channel, a.status)
        (late if a.created_at >= APRIL else main).append(row)
    write_csv(out / "accounts.csv", acc_head, main)
    write_jsonl(out / "accounts_april.jsonl", acc_head, late)

    links: dict[tuple[str, str], list[int]] = {}
    for aid, ts, _p, ip, *_rest in w.requests:
        rec = links.get((aid, ip))
        if rec is None:
            links[(aid, ip)] = [ts, ts, 1]
        else:
            rec[0] = min(rec[0], ts)
            rec[1] = max(rec[1], ts)
            rec[2] += 1
    for aid, ip, ts in w.signup_ips:
        rec = links.get((aid, ip))
        if rec is None:
            links[(aid, ip)] = [ts, ts, 0]
        else:
            rec[0] = min(rec[0], ts)
    ip_rows = []
    for (aid, ip), (f, la, c) in links.items():
        asn, org, itype = w.ip_meta[ip]
        ip_rows.append((aid, ip, iso(f), iso(la), c, asn, org, itype))
    ip_rows.sort()
    write_csv(
        out / "ip_links.csv.gz",
        ("account_id", "ip", "first_seen", "last_seen", "requests", "asn", "asn_org", "ip_type"),
        ip_rows,
    )

    pay_rows = [(a, i, t, b, c, iso(f)) for a, i, t, b, c, f in w.payments]
    write_csv(
        out / "payment_links.csv",
        ("account_id", "instrument_id", "instrument_type", "bin", "issuer_country", "first_used"),
        pay_rows,
    )

    reqs = sorted(w.requests, key=lambda r: (r[1], r[0]))
    head = ("account_id", "ts", "prompt", "ip", "model", "input_tokens", "output_tokens", "user_agent")
    march = [(a, iso(t), p, ip, m, i, o, u) for a, t, p, ip, m, i, o, u in reqs if t < APRIL]
    april = [r for r in reqs if r[1] >= APRIL]  # epoch seconds in this export
    write_csv(out / "requests-2026-03.csv.gz", head, march)
    write_jsonl(out / "requests-2026-04.jsonl.gz", head, april)

    write_csv(out / "labels.csv", ("entity", "value", "actor", "confidence", "source", "note"), w.labels)
    write_csv(out / "truth.csv", ("account_id", "campaign_id", "actor", "style"), w.truth)
    write_csv(out / "confounders.csv", ("account_id", "cohort"), w.confounders)

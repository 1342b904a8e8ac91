"""The request log, generated one block of accounts at a time (so memory is bounded by the block).

Organic requests follow each person's day (time zone, work hours for firms, homework evenings before
deadlines for students) and mix everyday prompts, viral templates and group templates. Extraction
requests follow the campaign: a flat 24/7 grind, office hours of the operator, or round-robin turns where
accounts in the same shift send the campaign's template of the hour.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from scenarios.standard.campaigns import PROFILE_WORKDAY, VARIANTS_ALL, VARIANTS_FEW, Plant
from scenarios.standard.population import K_COMPANY, K_PRODUCT, K_UNIVERSITY, Population
from scenarios.standard.prompt_families import ALL_FAMILIES, HOMEWORK, VIRAL, indices
from scenarios.standard.rendering import render_ordinary, render_templates
from scenarios.standard.timeline import (
    DAY,
    DIURNAL,
    EVENING,
    HOUR,
    MINI_MODEL,
    MODELS,
    NEW_MODEL,
    NEW_MODEL_RELEASE,
    OLD_MODEL,
    ORGANIC_ADOPTION_DAYS,
    ORGANIC_ADOPTION_MAX,
    START,
    WORKDAY,
)

REQUEST_SCHEMA = pa.schema(
    [
        ("account_id", pa.string()),
        ("ts", pa.timestamp("ms", tz="UTC")),
        ("prompt", pa.string()),
        ("ip", pa.string()),
        ("model", pa.string()),
        ("input_tokens", pa.int32()),
        ("output_tokens", pa.int32()),
        ("user_agent", pa.string()),
    ]
)

_MODEL_NAMES = [m.name for m in MODELS]
_M_OLD, _M_MINI, _M_NEW = (_MODEL_NAMES.index(n) for n in (OLD_MODEL, MINI_MODEL, NEW_MODEL))
_VIRAL = np.array(indices(VIRAL), dtype=np.int32)
# Zipf-like popularity: "Summarize the following" is everywhere, the regex helper less so.
_VIRAL_P = 1.0 / np.arange(1, len(_VIRAL) + 1) ** 0.9
_VIRAL_P /= _VIRAL_P.sum()
_HOMEWORK = np.array(indices(HOMEWORK), dtype=np.int32)
_N_VARIANTS = np.array([f.variants for f in ALL_FAMILIES], dtype=np.int64)
_LOG_CTX = np.array([f.log_context for f in ALL_FAMILIES])
_LOG_OUT = np.array([f.log_output for f in ALL_FAMILIES])
_START_DOW = 2  # 2026-04-01 is a Wednesday (Monday = 0)
_DEADLINE_EVES = np.array([6, 2])  # Sunday and Wednesday evenings, before Monday / Thursday deadlines
_NO_FAMILY = -1


@dataclass(frozen=True)
class CampaignTable:
    """Per-campaign traffic parameters as arrays indexed by campaign number."""

    families: npt.NDArray[np.int32]  # (campaigns, max families), padded
    family_count: npt.NDArray[np.int64]
    variant_mode: npt.NDArray[np.int8]
    follow: npt.NDArray[np.float64]
    profile: npt.NDArray[np.int8]
    tz: npt.NDArray[np.int64]
    shifts: npt.NDArray[np.int64]
    old_model: npt.NDArray[np.int8]
    switch_at: npt.NDArray[np.int64]
    switch_share: npt.NDArray[np.float64]

    @classmethod
    def of(cls, plants: list[Plant]) -> CampaignTable:
        width = max((len(p.families) for p in plants), default=1)
        fams = np.zeros((max(1, len(plants)), width), dtype=np.int32)
        for i, p in enumerate(plants):
            fams[i, : len(p.families)] = p.families
        return cls(
            families=fams,
            family_count=np.array([len(p.families) for p in plants] or [1], dtype=np.int64),
            variant_mode=np.array([p.variant_mode for p in plants] or [0], dtype=np.int8),
            follow=np.array([p.follow for p in plants] or [0.0]),
            profile=np.array([p.profile for p in plants] or [0], dtype=np.int8),
            tz=np.array([p.tz for p in plants] or [0], dtype=np.int64),
            shifts=np.array([max(1, p.spec.shifts) for p in plants] or [1], dtype=np.int64),
            old_model=np.array([_MODEL_NAMES.index(p.old_model) for p in plants] or [0], dtype=np.int8),
            switch_at=np.array([p.switch_at for p in plants] or [0], dtype=np.int64),
            switch_share=np.array([p.spec.switch_share for p in plants] or [0.0]),
        )


@dataclass(frozen=True)
class Lookup:
    """Arrow arrays the rows index into."""

    account_ids: pa.Array
    ips: pa.Array
    user_agents: pa.Array
    models: pa.Array
    org_names: pa.Array  # company names, then "" for everyone else
    company_families: npt.NDArray[np.int64]  # (companies, internal templates per company)


@dataclass
class Block:
    table: pa.Table
    link_account: npt.NDArray[np.int64]
    link_ip: npt.NDArray[np.int64]
    link_requests: npt.NDArray[np.int64]
    link_first: npt.NDArray[np.int64]
    link_last: npt.NDArray[np.int64]


def _mix(h: npt.NDArray[np.int64], salt: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """A cheap deterministic hash of (hour, campaign): the campaign's template of the hour."""
    x = (h * 2_654_435_761 + salt * 40_503 + 12_345) & 0xFFFFFFFF
    return (x ^ (x >> 13)) * 1_274_126_177 & 0xFFFFFFFF


def _organic(
    pop: Population, idx: npt.NDArray[np.int64], rng: np.random.Generator, look: Lookup
) -> dict[str, npt.NDArray[np.int64]]:
    c = pop.cols
    a = np.repeat(idx, c["n_org"][idx])
    m = len(a)
    start, end = c["act_start"][a], c["act_end"][a]
    t0 = start + (rng.random(m) * (end - start)).astype(np.int64)
    day = t0 // DAY
    kind = c["kind"][a]
    u = rng.random(m)
    pv, pg = c["p_viral"][a], c["p_group"][a]
    viral = u < pv
    named = (kind == K_COMPANY) | (kind == K_PRODUCT)  # groups whose templates carry their name
    group = ~viral & (u < pv + pg) & (named | (kind == K_UNIVERSITY))
    hour = rng.choice(24, size=m, p=DIURNAL)
    firm = kind == K_COMPANY
    hour[firm] = rng.choice(24, size=int(firm.sum()), p=WORKDAY)
    # Office staff rarely work weekends: most weekend requests move to the Friday before.
    dow = (day - START // DAY + _START_DOW) % 7
    weekend = firm & (dow >= 5) & (rng.random(m) < 0.85)
    day = np.where(weekend, day - (dow - 4), day)
    homework = group & (kind == K_UNIVERSITY)
    hour[homework] = rng.choice(24, size=int(homework.sum()), p=EVENING)
    dow = (day - START // DAY + _START_DOW) % 7
    to_eve = np.min((_DEADLINE_EVES[None, :] - dow[:, None]) % 7, axis=1)
    day = np.where(homework & (rng.random(m) < 0.7), day + to_eve, day)
    utc_hour = (hour - c["tz"][a].astype(np.int64)) % 24
    ts = np.clip(day * DAY + utc_hour * HOUR + rng.integers(0, HOUR, m), start, end - 1)

    fam = np.full(m, _NO_FAMILY, dtype=np.int64)
    fam[viral] = _VIRAL[rng.choice(len(_VIRAL), size=int(viral.sum()), p=_VIRAL_P)]
    named_rows = group & named
    if named_rows.any():
        cf = look.company_families
        fam[named_rows] = cf[c["group"][a[named_rows]], rng.integers(0, cf.shape[1], int(named_rows.sum()))]
    fam[homework] = _HOMEWORK[rng.integers(0, len(_HOMEWORK), int(homework.sum()))]
    has = fam >= 0
    variant = np.zeros(m, dtype=np.int64)
    variant[has] = rng.integers(0, _N_VARIANTS[fam[has]])

    released = ts >= NEW_MODEL_RELEASE
    p_new = np.clip((ts - NEW_MODEL_RELEASE) / (ORGANIC_ADOPTION_DAYS * DAY), 0, 1) * ORGANIC_ADOPTION_MAX
    model = np.where(rng.random(m) < 0.35, _M_MINI, _M_OLD)
    model = np.where(released & (rng.random(m) < p_new), _M_NEW, model)

    ip2 = c["ip2"][a]
    second = (ip2 >= 0) & (rng.random(m) < c["p_ip2"][a])
    ip = np.where(second, ip2, c["ip1"][a])
    ua = np.where(second & (rng.random(m) < 0.7), c["ua2"][a], c["ua1"][a])
    org = np.where(named, c["group"][a], len(look.org_names) - 1)
    return {
        "acct": a,
        "ts": ts,
        "fam": fam,
        "variant": variant,
        "model": model,
        "ip": ip,
        "ua": ua,
        "org": org,
    }


def _extraction(
    pop: Population, idx: npt.NDArray[np.int64], rng: np.random.Generator, ct: CampaignTable, org_group: int
) -> dict[str, npt.NDArray[np.int64]]:
    c = pop.cols
    a = np.repeat(idx, c["n_ex"][idx])
    m = len(a)
    camp = c["camp"][a].astype(np.int64)
    h0 = -(-c["act_start"][a] // HOUR)
    h1 = np.maximum(c["act_end"][a] // HOUR, h0 + 1)
    span = h1 - h0
    shifts = ct.shifts[camp]
    shift = c["shift"][a].astype(np.int64) % shifts
    # Round robin: an account only works in its own slot of every `shifts` hours.
    turns = np.maximum(1, (span - shift + shifts - 1) // shifts)
    h = h0 + shift + shifts * (rng.random(m) * turns).astype(np.int64)
    office = (ct.profile[camp] == PROFILE_WORKDAY) & (shifts == 1)
    if office.any():
        k = int(office.sum())
        days = np.maximum(1, span[office] // 24)
        d = (h0[office] // 24) + (rng.random(k) * days).astype(np.int64)
        local = rng.choice(24, size=k, p=WORKDAY)
        h[office] = d * 24 + (local - ct.tz[camp[office]]) % 24
    h = np.clip(h, h0, h1 - 1)
    ts = h * HOUR + rng.integers(0, HOUR, m)

    count = ct.family_count[camp]
    of_hour = (_mix(h, camp) % count).astype(np.int64)
    slot = np.where(rng.random(m) < ct.follow[camp], of_hour, (rng.random(m) * count).astype(np.int64))
    fam = ct.families[camp, slot].astype(np.int64)
    nv = _N_VARIANTS[fam]
    mode = ct.variant_mode[camp]
    variant = np.zeros(m, dtype=np.int64)
    variant = np.where(mode == VARIANTS_FEW, (rng.random(m) * np.minimum(nv, 3)).astype(np.int64), variant)
    variant = np.where(mode == VARIANTS_ALL, (rng.random(m) * nv).astype(np.int64), variant)

    model = ct.old_model[camp].astype(np.int64)
    model = np.where((ts >= ct.switch_at[camp]) & (rng.random(m) < ct.switch_share[camp]), _M_NEW, model)

    ex2 = c["ex_ip2"][a]
    ip = np.where((ex2 >= 0) & (rng.random(m) < 0.5), ex2, c["ip1"][a])
    return {
        "acct": a,
        "ts": ts,
        "fam": fam,
        "variant": variant,
        "model": model,
        "ip": ip.astype(np.int64),
        "ua": c["ua1"][a].astype(np.int64),
        "org": np.full(m, org_group, dtype=np.int64),
    }


def block(
    pop: Population, lo: int, hi: int, rng: np.random.Generator, ct: CampaignTable, look: Lookup
) -> Block:
    """Requests of accounts [lo, hi), in time order, plus their exact per-(account, IP) usage."""
    idx = np.arange(lo, hi, dtype=np.int64)
    org_group = len(look.org_names) - 1
    parts = [_organic(pop, idx, rng, look), _extraction(pop, idx, rng, ct, org_group)]
    rows = {k: np.concatenate([p[k].astype(np.int64) for p in parts]) for k in parts[0]}
    order = np.lexsort((rows["acct"], rows["ts"]))
    rows = {k: v[order] for k, v in rows.items()}
    n = len(order)

    fam = rows["fam"]
    templ = np.flatnonzero(fam >= 0)
    ordinary = np.flatnonzero(fam < 0)
    org = look.org_names.take(pa.array(rows["org"][templ]))
    t_text = render_templates(fam[templ].astype(np.int32), rows["variant"][templ].astype(np.int32), rng, org)
    o_text = render_ordinary(len(ordinary), rng)
    inverse = np.empty(n, dtype=np.int64)
    inverse[np.concatenate([templ, ordinary])] = np.arange(n)
    prompt = pa.concat_arrays([t_text, o_text]).take(pa.array(inverse))

    # Tokens: what the prompt itself costs plus the context that travels with it (files, history).
    plen = pc.utf8_length(prompt).to_numpy(zero_copy_only=False).astype(np.int64)
    log_ctx = np.where(fam >= 0, _LOG_CTX[np.maximum(fam, 0)], np.log(60.0))
    log_out = np.where(fam >= 0, _LOG_OUT[np.maximum(fam, 0)], np.log(380.0))
    in_tok = np.clip(plen // 4 + rng.lognormal(log_ctx, 0.8), 1, 190_000).astype(np.int32)
    out_tok = np.clip(rng.lognormal(log_out, 0.6), 1, 32_000).astype(np.int32)

    table = pa.Table.from_arrays(
        [
            look.account_ids.take(pa.array(rows["acct"])),
            pa.array(rows["ts"] * 1000, type=pa.int64()).cast(pa.timestamp("ms", tz="UTC")),
            prompt,
            look.ips.take(pa.array(rows["ip"])),
            look.models.take(pa.array(rows["model"])),
            pa.array(in_tok, type=pa.int32()),
            pa.array(out_tok, type=pa.int32()),
            look.user_agents.take(pa.array(rows["ua"])),
        ],
        schema=REQUEST_SCHEMA,
    )
    return Block(table, *_ip_usage(pop, idx, rows, len(look.ips)))


def _ip_usage(
    pop: Population, idx: npt.NDArray[np.int64], rows: dict[str, npt.NDArray[np.int64]], n_ip: int
) -> tuple[npt.NDArray[np.int64], ...]:
    """(account, ip, requests, first, last) for every pair in the block; silent accounts keep their
    sign-up address with zero requests."""
    key = rows["acct"] * n_ip + rows["ip"]
    order = np.argsort(key, kind="stable")  # rows are in time order, so each run is too
    k = key[order]
    ts = rows["ts"][order]
    starts = np.flatnonzero(np.concatenate(([True], k[1:] != k[:-1]))) if len(k) else np.empty(0, np.int64)
    ends = np.concatenate((starts[1:], [len(k)])) if len(k) else np.empty(0, np.int64)
    acct = k[starts] // n_ip
    ip = k[starts] % n_ip
    requests = ends - starts
    first = ts[starts]
    last = ts[ends - 1] if len(k) else np.empty(0, np.int64)
    silent = idx[(pop.cols["n_org"][idx] + pop.cols["n_ex"][idx]) == 0]
    created = pop.cols["created"][silent]
    acct = np.concatenate([acct, silent])
    ip = np.concatenate([ip, pop.cols["ip1"][silent].astype(np.int64)])
    requests = np.concatenate([requests, np.zeros(len(silent), np.int64)])
    first = np.concatenate([first, created])
    last = np.concatenate([last, created])
    o = np.lexsort((ip, acct))
    return acct[o], ip[o], requests[o], first[o], last[o]

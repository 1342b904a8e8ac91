"""An incremental run's weighted pairs, from the member groups of the entities its accounts use.

The rules are `cypher/detection/link_pairs.cypher`'s (the full run's, and the reference): each entity's
members in account order, rarity `family weight x (log(n / d) / log(n / 2)) ^ exponent`, all pairs of a
group of at most `2k + 1` members, above that each member's next `k` co-members and its chords
(circularly), dedication and lockstep hours on templates, network-only pairs discounted, pairs below the
minimum weight dropped. Given the groups `detection/link_groups` reads, `window_pairs` gives the pairs
`link_pairs` gives with `$changed` / `$members`, with the same weights to the last bits
(`tests/detection/test_incremental_projection.py` holds the two equal under several family settings;
`tests/unit/detection/test_pair_windows.py` checks the walk against a plain restatement of the query).

Why a twin in Python: the server collects a group's members in account order in a fraction of the pair
query's time; walking the windows, weighing, summing and filtering tens of thousands of pair rows took
the rest, about two thirds (docs/benchmarks.md § "Incremental detection"). Collected once, the groups also
serve both of an incremental run's pair sets (those with a changed endpoint, and those inside each
touched campaign), where the query collected the shared entities twice.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from app.detection.algorithms.params import DetectionParams


@dataclass(frozen=True)
class MemberGroup:
    """One entity's users as the pair rules see them."""

    key: str  # the entity, so a group read by two queries counts once
    members: Sequence[str]  # account ids in account order
    hours: Sequence[Sequence[int]]  # templates: each member's hour buckets on it; else empty
    dedication: Sequence[float]  # templates: each member's share of its requests on it; else empty
    family_weight: float
    sync_weight: float  # templates with synchrony on: the lockstep weight; else 0
    network: bool  # address, /24, ASN: evidence that needs corroboration


@dataclass(frozen=True)
class PairRules:
    """The parameters the pair rules take, at one platform size."""

    platform: float  # accounts, as the rarity's n (at least 3)
    k: int
    chords: int
    rarity_exponent: float
    dedication_boost: float
    min_pair_weight: float
    network_alone: float

    @classmethod
    def of(cls, params: DetectionParams, accounts: int) -> PairRules:
        return cls(
            platform=float(max(accounts, 3)),
            k=params.sample_k,
            chords=params.sample_chords,
            rarity_exponent=params.rarity_exponent,
            dedication_boost=params.dedication_boost,
            min_pair_weight=params.min_pair_weight,
            network_alone=params.network_alone,
        )


Pair = tuple[str, str, float]
Ints = npt.NDArray[np.int64]


@dataclass(frozen=True)
class _Flat:
    """Every live group's members in one array of account codes (code order is account order)."""

    groups: list[MemberGroup]
    ids: list[str]  # code -> account id
    sizes: Ints  # per group
    first: Ints  # per group: its first slot
    group: Ints  # per slot: its group
    code: Ints  # per slot: its account


def window_pairs(
    groups: Iterable[MemberGroup],
    rules: PairRules,
    changed: Collection[str],
    members: Mapping[str, int] | None = None,
) -> list[Pair]:
    """The pairs with an endpoint in `changed`, and those inside one campaign of `members` (account ->
    campaign), as `(a, b, weight)` with a < b, in (a, b) order.

    Vectorised over every window of every group at once (a row per pair and entity, as the query's rows);
    the lockstep Jaccard, the one term that needs each member's hour set, is computed only for the pairs
    that can still reach the minimum weight with it. Sums may differ from the query's in the last bit
    (another order of the same terms)."""
    members = members or {}
    changed = changed if isinstance(changed, set | frozenset) else frozenset(changed)
    live = [g for g in groups if any(a in changed or a in members for a in g.members)]
    if not live:
        return []
    ids = sorted({a for g in live for a in g.members})
    code = {a: c for c, a in enumerate(ids)}
    sizes = np.array([len(g.members) for g in live], dtype=np.int64)
    flat = _Flat(
        groups=live,
        ids=ids,
        sizes=sizes,
        first=np.cumsum(sizes) - sizes,
        group=np.repeat(np.arange(len(live), dtype=np.int64), sizes),
        code=np.fromiter((code[a] for g in live for a in g.members), dtype=np.int64, count=int(sizes.sum())),
    )
    role_of = np.zeros(len(ids), dtype=np.int8)  # 1: changed, 2: a campaign member (and not changed)
    campaign_of = np.full(len(ids), -1, dtype=np.int64)
    for a, c in members.items():
        if a in code:
            role_of[code[a]] = 2
            campaign_of[code[a]] = c
    for a in changed:
        if a in code:
            role_of[code[a]] = 1
    xs, ys = _rows(flat, rules, role_of[flat.code], campaign_of[flat.code])
    return _weighed(flat, rules, xs, ys)


def _rows(flat: _Flat, rules: PairRules, role: npt.NDArray[np.int8], campaign: Ints) -> tuple[Ints, Ints]:
    """The two slots of every row: each start's window, as the query walks it. In chunks of starts, so
    the offset tables (a row of about 2k columns per start) stay small on a big region."""
    starts = np.nonzero(role)[0]
    parts = [
        _window_rows(flat, rules, role, campaign, starts[c : c + _CHUNK])
        for c in range(0, len(starts), _CHUNK)
    ]
    if not parts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate([x for x, _ in parts]), np.concatenate([y for _, y in parts])


_CHUNK = 1 << 16


def _window_rows(
    flat: _Flat, rules: PairRules, role: npt.NDArray[np.int8], campaign: Ints, starts: Ints
) -> tuple[Ints, Ints]:
    base = flat.first[flat.group[starts]][:, None]
    i = starts[:, None] - base
    d = flat.sizes[flat.group[starts]][:, None]
    changed = (role[starts] == 1)[:, None]
    k = rules.k
    small = d <= 2 * k + 1
    # Offsets, one column each (0: none): a small group's 1..d-1, a big one's 1..k and its chords
    # (c * d / (2 (chords + 1)) for c = 1..chords, those above k), walked circularly.
    t = np.arange(max(2 * k, k + rules.chords), dtype=np.int64)[None, :]
    chord = (t - k + 1) * d // (2 * (rules.chords + 1))
    big = np.where(t < k, t + 1, np.where((t < k + rules.chords) & (chord > k), chord, 0))
    o = np.where(small, t + 1, big)
    fwd_ok = (o > 0) & (~small | (i + o < d))
    back_ok = changed & (o > 0) & (~small | (i - o >= 0))
    fwd = base + np.where(fwd_ok, np.where(small, i + o, (i + o) % d), i)
    back = base + np.where(back_ok, np.where(small, i - o, (i - o + d) % d), i)
    # Each pair once, from its earlier end in the window order: forward from every start, and backward
    # from a changed account only to partners that are not starts (whose own forward walk misses it).
    back_ok &= role[back] == 0
    x = np.broadcast_to(starts[:, None], o.shape)
    # Forward: a pair with a changed end, or inside one campaign.
    fwd_ok &= changed | (role[fwd] == 1) | ((campaign[x] >= 0) & (campaign[x] == campaign[fwd]))
    # Each start's rows together, forward then backward (as the query's list): the row order, and so
    # each sum's order, does not depend on how the starts are chunked.
    ok = np.concatenate([fwd_ok, back_ok], axis=1)
    return np.concatenate([x, x], axis=1)[ok], np.concatenate([fwd, back], axis=1)[ok]


def _weighed(flat: _Flat, rules: PairRules, xs: Ints, ys: Ints) -> list[Pair]:
    """Each row's weight (a pair through one entity), summed per pair; the pairs at the minimum or above."""
    live = flat.groups
    n = rules.platform
    rarity = np.array(
        [
            g.family_weight
            * (math.log(n / float(len(g.members))) / math.log(n / 2.0)) ** rules.rarity_exponent
            for g in live
        ]
    )
    network = np.array([g.network for g in live], dtype=bool)
    templated = np.array([len(g.dedication) > 0 for g in live], dtype=bool)
    sync = np.array([g.sync_weight if g.sync_weight > 0.0 and len(g.hours) > 0 else 0.0 for g in live])
    dedication = np.array(
        [v for g in live for v in (g.dedication or [0.0] * len(g.members))], dtype=np.float64
    )
    row_group = flat.group[xs]
    w = rarity[row_group]
    boosted = w * (1.0 + rules.dedication_boost * np.sqrt(dedication[xs] * dedication[ys]))
    pw = np.where(templated[row_group], boosted, w)
    sw = sync[row_group]
    net = network[row_group]
    a = np.minimum(flat.code[xs], flat.code[ys])
    b = np.maximum(flat.code[xs], flat.code[ys])
    keys, pair = np.unique(a * len(flat.ids) + b, return_inverse=True)
    # At most this much with every Jaccard at 1 and nothing discounted: pairs below the minimum even so need
    # no hours.
    upper = np.bincount(pair, weights=pw + sw, minlength=len(keys))
    rows = (upper >= rules.min_pair_weight)[pair]
    todo = np.nonzero(rows & (sw > 0.0))[0]
    pw[todo] += sw[todo] * _jaccards(flat, xs[todo], ys[todo])
    sel = np.nonzero(rows)[0]
    kept, at = np.unique(pair[sel], return_inverse=True)
    wn = np.bincount(at, weights=np.where(net[sel], pw[sel], 0.0), minlength=len(kept))
    wo = np.bincount(at, weights=np.where(net[sel], 0.0, pw[sel]), minlength=len(kept))
    # Corroboration: network evidence alone keeps `network_alone` of its weight.
    total = wo + wn * np.where(wo > 0.0, 1.0, rules.network_alone)
    size = len(flat.ids)
    return [
        (flat.ids[key // size], flat.ids[key % size], wt)
        for key, wt in zip(keys[kept].tolist(), total.tolist(), strict=True)
        if wt >= rules.min_pair_weight
    ]


def _jaccards(flat: _Flat, xs: Ints, ys: Ints) -> npt.NDArray[np.float64]:
    """The Jaccard of the two members' hour buckets on the row's template (0 when either has none, which
    adds nothing to the row, as the query's CASE)."""
    group = flat.group.tolist()
    first = flat.first.tolist()
    hours: dict[int, frozenset[int]] = {}

    def of(slot: int) -> frozenset[int]:
        h = hours.get(slot)
        if h is None:
            g = group[slot]
            h = hours[slot] = frozenset(flat.groups[g].hours[slot - first[g]])
        return h

    out = []
    for x, y in zip(xs.tolist(), ys.tolist(), strict=True):
        hx, hy = of(x), of(y)
        out.append(len(hx & hy) / len(hx | hy) if hx and hy else 0.0)
    return np.array(out, dtype=np.float64)

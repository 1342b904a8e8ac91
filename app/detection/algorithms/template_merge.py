"""Rejoins the pieces of one campaign that share its own prompt templates (pure; no database).

Modularity at a high resolution keeps small campaigns apart from the crowd, but on a large platform it
also cuts big campaigns along the lines their operators drew: round-robin shifts that share neither
infrastructure nor timing, card groups, proxy pools. What every piece still shares is the harvesting
itself — the same prompt templates, which few accounts outside the campaign send. A template whose users
sit mostly in a handful of candidate communities, each of which spends a real part of its traffic on such
templates, ties those communities into one.

Sharing the templates is not enough on its own: a firm's staff, a class or a product's users can send the
very prompt a campaign sends. The pieces of one operation were also opened alike (one registration
pipeline), so two communities whose accounts waited very differently from sign-up to first use stay apart.

A popular template does not tie anything: its users are spread over thousands of communities, so no
handful of them holds most of its users. A template a company's staff share does tie the company's
pieces together, which is harmless: organisation damping and the behaviour features still decide the
score of the joined community.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from app.detection.algorithms.params import DetectionParams
from app.detection.algorithms.profiles import Profile, first_use_ages
from app.detection.algorithms.union_find import UnionFind


def merge_by_templates(
    groups: Mapping[int, Sequence[str]], profiles: Mapping[str, Profile], params: DetectionParams
) -> dict[int, list[str]]:
    """`groups` (community -> member account ids) with communities tied by concentrated templates joined.

    Each joined group keeps the smallest of its community keys, so the output is deterministic.
    """
    if not params.template_merge or len(groups) < 2:
        return {c: list(accs) for c, accs in groups.items()}

    users: dict[str, dict[int, int]] = defaultdict(dict)  # template -> community -> members using it
    degree: dict[str, int] = {}
    for c, accs in groups.items():
        for a in accs:
            p = profiles.get(a)
            if p is None:
                continue
            for t in p.templates:
                users[t.template_id][c] = users[t.template_id].get(c, 0) + 1
                degree[t.template_id] = max(degree.get(t.template_id, 0), t.degree)

    sizes = {c: len(accs) for c, accs in groups.items()}
    holders = _concentrated(users, degree, sizes, params)
    mix = _concentrated_mix(groups, profiles, holders, params.template_merge_traffic)
    sets = UnionFind(groups)

    pairs: set[tuple[int, int]] = set()
    for tid in holders:
        tied = sorted(c for c in holders[tid] if c in mix)
        if len(tied) < 2:
            continue
        pairs.update((x, y) for i, x in enumerate(tied) for y in tied[i + 1 :])
    wait = {c: _median_wait(groups[c], profiles) for c in mix}
    for x, y in sorted(pairs):
        if _overlap(mix[x], mix[y]) >= params.template_merge_similarity and _set_up_alike(
            wait[x], wait[y], params
        ):
            sets.union(x, y)

    pieces: dict[int, list[int]] = defaultdict(list)
    for c in sorted(groups):
        pieces[sets.find(c)].append(c)
    out: dict[int, list[str]] = {}
    for root, cs in pieces.items():
        accs = [a for c in cs for a in groups[c]]
        # Members that send none of the group's concentrated templates were in it through an address or
        # a card only (a household whose line a campaign's proxies resold, a hydra network's customers):
        # dropped, whether the pieces were joined or one community's traffic is templated.
        if any(c in mix for c in cs):
            joined = {tid for c in cs for tid in mix.get(c, {})}
            accs = [
                a
                for a in accs
                if a in profiles and any(t.template_id in joined for t in profiles[a].templates)
            ]
        out[root] = sorted(accs)
    return out


def _concentrated(
    users: Mapping[str, Mapping[int, int]],
    degree: Mapping[str, int],
    sizes: Mapping[int, int],
    params: DetectionParams,
) -> dict[str, set[int]]:
    """Template -> the communities that hold it, for templates most of whose users those few hold.

    A community holds a template that a real share of the template's users belong to, or that most of its
    own members send: a campaign of 3,000 in 60-account pieces holds its template in every piece."""
    out: dict[str, set[int]] = {}
    for tid, by_comm in users.items():
        deg = degree[tid]
        if deg < params.template_merge_min_users:
            continue
        floor = max(2, params.template_merge_holding * deg)
        held = {
            c: n
            for c, n in by_comm.items()
            if n >= floor or (n >= 2 and n >= params.template_merge_member_share * sizes[c])
        }
        # One holder is kept too: a community's own templates belong in its mix, or two campaigns that
        # only share a reused prompt would look alike.
        if held and sum(held.values()) >= params.template_merge_coverage * deg:
            out[tid] = set(held)
    return out


def _concentrated_mix(
    groups: Mapping[int, Sequence[str]],
    profiles: Mapping[str, Profile],
    holders: Mapping[str, set[int]],
    min_traffic: float,
) -> dict[int, dict[str, float]]:
    """Per community that spends at least `min_traffic` of its requests on concentrated templates it
    holds, how those requests split over the templates (shares summing to 1)."""
    out: dict[int, dict[str, float]] = {}
    for c, accs in groups.items():
        total = 0
        own: dict[str, int] = defaultdict(int)
        for a in accs:
            p = profiles.get(a)
            if p is None:
                continue
            for t in p.templates:
                total += t.requests
                if c in holders.get(t.template_id, ()):
                    own[t.template_id] += t.requests
        spent = sum(own.values())
        if total and spent >= min_traffic * total:
            out[c] = {tid: r / spent for tid, r in own.items()}
    return out


def _median_wait(accs: Sequence[str], profiles: Mapping[str, Profile]) -> float | None:
    """The members' median days from sign-up to first request (None when no member has both)."""
    ages = first_use_ages(profiles[a] for a in accs if a in profiles)
    return ages[len(ages) // 2] if ages else None


def _set_up_alike(x: float | None, y: float | None, params: DetectionParams) -> bool:
    """Whether two communities' accounts were opened alike: median waits from sign-up to first use within
    `template_merge_wait_ratio` of each other, `template_merge_wait_days` added to both so that waits of
    a day or two do not differ by a factor. The pieces of one operation come out of one registration
    pipeline (bulk sign-ups used at once, or bought aged accounts); a firm's staff or a class that sends the
    same prompt opened their accounts on their own schedule. Unknown waits do not keep two apart."""
    if x is None or y is None:
        return True
    # A first request logged before the recorded creation (clock skew, a backfilled account) waited 0 days.
    days = params.template_merge_wait_days
    lo, hi = sorted((max(0.0, x) + days, max(0.0, y) + days))
    return hi <= params.template_merge_wait_ratio * lo


def _overlap(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Histogram intersection of two template mixes: 1 when two pieces send the same templates in the
    same proportions, small when two campaigns only share a template or two (one actor's campaigns reuse
    some prompts; they stay separate campaigns, and template reuse becomes attribution evidence)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(min(share, b.get(tid, 0.0)) for tid, share in a.items())

"""Explainable campaign features per community and the score that combines them (pure; no database).

Every feature is a number an analyst can check against the members' data. Suspicion features lie in
[0, 1]; the score is a logistic combination of those named in `DetectionParams.feature_weights`, fitted
across the scenario zoo. The other features (`size`, `median_requests`, `org_share`, ...) are reported but
not scored: what an operator controls (a registered organisation, a sign-up pattern) must not buy a
community out of suspicion.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.detection.algorithms.params import DetectionParams
from app.detection.algorithms.profiles import DAY, Profile, first_use_ages, template_users
from app.domain.instrument import is_disposable_type
from app.domain.vocabulary import CONTRIBUTION

HOUR = 3600
RISKY_IP_TYPES = frozenset({"hosting", "proxy", "vpn"})
# A community's own template: its share of the template's users is at least this many times its share
# of the platform (an order of magnitude above chance).
EXCLUSIVE_LIFT = 10.0
# Synchrony compares each member with this many successors in a fixed order: linear cost.
SYNC_PEERS = 24


@dataclass(frozen=True)
class Platform:
    """Platform-wide baselines the features are relative to."""

    accounts: int
    median_requests: float
    model_releases: Mapping[str, int]  # model -> first request on the platform (epoch s)
    # The median account's output tokens per request: what an ordinary answer costs on this platform.
    median_answer_tokens: float = 0.0

    def new_models(self) -> dict[str, int]:
        """Models released inside the observed window (the oldest ones were already there)."""
        if not self.model_releases:
            return {}
        first = min(self.model_releases.values())
        return {m: t for m, t in self.model_releases.items() if t > first + DAY}


@dataclass(frozen=True)
class Scored:
    score: float
    features: dict[str, float]
    capability: str


def score_community(members: Sequence[Profile], platform: Platform, params: DetectionParams) -> Scored:
    """A logistic score: sigmoid(bias + sum of weight x feature). The weights are fitted across the
    scenario zoo by cross-validation (bench/fit_scoring.py, docs/detection-quality.md), so the score reads
    as the probability that a community like this one is a campaign. Each feature's contribution
    (weight x value, in log-odds) is kept beside the features as `contribution.<name>`: what raised the
    score and what lowered it is there for an analyst to check."""
    feats = community_features(members, platform, params)
    contributions = {
        name: round(w * feats.get(name, 0.0), 6) for name, w in sorted(params.feature_weights.items())
    }
    z = params.score_bias + sum(contributions.values())
    score = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))
    cap = dominant_capability(members)
    out = dict(feats)
    out.update({f"{CONTRIBUTION}{k}": v for k, v in contributions.items()})
    return Scored(score=round(score, 6), features=out, capability=cap)


def community_features(
    members: Sequence[Profile], platform: Platform, params: DetectionParams
) -> dict[str, float]:
    n = len(members)
    reqs = sorted(p.requests for p in members)
    median_req = float(reqs[n // 2]) if n else 0.0
    ages = first_use_ages(members)
    feats = {
        "size": float(n),
        "median_requests": median_req,
        "median_account_age_days": ages[len(ages) // 2] if ages else 0.0,
        "volume": _volume(median_req, platform.median_requests),
        "answer_length": _answer_length(members, platform.median_answer_tokens),
        "capability_concentration": _capability_concentration(members),
        "signup_burst": _signup_burst(members, params.burst_window_hours * HOUR),
        "young_accounts": sum(1 for a in ages if a < params.young_account_days) / n if n else 0.0,
        "hosting_share": _hosting_share(members),
        "template_exclusivity": _template_exclusivity(members, platform.accounts),
        "synchrony": _synchrony(members),
        "shared_card_density": _shared_card_density(members),
        "disposable_payment": _disposable_payment(members),
        "new_model_switch": _new_model_switch(members, platform, params.switch_window_hours * HOUR),
        "round_the_clock": _round_the_clock(members),
        "org_concentration": _org_concentration(members),
        "org_share": sum(1 for p in members if p.org_id) / n if n else 0.0,
        # Size and account age on log scales in [0, 1]: 10,000 members, 1,000 days.
        "size_scale": _clip(math.log10(max(n, 1)) / 4.0),
        # A first request logged before the recorded creation (clock skew, a backfilled account) is age 0.
        "account_age": _clip(math.log10(1.0 + max(0.0, ages[len(ages) // 2] if ages else 0.0)) / 3.0),
    }
    return {k: round(v, 6) for k, v in feats.items()}


def dominant_capability(members: Sequence[Profile]) -> str:
    by_cap: Counter[str] = Counter()
    for p in members:
        for t in p.templates:
            by_cap[t.capability] += t.requests
    specific = [(c, r) for c, r in by_cap.items() if c != "other"]
    if not specific:
        return "other"
    return min(specific, key=lambda cr: (-cr[1], cr[0]))[0]


def _volume(median_req: float, platform_median: float) -> float:
    # 100x the platform's median account is as suspicious as volume gets; at or below it, not at all.
    if median_req <= 0:
        return 0.0
    ratio = median_req / max(platform_median, 1.0)
    return _clip(math.log10(ratio) / 2.0) if ratio > 1 else 0.0


def _answer_length(members: Sequence[Profile], platform_median: float) -> float:
    """How much longer than the platform's ordinary answer the median member's answers are: a harvest is
    for the outputs (worked solutions, reasoning traces), and a tenfold answer is as far as it goes. Over
    all requests, so it is the platform's own token count, not something a prompt template decides."""
    per_request = sorted(p.output_tokens / p.requests for p in members if p.requests > 0)
    if not per_request or platform_median <= 0:
        return 0.0
    ratio = per_request[len(per_request) // 2] / platform_median
    return _clip(math.log10(ratio)) if ratio > 1 else 0.0


def _capability_concentration(members: Sequence[Profile]) -> float:
    """Share of all the members' requests on their dominant capability. Over all requests, not only the
    templated ones: a cohort whose ordinary prompts were never mined is not thereby concentrated."""
    by_cap: Counter[str] = Counter()
    for p in members:
        for t in p.templates:
            by_cap[t.capability] += t.requests
    total = max(sum(by_cap.values()), sum(p.requests for p in members))
    specific = [r for c, r in by_cap.items() if c != "other"]
    return max(specific) / total if total and specific else 0.0


def _signup_burst(members: Sequence[Profile], window: int) -> float:
    """Largest share of members created within one window (sign-up bursts)."""
    created = sorted(p.created_at for p in members if p.created_at is not None)
    if not created:
        return 0.0
    best, lo = 0, 0
    for hi, t in enumerate(created):
        while t - created[lo] > window:
            lo += 1
        best = max(best, hi - lo + 1)
    return best / len(members)


def _hosting_share(members: Sequence[Profile]) -> float:
    risky = total = 0
    for p in members:
        for ip in p.ips:
            total += ip.requests
            if ip.ip_type in RISKY_IP_TYPES:
                risky += ip.requests
    return risky / total if total else 0.0


def _template_exclusivity(members: Sequence[Profile], platform_accounts: int) -> float:
    """Share of the community's requests on templates that mostly it (or a few like it) uses: a
    campaign's own prompts."""
    users, degree = template_users(members)
    # "Mostly this community", or rare enough that a few communities' worth of accounts use it: when one
    # campaign comes out in pieces, each piece still sends templates barely anyone else does.
    n = len(members)
    # ...and far rarer than chance: a community holding a tenth of the platform holds a tenth of every
    # template's users by chance, so a popular template whose users happen to form one community (a
    # viral prompt) is not its own. "Its own" means at least EXCLUSIVE_LIFT times the community's share
    # of the platform, whatever the community's size.
    share = n / max(platform_accounts, n, 1)
    exclusive = {
        tid
        for tid, c in users.items()
        if c >= 2
        and (c / max(degree[tid], 1) >= 0.5 or degree[tid] <= 3 * n)
        and c / max(degree[tid], 1) >= EXCLUSIVE_LIFT * share
    }
    templated = own = 0
    for p in members:
        for t in p.templates:
            templated += t.requests
            if t.template_id in exclusive:
                own += t.requests
    # Over all requests: an event cohort's shared tutorial prompts are its own, but they are a small part
    # of what its members send; a harvesting operation sends little else.
    total = max(templated, sum(p.requests for p in members))
    return own / total if total else 0.0


def _synchrony(members: Sequence[Profile]) -> float:
    """SynchroTrap: Jaccard of (template, hour) action sets. Each member's best match among its next
    SYNC_PEERS members (fixed order), averaged; the best match, because round-robin operators split a
    campaign into shifts that only overlap within a shift."""
    ps = sorted((p for p in members if p.actions), key=lambda p: p.account_id)
    if len(ps) < 2:
        return 0.0
    # Actions as their hashes: set intersections of ints skip re-hashing (template, hour) tuples, the whole
    # cost of this loop on a thousand-member campaign; the union's size follows from the intersection's.
    sets = [frozenset(map(hash, p.actions)) for p in ps]
    sizes = [len(x) for x in sets]
    n = len(sets)
    peers = min(SYNC_PEERS, n - 1)
    best_sum = 0.0
    for i, a in enumerate(sets):
        best = 0.0
        for j in range(1, peers + 1):
            k = (i + j) % n
            common = len(a & sets[k])
            best = max(best, common / (sizes[i] + sizes[k] - common))
        best_sum += best
    # Independent schedules score near 0; lockstep bots rarely exceed 0.5 (jitter): stretch x2.
    return _clip(2.0 * best_sum / len(members))


def _shared_card_density(members: Sequence[Profile]) -> float:
    holders: Counter[str] = Counter()
    for p in members:
        for key, _ in p.instruments:
            holders[key] += 1
    shared = sum(1 for p in members if any(holders[k] >= 2 for k, _ in p.instruments))
    return shared / len(members) if members else 0.0


def _disposable_payment(members: Sequence[Profile]) -> float:
    """Share of members paying with a prepaid, virtual or gift card: bought in bulk for an operation,
    where a team's or a household's accounts pay with bank cards in someone's name."""
    if not members:
        return 0.0
    return sum(1 for p in members if any(is_disposable_type(t) for t in p.instrument_types)) / len(members)


def _new_model_switch(members: Sequence[Profile], platform: Platform, window: int) -> float:
    """Share of members on a newly released model within `window` of its release."""
    new = platform.new_models()
    if not new or not members:
        return 0.0
    fast = 0
    for p in members:
        if any(
            m.model in new and m.first_used is not None and 0 <= m.first_used - new[m.model] <= window
            for m in p.models
        ):
            fast += 1
    return fast / len(members)


def _round_the_clock(members: Sequence[Profile]) -> float:
    """Normalised entropy of the hour of day of members' activity: bots work around the clock."""
    hod: Counter[int] = Counter()
    for p in members:
        for t in p.templates:
            for h in t.hours:
                hod[h % 24] += 1
    total = sum(hod.values())
    if total == 0:
        return 0.0
    ent = -sum(c / total * math.log(c / total) for c in hod.values())
    # Below ~0.75 a single time zone's waking day; scale the rest to [0, 1].
    return _clip((ent / math.log(24) - 0.75) / 0.25)


def _org_concentration(members: Sequence[Profile]) -> float:
    orgs = Counter(p.org_id for p in members if p.org_id)
    return orgs.most_common(1)[0][1] / len(members) if orgs else 0.0


def _clip(x: float) -> float:
    return max(0.0, min(1.0, x))

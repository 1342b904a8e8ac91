"""The strongest shared entities behind a campaign, in a form an analyst can check (pure; no database)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from app.detection.algorithms.model import EvidenceItem
from app.detection.algorithms.params import DetectionParams
from app.detection.algorithms.profiles import IpUse, Profile


def rarity(degree: int, accounts: int, exponent: float = 1.0) -> float:
    """IDF weight in (0, 1]: 1 for an entity two accounts share, falling towards 0 as it gets common
    (the same formula as the projection, `cypher/detection/link_pairs.cypher`)."""
    if accounts <= 2 or degree <= 0:
        return 1.0
    return float(max(0.0, math.log(accounts / max(degree, 2)) / math.log(accounts / 2.0)) ** exponent)


def campaign_evidence(
    members: Sequence[Profile], accounts: int, params: DetectionParams
) -> list[EvidenceItem]:
    shared: dict[tuple[str, str], set[str]] = {}
    degree: dict[tuple[str, str], int] = {}
    # The last member's note wins; kept unformatted until the end (most entities never become evidence).
    ip_of: dict[tuple[str, str], IpUse] = {}
    capability: dict[tuple[str, str], str] = {}

    def add(k: tuple[str, str], account: str, deg: int) -> None:
        accs = shared.get(k)
        if accs is None:
            shared[k] = {account}
            degree[k] = deg
        else:
            accs.add(account)
            if deg > degree[k]:
                degree[k] = deg

    for p in members:
        a = p.account_id
        for key, deg in p.instruments:
            add(("instrument", key), a, deg)
        for ip in p.ips:
            k = ("ip", ip.address)
            add(k, a, ip.degree)
            ip_of[k] = ip
            for cidr in ip.prefixes:
                k = ("prefix", cidr)
                add(k, a, 0)
                ip_of[k] = ip
            if ip.asn is not None:
                k = ("asn", str(ip.asn))
                add(k, a, 0)
                ip_of[k] = ip
        for t in p.templates:
            k = ("template", t.template_id)
            add(k, a, t.degree)
            if t.capability:
                capability[k] = t.capability
        for dom, deg in p.domains:
            add(("email_domain", dom), a, deg)

    def note_of(k: tuple[str, str]) -> str:
        if k in capability:
            return capability[k]
        ip = ip_of.get(k)
        if ip is None:
            return ""
        if k[0] == "ip":
            return f"{ip.ip_type} IP, ASN {ip.asn}"
        return f"{ip.ip_type} block" if k[0] == "prefix" else f"{ip.ip_type}"

    items: list[EvidenceItem] = []
    for (kind, key), accs in shared.items():
        if len(accs) < 2 or not params.families[kind].enabled:
            continue
        # Unknown platform degree (prefix, ASN): fall back to the in-campaign count, the most favourable case.
        deg = degree[(kind, key)] or len(accs)
        w = params.families[kind].weight * rarity(deg, accounts, params.rarity_exponent)
        note = note_of((kind, key))
        where = f"shared by {len(accs)} of {len(members)} members, {deg} accounts platform-wide"
        items.append(
            EvidenceItem(
                kind=kind,
                key=key,
                accounts=len(accs),
                weight=round(w, 6),
                detail=f"{note}; {where}" if note else where,
            )
        )
    if params.families["synchrony"].enabled:
        items.extend(_synchrony_evidence(members, params))
    items.sort(key=lambda e: (-e.accounts * e.weight, e.kind, e.key))
    return items[: params.evidence_per_campaign]


def _synchrony_evidence(members: Sequence[Profile], params: DetectionParams) -> list[EvidenceItem]:
    """Templates on which members act in the same hours: (template, hour) actions shared by >= 2 members."""
    per_action: Counter[tuple[str, int]] = Counter()
    for p in members:
        per_action.update(p.actions)
    hot = {a for a, c in per_action.items() if c >= 2}
    hours: Counter[str] = Counter(tid for tid, _ in hot)
    accounts: dict[str, set[str]] = {}
    for p in members:
        for tid, _ in p.actions & hot:
            accounts.setdefault(tid, set()).add(p.account_id)
    weight = params.families["synchrony"].weight
    return [
        EvidenceItem(
            kind="synchrony",
            key=tid,
            accounts=len(accounts[tid]),
            # Lockstep across 100+ shared hours is as strong as synchrony evidence gets.
            weight=round(weight * min(1.0, n / 100.0), 6),
            detail=f"template sent by {len(accounts[tid])} members in {n} common hours",
        )
        for tid, n in sorted(hours.items())
        if n >= 3 and len(accounts[tid]) >= 2
    ]

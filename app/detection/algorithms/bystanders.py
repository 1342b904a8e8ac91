"""Bystanders: accounts a community holds only because they share an ordinary line with its members.

A campaign that routes through residential proxies exits through real customers' home and mobile lines,
so the graph links those customers to it: they share an IP, often nothing else. They send none of the
campaign's own templates (templates most of whose users are its members) and share no sign of common
control with any member (a payment instrument, a hosting / proxy / VPN address). Counted as members they
dilute every feature and put honest customers in a campaign. A member is a bystander when it has neither.

Only where the community has a content core: if fewer than `bystander_core_share` of its members send
one of its own templates, its evidence is not content (a card ring, shared servers) and nothing is
dropped; a member linked by a card or a hosting range is never a bystander.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from app.detection.algorithms.params import DetectionParams
from app.detection.algorithms.profiles import Profile
from app.detection.algorithms.recruit import own_templates
from app.detection.algorithms.scoring import RISKY_IP_TYPES


def bystanders(members: Sequence[Profile], params: DetectionParams) -> set[str]:
    """Account ids of `members` to leave out of the community (empty when the rule does not apply)."""
    own = set(own_templates(members, params))
    if not own:
        return set()
    senders = {p.account_id for p in members if any(t.template_id in own for t in p.templates)}
    if len(senders) < params.bystander_core_share * len(members):
        return set()
    cards: Counter[str] = Counter()
    risky: Counter[str] = Counter()
    for p in members:
        cards.update(k for k, _ in p.instruments)
        risky.update(ip.address for ip in p.ips if ip.ip_type in RISKY_IP_TYPES)
    out = set()
    for p in members:
        if p.account_id in senders:
            continue
        if any(cards[k] >= 2 for k, _ in p.instruments):
            continue
        if any(ip.ip_type in RISKY_IP_TYPES and risky[ip.address] >= 2 for ip in p.ips):
            continue
        out.add(p.account_id)
    return out

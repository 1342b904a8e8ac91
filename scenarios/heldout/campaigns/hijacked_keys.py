"""Hijacked keys behind a reverse proxy (LLMjacking): the accounts are real developers' accounts whose API
keys leaked; a reverse-proxy operator load-balances a distillation customer's dataset-generation jobs across
every key that still works.

Real-world behaviour: Sysdig's LLMjacking reports (2024-2025) — stolen cloud and API credentials checked by
scanners within minutes of leaking, pooled behind "OAI reverse proxy" servers and resold; attackers adopt
new models quickly. The victims keep using their accounts as before (own networks, own clients, own card),
so account metadata is entirely legitimate; only the added traffic is foreign: a handful of servers on
bullet-proof hosting, one HTTP library, instruction-tuning records, a random key per request. Keys stop
working when some victims notice the bill and rotate them.

Signals: infrastructure (a few proxy servers shared by all victims, a user agent unlike the victim's own),
content (dataset-record formats), timing (staggered takeovers, abrupt stops). Labelled: two proxy servers
and the hosting ASN are known from threat intelligence; the ASN also hosts unrelated tenants.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..clock import DAY, NEW_MODEL, PRO, RELEASE_TS, WINDOW_END, WINDOW_START
from ..knobs import Labelling, Sizing
from ..ops import volume
from ..population.background import live
from ..population.personas import build_person, old_created_at
from ..text.fill import pick
from ..text.harvest import instruction_record
from ..world import World, tokens_in, tokens_out

STYLE = "hijacked_keys"


_SIZE = Sizing(0.008)
_LABELS = Labelling("Sandpiper ORP", ("ip", "asn"), 0.8, "threat_intel")


@dataclass(frozen=True)
class Knobs:
    size: Sizing = _SIZE
    labels: Labelling = _LABELS
    signals: frozenset[str] = field(
        default_factory=lambda: frozenset({"infrastructure", "content", "timing"})
    )
    camouflage: float = 0.0  # the victims' own traffic is the cover
    volume: float = 4.5
    proxy_servers: int = 4
    hosting_asns: tuple[int, ...] = (44477, 210644)
    takeover_days: tuple[float, float] = (3.0, 45.0)
    rotation_share: float = 0.4
    user_agent: str = "python-httpx/0.27.0"


DEFAULT = Knobs()


def build(world: World, count: int, knobs: Knobs = DEFAULT) -> None:
    rng = world.rng(STYLE)
    campaign = f"{STYLE}-1"
    labels = knobs.labels
    actor = labels.truth_actor
    servers: list[str] = []
    for i in range(knobs.proxy_servers):
        asn = world.net.by_number[knobs.hosting_asns[i % len(knobs.hosting_asns)]]
        servers.append(world.net.fresh_v4(rng, asn))
    # victims: ordinary developers with ordinary histories
    keys: list[tuple[str, int, int]] = []  # account, takeover, end
    lo, hi = knobs.takeover_days
    for _ in range(count):
        person = build_person(world, rng, "developer", old_created_at(rng, WINDOW_START - 30 * DAY))
        live(world, rng, person, "developer")
        acct = person.account
        world.mark_campaign(acct.account_id, campaign, actor, STYLE)
        takeover = WINDOW_START + int(rng.uniform(lo, hi) * DAY)
        end = WINDOW_END
        if rng.random() < knobs.rotation_share:
            end = min(WINDOW_END, takeover + int(rng.uniform(2, 10) * DAY))
        keys.append((acct.account_id, takeover, end))
    # the proxy spreads jobs over whichever keys are live at that moment
    total = sum(volume(world, rng, knobs.volume) for _ in keys)
    first = min(k[1] for k in keys)
    keys.sort(key=lambda k: k[1])
    emitted = 0
    attempts = 0
    while emitted < total and attempts < total * 4:
        attempts += 1
        ts = rng.randrange(first, WINDOW_END)
        account_id, takeover, end = pick(rng, keys)
        if not takeover <= ts < end:
            continue
        prompt = instruction_record(rng)
        model = NEW_MODEL if ts > RELEASE_TS + 6 * 3600 and rng.random() < 0.8 else PRO
        ip = (
            pick(rng, servers)
            if "infrastructure" in knobs.signals
            else world.net.fresh_v4(rng, world.net.pick(rng, "hosting"))
        )
        world.emit(
            account_id, ts, prompt, ip, model, tokens_in(prompt), tokens_out(rng, 1500, 0.4), knobs.user_agent
        )
        emitted += 1
    if "ip" in labels.entities:
        for ip in servers[:2]:
            world.label(
                "ip",
                ip,
                labels.actor,
                labels.confidence,
                labels.source,
                "reverse-proxy endpoint seen reselling model access",
            )
    if "asn" in labels.entities:
        world.label(
            "asn",
            str(knobs.hosting_asns[0]),
            labels.actor,
            0.5,
            labels.source,
            "hosting provider the crew rents from; also hosts unrelated VPN and web tenants",
        )

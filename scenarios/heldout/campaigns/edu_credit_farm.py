"""Education-credit farm: accounts opened through the education programme with student mailboxes from many
universities, each burning exactly its free research grant in a few days of non-stop synthetic-textbook
generation, then abandoned and replaced by the next one.

Real-world behaviour: free-trial and credit farming against AI products (Runbear, "We won $1,000 in AI
credits, then lost it to trial abuse", 2025; Stripe, "Free trial abuse: tactics, signals and prevention")
— identity cycling to reset a per-account allowance — combined with the education/research sign-up
channel named in public distillation reports, and the "textbook-quality" synthetic-data recipes used to
train small models. Student mailboxes are bought from resellers, so the e-mail domains are many real-looking
universities. The farm rents datacenter addresses and hands each one to the next account once the previous
account's grant is spent: addresses are reused by accounts in sequence, never at the same time.

Signals: identity (education channel, many university domains), money (no payment instrument at all),
infrastructure (two hosting ASNs, sequential address reuse), content (long textbook requests that hit the
output cap), timing (steady replacement waves, short lifetimes). No labels.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import identity
from ..clock import DAY, HOUR, NEW_MODEL, PRO, RELEASE_TS, WINDOW_END, WINDOW_START
from ..knobs import Labelling, Sizing
from ..text.fill import pick
from ..text.harvest import textbook_prompt
from ..world import World, tokens_in, tokens_out

STYLE = "edu_credit_farm"


_SIZE = Sizing(0.016)
_LABELS = Labelling("Osprey Mill")


@dataclass(frozen=True)
class Knobs:
    size: Sizing = _SIZE
    labels: Labelling = _LABELS
    signals: frozenset[str] = field(
        default_factory=lambda: frozenset({"identity", "money", "infrastructure", "content", "timing"})
    )
    camouflage: float = 0.0
    grant_output_tokens: int = 150_000
    output_cap: int = 4096
    lifetime_days: tuple[float, float] = (2.0, 4.0)
    universities: int = 12
    hosting_asns: tuple[int, ...] = (49981, 202425)
    accounts_per_address: int = 4
    user_agent: str = "lumen-python/1.6.2"


DEFAULT = Knobs()


def build(world: World, count: int, knobs: Knobs = DEFAULT) -> None:
    rng = world.rng(STYLE)
    campaign = f"{STYLE}-1"
    actor = knobs.labels.truth_actor
    unis = [
        (identity.university_domain(rng, c), c)
        for c in (
            pick(rng, ("US", "GB", "IN", "BR", "DE", "AU", "CA", "KR", "JP"))
            for _ in range(knobs.universities)
        )
    ]
    n_addr = max(2, count // knobs.accounts_per_address)
    addresses: list[str] = []
    if "infrastructure" in knobs.signals:
        blocks = [
            (world.net.block24(rng, world.net.by_number[a]), world.net.by_number[a])
            for a in knobs.hosting_asns
        ]
        for _ in range(n_addr):
            prefix, asn = pick(rng, blocks)
            addresses.append(world.net.in_block(prefix, rng.randrange(2, 255), asn))
    else:
        addresses = [world.net.fresh_v4(rng, world.net.pick(rng, "hosting")) for _ in range(n_addr)]
    free_at = dict.fromkeys(addresses, WINDOW_START)
    span = WINDOW_END - WINDOW_START - 5 * DAY
    # per-request spend: long answers, mostly at or near the cap
    mean_out = knobs.output_cap * 0.85
    grant = int(knobs.grant_output_tokens * world.rpa / 12.0)
    for i in range(count):
        created = WINDOW_START + int(span * (i + rng.random()) / count)
        domain, country = (
            pick(rng, unis) if "identity" in knobs.signals else (identity.webmail(rng, "US"), "US")
        )
        channel = "education" if "identity" in knobs.signals else "web"
        acct = world.new_account(created, domain, country, "edu", signup_channel=channel)
        world.mark_campaign(acct.account_id, campaign, actor, STYLE)
        if "money" not in knobs.signals:
            world.pay(
                acct.account_id,
                identity.instrument_token(rng),
                "card",
                world.bins.pick(rng, country),
                country,
                created + 600,
            )
        # take the address that has been free the longest
        ip = min(addresses, key=lambda a: (free_at[a], a))
        start = max(created + rng.randint(120, 900), free_at[ip])
        life = int(rng.uniform(*knobs.lifetime_days) * DAY)
        spent = 0
        ts = start
        requests = max(3, int(grant / mean_out))
        gap = life / requests
        while spent < grant and ts < WINDOW_END:
            prompt = textbook_prompt(rng)
            out = min(knobs.output_cap, tokens_out(rng, mean_out, 0.15))
            out = min(out, grant - spent) or 1
            model = NEW_MODEL if ts > RELEASE_TS + DAY and rng.random() < 0.8 else PRO
            world.emit(acct.account_id, ts, prompt, ip, model, tokens_in(prompt), out, knobs.user_agent)
            spent += out
            ts += int(gap * rng.uniform(0.6, 1.4))
        free_at[ip] = ts + rng.randint(HOUR, 6 * HOUR)

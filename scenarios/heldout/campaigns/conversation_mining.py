"""Phone-farm conversation mining: racks of identical cheap Android handsets on local SIM cards run long
multi-turn agent conversations, one scripted continuation after another.

Real-world behaviour: SIM and phone farms that register and operate accounts at scale on consumer mobile
lines (Europol's 2025 SIM-farm takedown; Ukrainian police raids on SIM-box farms used to run fake accounts)
and the long-horizon, agentic-reasoning focus reported for the Moonshot campaign (Anthropic, "Detecting
and preventing distillation attacks", 2026). Each session is a seed task followed by a fixed number of
formulaic "continue with step k" turns; the context grows every turn. Between sessions the handset toggles
airplane mode, so the next session comes from another address in the carrier's NAT pool — the same pool
thousands of ordinary subscribers share.

Signals: infrastructure (one carrier country, CGNAT addresses shared with honest users, one handset model
and app build on every account), content (scripted follow-ups repeated verbatim, fixed session length,
growing input tokens), timing (12-hour farm shifts), money (app-store billing, one per account). No labels.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import identity
from ..clock import DAY, HOUR, NEW_MODEL, RELEASE_TS, STANDARD, WINDOW_END, WINDOW_START
from ..knobs import Labelling, Sizing
from ..ops import cover_traffic, volume
from ..population.person import Place
from ..text.fill import pick
from ..text.harvest import CONTINUATIONS, long_horizon_seed
from ..world import World, tokens_in, tokens_out

STYLE = "conversation_mining"


_SIZE = Sizing(0.014)
_LABELS = Labelling("Gannet Works")


@dataclass(frozen=True)
class Knobs:
    size: Sizing = _SIZE
    labels: Labelling = _LABELS
    signals: frozenset[str] = field(
        default_factory=lambda: frozenset({"infrastructure", "content", "timing", "money"})
    )
    camouflage: float = 0.1
    volume: float = 4.0
    turns: int = 6
    country: str = "ID"
    utc_offset: int = 7
    device: str = "SM-A125F"
    app_version: str = "5.3.0"
    shift_start_local: int = 9
    shift_hours: int = 12
    signup_days: float = 14.0


DEFAULT = Knobs()


def build(world: World, count: int, knobs: Knobs = DEFAULT) -> None:
    rng = world.rng(STYLE)
    campaign = f"{STYLE}-1"
    actor = knobs.labels.truth_actor
    carriers = world.net.of_type("mobile", knobs.country)
    pools = [
        world.net.shared_pool(a, max(12, int(world.total_accounts * 0.003 * a.blocks))) for a in carriers
    ]
    shift0 = (knobs.shift_start_local - knobs.utc_offset) * HOUR
    for _ in range(count):
        created = WINDOW_START + int(rng.random() * knobs.signup_days * DAY)
        acct = world.new_account(created, "gmail.com", knobs.country, "plus", signup_channel="android")
        world.mark_campaign(acct.account_id, campaign, actor, STYLE)
        world.pay(
            acct.account_id,
            identity.instrument_token(rng),
            "app_store",
            "",
            knobs.country,
            created + rng.randint(120, 3 * HOUR),
        )
        if "infrastructure" in knobs.signals:
            ua = f"LumenApp/{knobs.app_version} (Android 11; {knobs.device})"
            pool = pick(rng, pools)
        else:
            ua = identity.android_app_ua(rng)
            pool = pools[0]
        n = volume(world, rng, knobs.volume)
        sessions = max(1, round(n * (1.0 - knobs.camouflage) / knobs.turns))
        first_day = (created + HOUR) // DAY + 1
        days = (WINDOW_END // DAY) - first_day
        for _ in range(sessions):
            day = first_day + rng.randrange(max(1, days))
            if "timing" in knobs.signals:
                ts = day * DAY + shift0 + rng.randrange(knobs.shift_hours * HOUR - HOUR)
            else:
                ts = day * DAY + rng.randrange(DAY)
            ip = pick(rng, pool)
            model = NEW_MODEL if ts > RELEASE_TS + 3 * DAY and rng.random() < 0.5 else STANDARD
            prompt = long_horizon_seed(rng)
            context = 0
            for turn in range(knobs.turns):
                if turn:
                    ts += rng.randint(35, 80)
                    if "content" in knobs.signals:
                        prompt = pick(rng, CONTINUATIONS).replace("{k}", str(turn + 1))
                    else:
                        prompt = f"ok, now step {turn + 1}"
                tin = tokens_in(prompt, context)
                out = tokens_out(rng, 900, 0.3)
                world.emit(acct.account_id, ts, prompt, ip, model, tin, out, ua)
                context = tin + out
        cover = Place("", ua, 1.0, pool)
        cover_traffic(world, rng, acct, [cover], int(n * knobs.camouflage), knobs.utc_offset, start=created)

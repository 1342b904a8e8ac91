"""Participants of a psychology study: fresh accounts made the same day, scripted task prompts in sessions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from ..base import CohortStyle, Ctx, consumer_ua, home_ip
from ..campaigns.cot_trace_miner import COLOURS, NAMES, PUZZLES
from ..text import CONSUMER, benign
from ..world import COUNTRIES, END, START, approx_tokens, human_times, out_tokens


@dataclass(frozen=True)
class PsychExperimentPanel(CohortStyle):
    name: str = "psych_experiment_panel"
    share: float = 0.005
    signals: tuple[str, ...] = ("identity", "content", "timing")
    volume: float = 1.0
    tasks_per_session: int = 6

    def build(self, ctx: Ctx, n: int) -> list[str]:
        w, rng = ctx.w, ctx.rng
        day = START + timedelta(days=rng.uniform(8, 26))
        out: list[str] = []
        for _ in range(n):
            c = rng.choice(("US", "GB", "CA"))
            created = day + timedelta(minutes=rng.uniform(0, 300))
            a = w.account(created, w.freemail(c), c, "free", "", "research_program")
            ip = home_ip(w, c, rng)
            ua = consumer_ua(rng)
            t = created + timedelta(minutes=rng.uniform(2, 15))
            for _ in range(self.tasks_per_session):
                q = rng.choice(PUZZLES).format(
                    a=rng.randint(3, 40),
                    h=rng.randint(5, 21),
                    b=rng.randint(2, 90),
                    c=rng.randint(2, 500),
                    d=rng.randint(40, 140),
                    name=rng.choice(NAMES),
                    colour=rng.choice(COLOURS),
                )
                p = f"{q}\n\nPlease think it through step by step and explain your reasoning first."
                w.req(
                    a,
                    min(t, END - timedelta(seconds=1)),
                    p,
                    ip,
                    "nova-2",
                    approx_tokens(p),
                    out_tokens(rng, 900, 0.4),
                    ua,
                )
                t += timedelta(minutes=rng.uniform(2, 8))
            lo = (t - START).total_seconds() / 86400
            for ts in human_times(rng, ctx.n_requests(self.volume * 0.3), COUNTRIES[c].tz, lo):
                p, tin, tout = benign(rng, CONSUMER)
                w.req(a, ts, p, ip, w.model_for(ts, 0.2), tin, tout, ua)
            out.append(a)
        return out

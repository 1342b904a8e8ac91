"""An online proof-writing course: students use the course's prompt for proofs during weekly sessions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from ..base import CohortStyle, Ctx, home_ip, old_signup
from ..campaigns.math_proof_harvest import PROBLEMS
from ..text import CONSUMER, benign
from ..world import DAYS, START, UA_BROWSER, approx_tokens, human_times, out_tokens


@dataclass(frozen=True)
class ProofSeminar(CohortStyle):
    name: str = "proof_seminar"
    share: float = 0.006
    signals: tuple[str, ...] = ("identity", "content", "timing")
    volume: float = 1.5
    session_weekday: int = 2
    session_hour_utc: float = 13.0

    def build(self, ctx: Ctx, n: int) -> list[str]:
        w, rng = ctx.w, ctx.rng
        campus = w.net.block("janet")
        sessions = [
            START + timedelta(days=d, hours=self.session_hour_utc)
            for d in range(DAYS)
            if (START + timedelta(days=d)).weekday() == self.session_weekday
        ]
        out: list[str] = []
        for _ in range(n):
            created = old_signup(rng, 0.3)
            a = w.account(
                created,
                "ox-maths.ac.uk" if rng.random() < 0.8 else w.freemail("GB"),
                "GB",
                "edu",
                "",
                "education",
            )
            ips = [w.net.host("janet", campus), home_ip(w, "GB", rng)]
            for _ in range(ctx.n_requests(self.volume * 0.6)):
                s = rng.choice(sessions) + timedelta(minutes=rng.uniform(0, 90))
                prob = rng.choice(PROBLEMS).format(
                    a=rng.randint(2, 19), b=rng.randint(3, 12), c=rng.choice((8, 24, 12))
                )
                p = (
                    f"{prob}\n\nWrite a complete, rigorous proof. Number each step, justify every inference, "
                    "and state explicitly which lemmas you use."
                )
                w.req(
                    a,
                    s,
                    p,
                    ips[0],
                    w.model_for(s, 0.2),
                    approx_tokens(p),
                    out_tokens(rng, 2200, 0.45),
                    UA_BROWSER[2],
                )
            for t in human_times(rng, ctx.n_requests(self.volume * 0.4), 0):
                p, tin, tout = benign(rng, CONSUMER)
                w.req(
                    a,
                    t,
                    p,
                    rng.choice(ips),
                    w.model_for(t, 0.2),
                    tin,
                    tout,
                    "NovaChat/4.12.0 (iPhone; iOS 18.3.1; Scale/3.00)",
                )
            out.append(a)
        return out

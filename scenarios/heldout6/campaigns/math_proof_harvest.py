"""Olympiad proofs harvested in synchronised batches by accounts enrolled through an education programme."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from ..base import CampaignStyle, Ctx, home_ip, in_window, vpn_exits
from ..world import END, START, approx_tokens, out_tokens

PROBLEMS = (
    "Prove that for every positive integer n, {a}^n - 1 is divisible by {b} whenever n is a multiple of {c}.",
    "Let ABC be a triangle with AB = {a}, AC = {b}. The bisector of angle A meets BC at D. Prove that "
    "BD/DC = {a}/{b} and find AD in terms of the sides.",
    "Find all functions f: R -> R such that f(x + y) + f(x - y) = {a}f(x)f(y) for all real x, y.",
    "Show that among any {a} integers there exist {b} whose sum is divisible by {b}.",
    "Let p be a prime greater than {a}. Prove that p^2 - 1 is divisible by {c}.",
    "A sequence satisfies x_1 = {a}, x_(n+1) = x_n^2 - {b}x_n + {c}. Determine for which starting values it "
    "converges, and prove it.",
    "Prove that the equation x^2 + y^2 = {a}z^2 has no solutions in positive integers when {a} is "
    "congruent to 3 mod 4.",
    "In a {a} x {a} grid, each cell is coloured with one of {b} colours. Prove that some rectangle has four "
    "corners of the same colour.",
)
UNIS = ("stu.xjtlu-alumni.edu.cn", "mail.hkbu-learn.edu.hk")


@dataclass(frozen=True)
class MathProofHarvest(CampaignStyle):
    name: str = "math_proof_harvest"
    share: float = 0.011
    signals: tuple[str, ...] = ("identity", "content", "timing")
    camouflage: float = 0.0
    labelled: bool = True
    volume: float = 2.5
    batch_every_hours: float = 6.0  # the controller releases a batch to all accounts at once
    batch_spread_minutes: float = 9.0
    proof_tokens: int = 2600

    def build(self, ctx: Ctx, n: int) -> list[str]:
        w, rng = ctx.w, ctx.rng
        t0 = START + timedelta(days=rng.uniform(2, 6))
        batches = []
        t = t0
        while t < END - timedelta(hours=1):
            batches.append(t)
            t += timedelta(hours=self.batch_every_hours * rng.uniform(0.9, 1.1))
        exits = vpn_exits(w)
        out: list[str] = []
        for _ in range(n):
            c = rng.choice(("CN", "HK"))
            created = in_window(rng, 0, 2) - timedelta(days=rng.uniform(0, 1))
            a = w.account(created, rng.choice(UNIS), c, "edu", "", "education")
            ips = [home_ip(w, c, rng), rng.choice(exits)]
            for _ in range(ctx.n_requests(self.volume, 0.3)):
                b = rng.choice(batches)
                ts = b + timedelta(minutes=rng.uniform(0, self.batch_spread_minutes))
                prob = rng.choice(PROBLEMS).format(
                    a=rng.randint(2, 19), b=rng.randint(3, 12), c=rng.choice((8, 24, 12))
                )
                p = (
                    f"{prob}\n\nWrite a complete, rigorous proof. Number each step, justify every inference, "
                    "and state explicitly which lemmas you use."
                )
                w.req(
                    a,
                    ts,
                    p,
                    rng.choice(ips),
                    w.model_for(ts, 0.5, (0, 0.3, 0.7)),
                    approx_tokens(p),
                    out_tokens(rng, self.proof_tokens, 0.4),
                    "nova-sdk-python/1.8.2 (CPython 3.11; Linux)",
                )
            out.append(a)
        ctx.label(
            "account",
            rng.choice(out),
            0.9,
            "partner-share",
            "account reported by a peer lab for bulk proof harvest",
        )
        return out

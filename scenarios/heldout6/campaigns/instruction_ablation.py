"""The same payload set swept through many instruction variants, one variant per account, in lockstep."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from ..base import CampaignStyle, Ctx, in_window
from ..text import PAIRS, TOPICS
from ..world import END, START, approx_tokens, out_tokens

VARIANTS = (
    ("Answer concisely.", 120),
    ("Think step by step, then answer.", 900),
    ("Answer as a senior domain expert would, citing principles.", 600),
    ("Respond in valid JSON with keys 'answer' and 'explanation'.", 300),
    ("First restate the question, then answer, then list caveats.", 650),
    ("Answer for a beginner, using an analogy.", 420),
    ("Give three different answers and pick the best.", 1100),
    ("Answer, then critique your own answer and revise it.", 1300),
)


@dataclass(frozen=True)
class InstructionAblation(CampaignStyle):
    name: str = "instruction_ablation"
    share: float = 0.01
    signals: tuple[str, ...] = ("content", "timing")
    camouflage: float = 0.0
    labelled: bool = False
    volume: float = 3.0
    payloads: int = 160
    sweep_gap_minutes: float = 3.0  # one payload per sweep step, fired by every account within seconds
    sweep_jitter_seconds: float = 40.0
    sweep_days: tuple[float, ...] = (4.0, 25.0)  # the second sweep lands just after the new model's release

    def build(self, ctx: Ctx, n: int) -> list[str]:
        w, rng = ctx.w, ctx.rng
        payloads = []
        for _ in range(self.payloads):
            if rng.random() < 0.5:
                a_, b_ = rng.choice(PAIRS)
                payloads.append(
                    f"What are the key differences between {a_} and {b_}, and when does each win?"
                )
            else:
                payloads.append(
                    f"Why does {rng.choice(TOPICS)} matter, and what is most often misunderstood about it?"
                )
        hosts = ["azure", "oracle", "gcp"]
        accts: list[tuple[str, str, str, int]] = []
        for i in range(n):
            c = rng.choice(("US", "GB", "DE", "KR"))
            created = START - timedelta(days=rng.uniform(10, 200))
            a = w.account(created, w.freemail(c), c, "api_payg", "", "research_program")
            w.card(a, c, created)
            accts.append(
                (a, w.net.fresh(hosts[i % len(hosts)]), VARIANTS[i % len(VARIANTS)][0], i % len(VARIANTS))
            )
        per = max(1, round(w.rpa * self.volume / len(self.sweep_days)))
        for day in self.sweep_days:
            t0 = in_window(rng, day, day + 1.5)
            for k in rng.sample(range(self.payloads), min(per, self.payloads)):
                tk = t0
                t0 += timedelta(minutes=self.sweep_gap_minutes * rng.uniform(0.8, 1.2))
                if tk >= END:
                    break
                for a, ip, instr, vi in accts:
                    if rng.random() < 0.1:
                        continue
                    ts = tk + timedelta(seconds=rng.uniform(0, self.sweep_jitter_seconds))
                    p = f"{payloads[k]}\n\n{instr}"
                    w.req(
                        a,
                        ts,
                        p,
                        ip,
                        w.model_for(ts, 0.6, (0.2, 0.4, 0.4)),
                        approx_tokens(p),
                        out_tokens(rng, VARIANTS[vi][1], 0.35),
                        "python-requests/2.32.3",
                    )
        return [a for a, _, _, _ in accts]

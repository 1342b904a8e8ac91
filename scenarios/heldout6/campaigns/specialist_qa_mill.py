"""Clinical and legal expert Q&A mined from behind a mobile carrier's NAT at night, under research orgs."""

from __future__ import annotations

from dataclasses import dataclass

from ..base import CampaignStyle, Ctx, carrier_ips, old_signup
from ..world import approx_tokens, human_times, out_tokens

MEDICAL = (
    "cardiologist",
    "nephrologist",
    "paediatrician",
    "oncologist",
    "emergency physician",
    "psychiatrist",
    "dermatologist",
)
LEGAL = ("employment lawyer", "tax attorney", "immigration lawyer")
MED_CASES = (
    "a {age}-year-old with {s1} and {s2} for {d} days",
    "a {age}-year-old on {drug} presenting with {s1}",
    "a {age}-year-old with a history of {s2} now reporting {s1}",
)
LEGAL_CASES = (
    "a client dismissed after {d} days of sick leave who raises {l1}",
    "a {age}-year-old self-employed contractor with foreign income facing {l1}",
    "a small employer whose former manager brings {l1} and {l2}",
)
LEGAL_ISSUES = (
    "a disputed non-compete",
    "an unpaid overtime claim",
    "a visa overstay of 40 days",
    "an audit notice",
    "a wrongful-termination claim",
    "a late-filing penalty",
)
SYMPTOMS = (
    "chest tightness",
    "fatigue",
    "ankle swelling",
    "night sweats",
    "a new rash",
    "syncope",
    "unexplained weight loss",
    "haematuria",
    "a disputed non-compete",
    "an unpaid overtime claim",
    "insomnia",
    "palpitations",
    "a visa overstay of 40 days",
    "an audit notice",
)
DRUGS = ("warfarin", "lithium", "metformin", "amiodarone", "sertraline", "tacrolimus")
MED_ASKS = (
    "Give a differential with likelihoods, the work-up you would order, and management, reasoning "
    "explicitly at each step.",
    "Explain your full clinical reasoning, then a plan.",
)
LEGAL_ASKS = (
    "Lay out the applicable rules, the strongest arguments on each side and your "
    "recommended course of action, with reasoning.",
)


@dataclass(frozen=True)
class SpecialistQaMill(CampaignStyle):
    name: str = "specialist_qa_mill"
    share: float = 0.01
    signals: tuple[str, ...] = ("identity", "content")
    camouflage: float = 0.1
    labelled: bool = False
    volume: float = 3.0
    orgs: int = 3
    carrier: str = "jio"
    night_tz: int = -7  # accounts run on a schedule that lands in the small hours locally

    def build(self, ctx: Ctx, n: int) -> list[str]:
        w, rng = ctx.w, ctx.rng
        orgs = [w.org() for _ in range(self.orgs)]
        cgnat = carrier_ips(w, self.carrier)
        out: list[str] = []
        for i in range(n):
            created = old_signup(rng, 0.5)
            a = w.account(
                created, "medlex-research.org", "IN", "team", orgs[i % len(orgs)], "research_program"
            )
            w.card(a, "IN", created)
            ips = rng.sample(cgnat, min(3, len(cgnat)))
            for t in human_times(rng, ctx.n_requests(self.volume, 0.4), self.night_tz, per_session=6):
                if rng.random() < self.camouflage:
                    p, tin, tout = ctx.camo()
                else:
                    medical = rng.random() < 0.7
                    case = rng.choice(MED_CASES if medical else LEGAL_CASES).format(
                        age=rng.randint(18, 88),
                        s1=rng.choice(SYMPTOMS[:8]),
                        s2=rng.choice(SYMPTOMS[:8]),
                        d=rng.randint(2, 60),
                        drug=rng.choice(DRUGS),
                        l1=rng.choice(LEGAL_ISSUES),
                        l2=rng.choice(LEGAL_ISSUES),
                    )
                    role = rng.choice(MEDICAL if medical else LEGAL)
                    ask = rng.choice(MED_ASKS if medical else LEGAL_ASKS)
                    p = f"You are a board-certified {role}. Consider {case}. {ask}"
                    tin, tout = approx_tokens(p), out_tokens(rng, 1500, 0.4)
                w.req(
                    a, t, p, rng.choice(ips), w.model_for(t, 0.3, (0, 0.5, 0.5)), tin, tout, "okhttp/4.12.0"
                )
            out.append(a)
        return out

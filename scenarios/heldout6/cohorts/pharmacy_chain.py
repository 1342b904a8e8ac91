"""Pharmacists across a retail chain asking clinical questions from an internal job-aid prompt."""

from __future__ import annotations

from dataclasses import dataclass

from ..base import CohortStyle, Ctx, old_signup
from ..campaigns.specialist_qa_mill import DRUGS, SYMPTOMS
from ..text import OFFICE, benign
from ..world import UA_BROWSER, approx_tokens, out_tokens, work_times

QUESTIONS = (
    "Is it safe to dispense {d1} to a patient already taking {d2}?",
    "A {age}-year-old customer on {d1} asks about {s}. What should I advise and when should I refer?",
    "What is the usual adult dose adjustment of {d1} in reduced kidney function?",
)
MORE_DRUGS = ("ibuprofen", "clarithromycin", "omeprazole", "amoxicillin", "levothyroxine", "atorvastatin")


@dataclass(frozen=True)
class PharmacyChain(CohortStyle):
    name: str = "pharmacy_chain"
    share: float = 0.007
    signals: tuple[str, ...] = ("identity", "content", "money")
    volume: float = 1.5
    stores: int = 25

    def build(self, ctx: Ctx, n: int) -> list[str]:
        w, rng = ctx.w, ctx.rng
        org, inst = w.org(), w.instrument()
        stores = [w.net.fresh(rng.choice(("sify", "act"))) for _ in range(self.stores)]
        out: list[str] = []
        for _ in range(n):
            created = old_signup(rng, 0.8)
            a = w.account(created, "wellcarepharmacy.in", "IN", "enterprise", org, "sales")
            w.pay(a, inst, "invoice", "", "IN", created)
            store = rng.choice(stores)
            for t in work_times(rng, ctx.n_requests(self.volume), 5):
                if rng.random() < 0.75:
                    q = rng.choice(QUESTIONS).format(
                        d1=rng.choice(DRUGS + MORE_DRUGS),
                        d2=rng.choice(DRUGS + MORE_DRUGS),
                        age=rng.randint(18, 90),
                        s=rng.choice(SYMPTOMS[:8]),
                    )
                    store_no = rng.randint(100, 999)
                    p = f"Pharmacist query (store {store_no}): {q} Explain your reasoning briefly."
                    tin, tout = approx_tokens(p), out_tokens(rng, 420, 0.4)
                else:
                    p, tin, tout = benign(rng, OFFICE)
                w.req(
                    a,
                    t,
                    p,
                    store,
                    w.model_for(t, 0.1),
                    tin,
                    tout,
                    UA_BROWSER[0],
                )
            out.append(a)
        return out

"""Paid crowd workers unknowingly relay a harvesting job: each pastes task cards into their own account."""

from __future__ import annotations

from dataclasses import dataclass

from .._core import BROWSER_UAS, CONSUMER_DOMAINS, MOBILE_UAS, T0, Rng, Style, World, bin6, instrument, pick
from .._kit import camouflage, word_problem

NAME = "gig_worker_relay"
QUESTIONS = [
    "Explain why the following SQL query is slow and rewrite it: SELECT * FROM orders WHERE "
    "YEAR(created)=2024",
    "What is the time complexity of building a heap from n elements, and why?",
    "Describe the mechanism by which beta-blockers lower blood pressure.",
    "Why does ice float on water? Explain at the molecular level.",
    "Compare TCP congestion control algorithms Reno and CUBIC.",
    "Explain the difference between a Roth IRA and a traditional IRA for a 30-year-old.",
]
INSTR = (
    "Please answer the question below as completely as possible. Show your full reasoning step by step, "
    "then give the final answer on its own line starting with 'FINAL:'. Do not shorten the answer."
)


@dataclass(frozen=True)
class Knobs:
    share: float = 0.02
    actor: str = "Tessellate Data"
    labelled: bool = True
    signals: tuple[str, ...] = ("content", "timing_shifts")
    camouflage: float = 0.3
    countries: tuple[str, ...] = ("PH", "IN", "VN", "BR")
    shifts_utc: tuple[int, ...] = (1, 9, 14)
    volume: float = 2.5


def build(w: World, ids: list[str], k: Knobs, rng: Rng, cid: str) -> None:
    task_no = int(rng.integers(40000, 60000))
    for aid in ids:
        country = pick(rng, k.countries)
        c = T0 - int(rng.integers(5, 500)) * 86400
        paid = rng.random() < 0.3
        w.account(aid, c, pick(rng, CONSUMER_DOMAINS[country]), country, "plus" if paid else "free")
        if paid:
            w.pay(aid, instrument(rng), "card", bin6(rng), country, c)
        mobile = rng.random() < 0.4
        net = w.net(rng, "mobile" if mobile else "residential", country)
        ip = w.carrier_ip(rng, net) if mobile else w.ip(rng, net)
        ua = pick(rng, MOBILE_UAS if mobile else BROWSER_UAS)
        shift = pick(rng, k.shifts_utc)
        joined = T0 + int(rng.integers(0, 20)) * 86400
        for _ in range(w.volume(rng, k.volume, 0.7)):
            if rng.random() < k.camouflage:
                camouflage(w, rng, aid, country, ip, ua)
                continue
            day = int(rng.integers((joined - T0) // 86400, 42))
            ts = T0 + day * 86400 + shift * 3600 + int(rng.integers(0, 3 * 3600))
            # task ids grow with time, shared numbering across workers
            tid = task_no + (ts - T0) // 40 + int(rng.integers(0, 30))
            q = word_problem(rng) if rng.random() < 0.5 else pick(rng, QUESTIONS)
            prompt = f"[Task #{tid}] {INSTR}\n---\n{q}\n---"
            w.req(aid, ts, prompt, ip, w.model_at(rng, ts, 0.3), "reasoning", ua)
    if k.labelled:
        w.label(
            "template", f"[Task #<*>] {INSTR}", k.actor, 0.9, "partner-report", "job posted on a gig board"
        )


STYLE = Style(NAME, "campaign", Knobs(), build)

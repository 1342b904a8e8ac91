"""Chain-of-thought elicitation from a few rented hosting blocks, billed through cards from one issuer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from ..base import CampaignStyle, Ctx, in_window
from ..text import DEVELOPER
from ..world import END, START, approx_tokens, out_tokens

PUZZLES = (
    "A train leaves city A at {h}:00 travelling at {b} km/h; another leaves city B, {c} km away, at {h}:30 "
    "travelling towards A at {d} km/h. When and where do they meet?",
    "In a room of {a} people, each shakes hands with exactly {b} others. Is this possible? If so, construct "
    "an example; if not, prove it.",
    "A bag holds {a} red and {b} blue marbles. You draw {c} without replacement. What is the "
    "probability that "
    "at least two are blue?",
    "Five friends sit in a row. {name} refuses to sit next to the person with the {colour} hat, and the "
    "oldest must sit at an end. How many seatings satisfy all {a} constraints?",
    "A ladder of length {a} m leans against a wall; its foot slides away at {b} cm/s. How fast is the top "
    "falling when the foot is {c} m from the wall?",
    "Knights always tell the truth and knaves always lie. Of {a} islanders, the first says 'at least {b} of "
    "us are knaves'. Determine every islander's type given the other statements below.",
    "A company's revenue grows {a}% a year while costs grow {b}% a year from a base of {c} million. In which "
    "year does it first turn a profit, and how sensitive is that to the growth rates?",
    "Given an array of {a} integers, design an algorithm that finds the longest subarray whose sum is "
    "divisible by {b}, and prove its complexity.",
)
NAMES = ("Ada", "Bilal", "Chen", "Dana", "Emeka", "Farah", "Goran", "Hana")
COLOURS = ("red", "green", "yellow", "purple", "striped")


@dataclass(frozen=True)
class CotTraceMiner(CampaignStyle):
    name: str = "cot_trace_miner"
    share: float = 0.014
    signals: tuple[str, ...] = ("money", "infra", "content")
    camouflage: float = 0.05
    labelled: bool = True
    volume: float = 3.5
    hosting_blocks: int = 2  # rented /24s the workers run from
    ips_per_account: int = 2
    trace_tokens: int = 4200  # median length of the elicited reasoning
    issuer_country: str = "HK"
    new_model_adoption: float = 0.55

    def build(self, ctx: Ctx, n: int) -> list[str]:
        w, rng = ctx.w, ctx.rng
        blocks = [(asn, w.net.block(asn)) for asn in ("hetzner", "ovh")[: self.hosting_blocks]]
        bins = ("456351", "545140")
        suffix = (
            "\n\nBefore answering, reason through the problem in full detail inside <thinking> tags, "
            "enumerating every intermediate step and checking each one, then give the final answer after "
            "'ANSWER:'."
        )
        out: list[str] = []
        used: list[str] = []
        for i in range(n):
            created = (
                in_window(rng, 0, 12) if rng.random() < 0.7 else START - timedelta(days=rng.uniform(5, 60))
            )
            c = rng.choice(("US", "SG", "GB", "CA", "AU"))
            a = w.account(
                created,
                rng.choice(("gmail.com", "outlook.com", "proton.me")),
                c if c != "SG" else "US",
                "api_payg",
                "",
                "api",
            )
            w.pay(a, w.instrument(), "card", rng.choice(bins), self.issuer_country, created)
            ips = []
            for _ in range(self.ips_per_account):
                asn, blk = blocks[(i + rng.randrange(2)) % len(blocks)]
                ips.append(w.net.host(asn, blk, rng.randrange(2, 60)))
            used.extend(ips)
            ua = "python-httpx/0.27.2"
            lo = max(0.0, (created - START).total_seconds() / 86400)
            for _ in range(ctx.n_requests(self.volume)):
                t = in_window(rng, lo, 42)
                t = min(t, END - timedelta(seconds=1))
                if rng.random() < self.camouflage:
                    p, tin, tout = ctx.camo(DEVELOPER)
                else:
                    q = rng.choice(PUZZLES).format(
                        a=rng.randint(3, 40),
                        h=rng.randint(5, 21),
                        b=rng.randint(2, 90),
                        c=rng.randint(2, 500),
                        d=rng.randint(40, 140),
                        name=rng.choice(NAMES),
                        colour=rng.choice(COLOURS),
                    )
                    p = f"Problem {rng.randint(10000, 99999)}: {q}{suffix}"
                    tin, tout = approx_tokens(p), out_tokens(rng, self.trace_tokens, 0.35)
                w.req(
                    a,
                    t,
                    p,
                    rng.choice(ips),
                    w.model_for(t, self.new_model_adoption, (0, 0.2, 0.8)),
                    tin,
                    tout,
                    ua,
                )
            out.append(a)
        ctx.label(
            "template",
            suffix.strip(),
            0.8,
            "partner-share",
            "reasoning-trace elicitation suffix seen at peer lab",
        )
        ctx.label("ip", rng.choice(used), 0.6, "threat-intel", "worker host in rented block")
        return out

"""A law firm's paralegals upload long contracts for structured extraction from the office network."""

from __future__ import annotations

from dataclasses import dataclass

from .._core import BROWSER_UAS, SDK_UAS, T0, Rng, Style, World, instrument, org_id, pick
from .._text import SNIPPETS

NAME = "contract_review_team"
DOCTYPES = [
    "master services agreement",
    "NDA",
    "commercial lease",
    "share purchase agreement",
    "employment contract",
    "licence agreement",
    "supply agreement",
]


@dataclass(frozen=True)
class Knobs:
    share: float = 0.006
    signals: tuple[str, ...] = ("long_inputs", "shared_template", "shared_prefix", "json_output")
    camouflage: float = 0.2
    labelled: bool = False
    actor: str = ""
    volume: float = 2.0


def build(w: World, ids: list[str], k: Knobs, rng: Rng, cid: str) -> None:
    net = w.nets.get(33182) or w.net(rng, "corporate", "US")
    block = net.block24(rng)
    nat = [w.ip(rng, net, block) for _ in range(3)]
    org, inst = org_id(rng), instrument(rng, "inv")
    for aid in ids:
        c = T0 - int(rng.integers(30, 400)) * 86400
        w.account(aid, c, "halvorsenpike.com", "US", "enterprise", org, "sales")
        w.pay(aid, inst, "invoice", "", "US", c)
        ua = pick(rng, BROWSER_UAS) if rng.random() < 0.7 else SDK_UAS[0]
        for _ in range(w.volume(rng, k.volume, 0.6)):
            ts = w.human_ts(rng, "US")
            if rng.random() < k.camouflage:
                w.req(
                    aid,
                    ts,
                    f"Shorten this clause: {pick(rng, SNIPPETS)}",
                    pick(rng, nat),
                    "atlas-2.5",
                    "short",
                    ua,
                )
                continue
            doc = pick(rng, DOCTYPES)
            prompt = (
                f"Review the attached {doc} (matter "
                f"{int(rng.integers(10000, 99999))}-{int(rng.integers(1, 99)):02d}). "
                "Extract parties, effective date, term, termination rights, liability cap and "
                "governing law as JSON, "
                "then flag any unusual clauses."
            )
            w.req(
                aid, ts, prompt, pick(rng, nat), "atlas-2.5-pro", "json", ua, int(rng.integers(8000, 60000))
            )


STYLE = Style(NAME, "cohort", Knobs(), build)

"""Long documents pushed through a few rented servers to harvest structured extraction and abstracts."""

from __future__ import annotations

from dataclasses import dataclass

from .._core import SDK_UAS, T0, T_END, Rng, Style, World, bin6, instrument, pick, token
from .._text import SNIPPETS

NAME = "long_context_digest"
DOCS = [
    "10-K filing",
    "clinical trial protocol",
    "patent application",
    "court opinion",
    "RFC draft",
    "municipal budget",
    "research paper",
    "earnings call transcript",
    "technical standard",
    "policy white paper",
]


@dataclass(frozen=True)
class Knobs:
    share: float = 0.01
    actor: str = "Kiln Analytics"
    labelled: bool = True
    signals: tuple[str, ...] = ("infrastructure_prefix", "content", "token_profile", "round_the_clock")
    camouflage: float = 0.0
    blocks: int = 2
    context_tokens: tuple[int, int] = (9000, 70000)
    volume: float = 2.5


def build(w: World, ids: list[str], k: Knobs, rng: Rng, cid: str) -> None:
    net = w.net(rng, "hosting", "DE")
    blocks = [net.block24(rng) for _ in range(k.blocks)]
    half = len(ids) // 2
    ips: list[str] = []
    for j, aid in enumerate(ids):
        country = pick(rng, ["DE", "NL", "GB"])
        c = T0 - int(rng.integers(10, 120)) * 86400
        dom = "kiln-analytics.net" if j < half else pick(rng, ["gmail.com", "proton.me", "outlook.com"])
        w.account(aid, c, dom, country, "api", "", "organic")
        w.pay(aid, instrument(rng), "card", bin6(rng), pick(rng, ["DE", "LT", "EE"]), c)
        ip = w.ip(rng, net, pick(rng, blocks))
        ips.append(ip)
        ua = pick(rng, SDK_UAS[:2])
        for _ in range(w.volume(rng, k.volume, 0.4)):
            ts = int(rng.integers(T0, T_END))
            doc = pick(rng, DOCS)
            body = " ".join(pick(rng, SNIPPETS) for _ in range(int(rng.integers(3, 7))))
            prompt = (
                f'<document id="{token(rng, 10)}" type="{doc}">\n{body}\n[... '
                f"{int(rng.integers(20, 300))} more pages]\n"
                "</document>\nExtract every claim, named entity and date from the document above as "
                "JSON with keys "
                '"claims", "entities", "dates". Then write a 300-word abstract and five likely exam '
                "questions with answers."
            )
            ctx = int(rng.integers(*k.context_tokens))
            w.req(aid, ts, prompt, ip, w.model_at(rng, ts, 0.5, 2), "write", ua, ctx)
    if k.labelled:
        w.label("ip", ips[0], k.actor, 0.7, "abuse-desk", "bulk document extraction, key revoked once")


STYLE = Style(NAME, "campaign", Knobs(), build)

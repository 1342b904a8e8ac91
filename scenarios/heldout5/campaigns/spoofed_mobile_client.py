"""Accounts bought through the mobile app store, then driven from cloud servers posing as the app."""

from __future__ import annotations

from dataclasses import dataclass

from .._core import CONSUMER_DOMAINS, T0, T_END, Rng, Style, World, instrument, pick
from .._kit import word_problem

NAME = "spoofed_mobile_client"
SUBJECTS = [
    "AP Physics",
    "organic chemistry",
    "microeconomics",
    "discrete maths",
    "data structures",
    "biochemistry",
    "statics",
    "signals and systems",
    "corporate finance",
    "genetics",
]
FORMS = [
    "{subject} exam question {n}. Give the correct answer and a complete worked solution.\n{q}",
    "Question {n} ({subject}): {q}\nAnswer, then justify every step as a tutor would.",
    "[{subject}] Q{n}. {q} Provide the final answer first, then the full derivation.",
]
# The real app reports an OS and device; the scripted client copies one release string verbatim.
SPOOFED_UA = "AtlasChat/5.14.0 (iPhone; iOS 19.3; Scale/3.00)"


@dataclass(frozen=True)
class Knobs:
    share: float = 0.012
    actor: str = "Paper Lantern"
    labelled: bool = True
    signals: tuple[str, ...] = ("ua_ip_mismatch", "app_store_billing", "content_sweep", "round_the_clock")
    camouflage: float = 0.05
    servers: int = 5
    volume: float = 3.0


def build(w: World, ids: list[str], k: Knobs, rng: Rng, cid: str) -> None:
    hosts = [w.net(rng, "hosting", pick(rng, ["SG", "HK", "US"])) for _ in range(k.servers)]
    servers = [w.ip(rng, h) for h in hosts]
    first_server = servers[0]
    for aid in ids:
        country = pick(rng, ["US", "JP", "KR", "GB"])
        c = T0 - int(rng.integers(1, 60)) * 86400 + int(rng.integers(0, 86400))
        w.account(aid, c, pick(rng, CONSUMER_DOMAINS[country]), country, "plus", "", "mobile_app")
        # app-store billing: an opaque per-subscription token, no BIN
        w.pay(aid, instrument(rng, "aps"), "app_store", "", country, c)
        ip = pick(rng, servers)
        for _ in range(w.volume(rng, k.volume, 0.4)):
            ts = int(rng.integers(max(T0, c), T_END))
            if rng.random() < k.camouflage:
                w.req(aid, ts, "hi", ip, "atlas-2.5", "chat", SPOOFED_UA)
                continue
            prompt = pick(rng, FORMS).format(
                subject=pick(rng, SUBJECTS), n=int(rng.integers(1, 400)), q=word_problem(rng)
            )
            w.req(aid, ts, prompt, ip, w.model_at(rng, ts, 0.5, 2), "reasoning", SPOOFED_UA)
    if k.labelled:
        w.label("ip", first_server, k.actor, 0.6, "threat-intel", "app API called from a datacentre")


STYLE = Style(NAME, "campaign", Knobs(), build)

"""Code-to-code translation pairs harvested from a rented server block to train a coding model."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout7.background import emit
from scenarios.heldout7.core import NEW_MODEL, NEW_MODEL_AT, T0, T1, Account, StyleSpec, World, tokens_of
from scenarios.heldout7.kit import bin6, burst_times, enlist
from scenarios.heldout7.text import code_snippet

PAIRS = (
    ("python", "rust"), ("python", "go"), ("java", "rust"), ("javascript", "go"), ("java", "go"),
    ("python", "java"), ("javascript", "rust"), ("go", "python"),
)  # fmt: skip
TEMPLATE = (
    "Translate the following {src} function into idiomatic {dst}. Preserve the exact behaviour, add type "
    "annotations where the language allows, and return only the translated code in one fenced block.\n\n"
    "```{src}\n{code}\n```"
)


@dataclass(frozen=True)
class Knobs:
    share: float = 0.012
    signals: tuple[str, ...] = (
        "content:shared_template",
        "infrastructure:one_hosting_/24",
        "money:few_cards",
        "identity:signup_waves",
        "ua:same_http_client",
    )
    camouflage: float = 0.05
    labelled: bool = True
    actor: str = "Kestrel Forge"
    cards: int = 4
    waves: int = 3
    volume_mult: float = 3.0


def build(w: World, k: Knobs, cid: str, rng: random.Random) -> None:
    n = w.scaled(k.share, 10)
    blk = w.block24(rng, "hetzner")
    hosts = [w.ip4(rng, "hetzner", blk) for _ in range(max(3, n // 6))]
    ua = "python-httpx/0.27.0"
    bin_ = bin6(rng, "5")
    cards: list[str] = []
    accs: list[Account] = []
    wave_starts = [T0 - 20 * 86400 + i * 9 * 86400 + rng.randint(0, 86400) for i in range(k.waves)]
    per = -(-n // k.waves)
    for ws in wave_starts:
        for ts in burst_times(rng, ws, min(per, n - len(accs)), 5400):
            acc = w.new_account(
                rng,
                ts,
                email_domain=rng.choice(("gmail.com", "outlook.com", "proton.me")),
                country=rng.choice(("SG", "MY", "HK")),
                plan="api_payg",
                signup_channel="api_console",
            )
            i = len(accs)
            if i < k.cards:
                inst = w.new_instrument(rng)
                cards.append(inst)
            else:
                inst = cards[i % k.cards]
            w.pay(acc, inst, "virtual_card", bin_, "SG", ts + 120)
            w.signup_ips.append((acc.account_id, hosts[i % len(hosts)], ts))
            accs.append(acc)
    for i, acc in enumerate(accs):
        ip = hosts[i % len(hosts)]
        nreq = w.volume(rng, k.volume_mult, 0.3)
        start = float(max(acc.created_at + 3600, T0))
        for _ in range(nreq):
            t = rng.uniform(start, T1)
            if rng.random() < k.camouflage:
                emit(w, rng, acc, 1, [ip], [ua], persona="developer", start=t - 1, end=t + 600)
                continue
            src, dst = rng.choice(PAIRS)
            code = code_snippet(rng, src, rng.randint(5, 9))
            p = TEMPLATE.format(src=src, dst=dst, code=code)
            tin = tokens_of(p) + 40
            model = NEW_MODEL if t > NEW_MODEL_AT + 30 * 3600 else "orion-2-pro"
            w.req(acc, t, p, ip, model, tin, int(tokens_of(code) * rng.uniform(1.1, 1.6)), ua)
    enlist(w, accs, cid, k.actor if k.labelled else "", "code_translation_mill")
    if k.labelled:
        mine = (r[2] for r in w.requests if r[0] == accs[0].account_id and r[2].startswith("Translate"))
        tmpl = next(mine, TEMPLATE.split("\n\n")[0])
        w.label(
            "template",
            tmpl,
            k.actor,
            0.8,
            "partner_intel",
            "template seen in a leaked training-data manifest",
        )
        w.label("instrument", cards[0], k.actor, 0.6, "payment_processor", "virtual card program flagged")


SPEC = StyleSpec("code_translation_mill", "campaign", Knobs(), build)

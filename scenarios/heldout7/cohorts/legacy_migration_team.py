"""A bank's developers porting COBOL and Java 8 code with the model during a modernisation programme."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout7.background import emit, past_created
from scenarios.heldout7.core import StyleSpec, World, browser_ua, tokens_of
from scenarios.heldout7.kit import enrol
from scenarios.heldout7.text import code_snippet

PHRASES = (
    "Convert this {src} to {dst}, keep the same behaviour:",
    "port to {dst} pls",
    "Rewrite the following {src} in modern {dst}. We use Spring Boot 3.",
    "Can you translate this {src} into {dst} and point out anything that doesn't map cleanly?",
    "Migrate this to {dst}. Keep variable names.",
)


@dataclass(frozen=True)
class Knobs:
    share: float = 0.007
    resembles: tuple[str, ...] = ("code_translation_mill",)
    shared_signals: tuple[str, ...] = (
        "content:code_translation",
        "infrastructure:corporate_/24_plus_vpn",
        "money:invoice_org",
        "identity:one_org",
    )
    migration_share: float = 0.6
    volume_mult: float = 3.0


def build(w: World, k: Knobs, name: str, rng: random.Random) -> None:
    n = w.scaled(k.share, 6)
    org = w.new_org(rng)
    blk = w.block24(rng, "colt")
    office = [w.ip4(rng, "colt", blk) for _ in range(2)]
    vpn = [w.ip4(rng, "colt", blk)]
    inst = ""
    accs = []
    for i in range(n):
        acc = w.new_account(
            rng,
            past_created(rng, 0.05),
            email_domain="harbourtrust-bank.co.uk",
            country="GB",
            plan="enterprise",
            org_id=org,
            signup_channel="sso",
        )
        if i == 0:
            inst = w.new_instrument(rng)
        w.pay(acc, inst, "invoice", "", "GB", acc.created_at + 3600)
        accs.append(acc)

    def port(r: random.Random) -> tuple[str, int, int]:
        src, dst = r.choice(
            (("COBOL", "Java"), ("Java 8", "Java 17"), ("Java", "Kotlin"), ("PL/SQL", "Java"))
        )
        lang = {"COBOL": "cobol", "PL/SQL": "cobol"}.get(src, "java")
        code = code_snippet(r, lang)
        p = r.choice(PHRASES).format(src=src, dst=dst) + f"\n\n```\n{code}\n```"
        if r.random() < 0.4:
            p += "\n\nAlso, " + r.choice(("add unit tests", "explain the PERFORM loop", "no Lombok please"))
        return p, tokens_of(p) + r.randint(0, 3000), int(tokens_of(code) * r.uniform(1.2, 2.5))

    for acc in accs:
        ua = browser_ua(rng)
        nreq = w.volume(rng, k.volume_mult, 0.5)
        nm = int(nreq * k.migration_share)
        emit(w, rng, acc, nm, office + vpn, [ua], prompt_fn=port, peak=(8.0, 18.0), weekend=0.05)
        emit(
            w, rng, acc, max(1, nreq - nm), office, [ua], persona="developer", peak=(8.0, 18.0), weekend=0.05
        )
    enrol(w, accs, "legacy_migration_team")


SPEC = StyleSpec("legacy_migration_team", "cohort", Knobs(), build)

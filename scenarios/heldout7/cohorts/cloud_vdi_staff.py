"""A consultancy whose staff in many countries work from cloud desktops behind one cloud /24."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout7.background import emit, past_created
from scenarios.heldout7.core import StyleSpec, World, browser_ua
from scenarios.heldout7.kit import enrol


@dataclass(frozen=True)
class Knobs:
    share: float = 0.01
    resembles: tuple[str, ...] = ("rerank_listwise", "any hosting-block campaign")
    shared_signals: tuple[str, ...] = (
        "infrastructure:hosting_/24",
        "identity:countries_mismatch_ip",
        "money:one_invoice",
    )
    egress_ips: int = 4
    volume_mult: float = 1.4


def build(w: World, k: Knobs, name: str, rng: random.Random) -> None:
    n = w.scaled(k.share, 8)
    org = w.new_org(rng)
    blk = w.block24(rng, "aws")
    egress = [w.ip4(rng, "aws", blk) for _ in range(k.egress_ips)]
    inst = w.new_instrument(rng)
    accs = []
    for _ in range(n):
        c = rng.choice(("US", "GB", "IN", "DE", "PL", "PH", "BR", "AE"))
        acc = w.new_account(
            rng,
            past_created(rng, 0.08),
            email_domain="amberlane-consulting.com",
            country=c,
            plan="enterprise",
            org_id=org,
            signup_channel="sso",
        )
        w.pay(acc, inst, "invoice", "", "US", acc.created_at + 3600)
        accs.append(acc)
        emit(
            w,
            rng,
            acc,
            w.volume(rng, k.volume_mult, 0.7),
            egress,
            [browser_ua(rng)],
            persona="developer" if rng.random() < 0.3 else "general",
            peak=(8.5, 18.5),
            weekend=0.1,
        )
    enrol(w, accs, "cloud_vdi_staff")


SPEC = StyleSpec("cloud_vdi_staff", "cohort", Knobs(), build)

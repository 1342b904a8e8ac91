"""Listwise passage ranking harvested to distil a reranker: long inputs, a few tokens out, batch cadence."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout7.core import T0, T1, Account, StyleSpec, World, tokens_of
from scenarios.heldout7.kit import bin6, enlist
from scenarios.heldout7.text import CITIES, CONCEPTS, paragraph

QUERIES = (
    "best time to visit {city}", "side effects of {drug}", "how does {concept} work",
    "{concept} explained simply", "cheap hotels near {city} airport", "{drug} dosage for adults",
    "history of {city}", "is {concept} on the exam", "{city} public transport night buses",
)  # fmt: skip
DRUGS = ("metformin", "amoxicillin", "ibuprofen", "sertraline", "lisinopril", "omeprazole", "cetirizine")
SHELLS = ("orchid-search.io", "orchidretrieval.com", "passagerank.ai")


@dataclass(frozen=True)
class Knobs:
    share: float = 0.01
    signals: tuple[str, ...] = (
        "content:listwise_rerank_template",
        "timing:top_of_hour_batches",
        "infrastructure:cloud_nat_gateways_one_region",
        "money:cards_share_bin",
        "identity:shell_orgs",
    )
    camouflage: float = 0.0
    labelled: bool = True
    actor: str = "Orchid Data"
    accounts_per_org: int = 5
    passages: tuple[int, int] = (10, 20)
    volume_mult: float = 3.5


def _prompt(rng: random.Random, k: Knobs) -> str:
    q = rng.choice(QUERIES).format(
        city=rng.choice(CITIES), drug=rng.choice(DRUGS), concept=rng.choice(CONCEPTS)
    )
    m = rng.randint(*k.passages)
    ps = "\n".join(f"[{i + 1}] {paragraph(rng, rng.randint(1, 3))}" for i in range(m))
    return (
        f"Query: {q}\n\nPassages:\n{ps}\n\nRank the {m} passages above from most to least relevant to the "
        "query. Output only the passage identifiers separated by ' > ', for example [3] > [1] > [2]."
    )


def build(w: World, k: Knobs, cid: str, rng: random.Random) -> None:
    n = w.scaled(k.share, 10)
    bin_ = bin6(rng, "4")
    accs: list[tuple[Account, str]] = []
    orgs = 0
    while len(accs) < n:
        org = w.new_org(rng)
        orgs += 1
        dom = SHELLS[orgs % len(SHELLS)]
        gw = w.ip4(rng, "aws", f"18.208.{rng.randint(0, 255)}")
        inst = w.new_instrument(rng)
        created = T0 - rng.randint(5, 40) * 86400
        for _ in range(min(k.accounts_per_org, n - len(accs))):
            acc = w.new_account(
                rng,
                created + rng.randint(0, 7200),
                email_domain=dom,
                country="SG",
                plan="team",
                org_id=org,
                signup_channel="startup",
            )
            w.pay(acc, inst, "card", bin_, "SG", created + 600)
            w.signup_ips.append((acc.account_id, gw, acc.created_at))
            accs.append((acc, gw))
    for acc, gw in accs:
        nreq = w.volume(rng, k.volume_mult, 0.25)
        for _ in range(nreq):
            # Batches fire at the top of an hour during Singapore office hours on weekdays.
            while True:
                day = rng.randrange(42)
                hour = rng.randint(1, 10)  # 09:00-18:00 SGT
                t0 = T0 + day * 86400 + hour * 3600
                if (day % 7) < 5 and T0 <= t0 < T1:
                    break
            t = t0 + rng.randint(0, 240)
            p = _prompt(rng, k)
            w.req(
                acc, t, p, gw, "orion-2-pro", tokens_of(p) + 20, rng.randint(40, 110), "orion-python/1.40.2"
            )
    enlist(w, [a for a, _ in accs], cid, k.actor if k.labelled else "", "rerank_listwise")
    if k.labelled:
        w.label(
            "account", accs[0][0].account_id, k.actor, 0.6, "partner_intel", "reported by a search partner"
        )


SPEC = StyleSpec("rerank_listwise", "campaign", Knobs(), build)

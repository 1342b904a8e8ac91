"""Benchmark-style multiple-choice harvesting by a few shell companies on invoiced team plans: each shell has
its own domain, org, office /24 and NAT addresses, and every prompt ends with the same fixed instruction.
The traffic is flat around the clock. An analyst labelled the template text; an older, low-confidence label
names the business ISP's whole ASN (which also carries honest offices)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout4 import kit
from scenarios.heldout4.world import ASNS, DAY, SDK_UAS, WINDOW_END, WINDOW_START, World

TAIL = (
    "Respond with the letter of the correct option first, then justify in detail why each of the other "
    "options is wrong."
)
STEMS = (
    (
        "Which enzyme unwinds the DNA double helix during replication?",
        ("Helicase", "Ligase", "Primase", "Topoisomerase IV"),
    ),
    (
        "Under IFRS 16, how is a short-term lease accounted for by the lessee?",
        (
            "Expensed on a straight-line basis",
            "Capitalised as a right-of-use asset",
            "Disclosed only",
            "Recognised as a finance lease",
        ),
    ),
    (
        "What is the time complexity of building a binary heap from n elements?",
        ("O(n)", "O(n log n)", "O(log n)", "O(n^2)"),
    ),
    ("Which amendment to the US Constitution abolished slavery?", ("13th", "14th", "15th", "19th")),
    (
        "What is the primary mechanism of action of metformin?",
        (
            "Reduces hepatic glucose production",
            "Stimulates insulin secretion",
            "Blocks SGLT2",
            "Activates PPAR-gamma",
        ),
    ),
    (
        "In TCP, what does the receiver window advertise?",
        ("Free buffer space", "Congestion level", "Round-trip time", "Maximum segment size"),
    ),
    ("Which of the following is a Lewis acid?", ("BF3", "NH3", "H2O", "CH4")),
    (
        "Who has the burden of proof in a criminal trial in common-law systems?",
        ("The prosecution", "The defence", "The judge", "The jury"),
    ),
)
SUBJECTS = (
    "biology",
    "accounting",
    "algorithms",
    "US history",
    "pharmacology",
    "networking",
    "chemistry",
    "law",
)
SHELLS = (("hollisdata.co.uk", "colt"), ("meridianqa.com", "cogent"), ("brookfield-eval.com", "zayo"))


def mcq(rng: random.Random) -> str:
    idx = rng.randrange(len(STEMS))
    stem, options = STEMS[idx]
    opts = list(options)
    rng.shuffle(opts)
    variant = f" (item {rng.randint(1, 4000)}, {SUBJECTS[idx]})"
    lines = "\n".join(f"{'ABCD'[i]}) {o}" for i, o in enumerate(opts))
    return f"Question{variant}: {stem}\n{lines}\n{TAIL}"


@dataclass(frozen=True)
class McqBank:
    name: str = "mcq_bank"
    share: float = 0.012
    signals: tuple[str, ...] = (
        "identity:shared-org",
        "infra:office-nat",
        "content:fixed-tail",
        "timing:flat-24h",
    )
    camouflage_share: float = 0.0
    labelled: bool = True
    actor: str = "Hollis Group"
    nat_ips: tuple[int, int] = (1, 3)
    volume_scale: float = 2.5

    def plant(self, w: World, group_id: str, n: int) -> None:
        rng = w.rng(self.name)
        shells = []
        for domain, key in SHELLS:
            block = w.net.block24(rng, key)
            nat = [w.net.v4_in(rng, block, "corporate") for _ in range(rng.randint(*self.nat_ips))]
            shells.append((domain, key, w.new_id("org_", 8), w.instrument("invoice"), nat))
        for i in range(n):
            domain, key, org, invoice, nat = shells[i % len(shells)]
            created = WINDOW_START + rng.uniform(-9, -2) * DAY
            acct = w.add_account(created, domain, ASNS[key].country, "team", org_id=org, channel="sales")
            w.pay(acct, invoice, "invoice", "", ASNS[key].country, created + DAY)
            w.mark_campaign(acct, group_id, self.name, self.actor if self.labelled else "")
            ua = rng.choice(SDK_UAS[:2])
            m = int(w.rpa * self.volume_scale * rng.uniform(0.8, 1.2))
            for ts in kit.uniform_times(rng, m, created + DAY, WINDOW_END):
                w.req(
                    rng,
                    acct,
                    ts,
                    mcq(rng),
                    rng.choice(nat),
                    kit.operator_model(rng, ts, 0.5, 48, 0.5),
                    ua,
                    500,
                )
        if self.labelled:
            w.label(
                "template",
                TAIL,
                self.actor,
                0.85,
                "analyst",
                "benchmark-harvest template seen across the three shells",
            )
            w.label(
                "asn",
                str(ASNS[SHELLS[0][1]].number),
                self.actor,
                0.25,
                "osint_blocklist",
                "business ISP hosting one shell's office",
            )

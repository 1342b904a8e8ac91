"""Long-document synthesis from one hosting /48: every account owns a /64 and rotates its interface
identifier on each request, so no IPv6 address repeats while the /48 is constant. Prompts paste long documents
and ask for question-answer pairs (large input tokens). Cards are shared by groups of accounts; an abuse
report names one address."""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout4 import kit, text
from scenarios.heldout4.world import DAY, WINDOW_END, WINDOW_START, World

HEADS = (
    "Read the document below and write {k} question-answer pairs that require multi-step reasoning over it. "
    "Each answer must quote the supporting sentence.\n\nDocument:\n{doc}",
    "Document:\n{doc}\n\nCreate {k} difficult questions about this document with detailed answers and the "
    "reasoning chain for each.",
    "You are building a reading-comprehension dataset. From the passage below produce {k} QA items in JSON "
    "(question, answer, evidence, difficulty).\n\nPassage:\n{doc}",
)
TLDS = ("xyz", "top", "shop", "online", "site")


@dataclass(frozen=True)
class V6Rotator:
    name: str = "v6_rotator"
    share: float = 0.009
    signals: tuple[str, ...] = ("infra:ipv6-48", "money:shared-cards", "content:long-input")
    camouflage_share: float = 0.0
    labelled: bool = True
    actor: str = "Sable Finch"
    accounts_per_card: int = 8
    volume_scale: float = 2.0

    def plant(self, w: World, group_id: str, n: int) -> None:
        rng = w.rng(self.name)
        net48 = w.net.net48(rng, "hetzner")
        cards = [w.instrument("card") for _ in range(max(2, n // self.accounts_per_card))]
        labelled_ip = ""
        for i in range(n):
            a, b = rng.sample(text.WORDS, 2)
            domain = f"{a}{b}{rng.randint(10, 99)}.{rng.choice(TLDS)}"
            created = WINDOW_START + rng.uniform(-10, 12) * DAY
            acct = w.add_account(created, domain, rng.choice(("US", "SG", "NL")), "pro", channel="api")
            w.pay(acct, cards[i % len(cards)], "credit", "428312", "LT", created + 300)
            w.mark_campaign(acct, group_id, self.name, self.actor if self.labelled else "")
            net64 = w.net.net64_in(rng, net48)
            if rng.random() < 0.2:
                w.login(acct, w.net.v4(rng, "hetzner"), created)
            m = int(w.rpa * self.volume_scale * rng.uniform(0.7, 1.3))
            for ts in kit.uniform_times(rng, m, created + 1800, WINDOW_END):
                doc = text.paragraph(rng, rng.randint(20, 60))
                prompt = rng.choice(HEADS).format(k=rng.choice((5, 8, 10)), doc=doc)
                ip = w.net.v6_in(rng, net64)
                labelled_ip = labelled_ip or ip
                w.req(
                    rng,
                    acct,
                    ts,
                    prompt,
                    ip,
                    kit.operator_model(rng, ts, 0.2, 24 * 9, 0.3),
                    "python-requests/2.31.0",
                    1100,
                )
        if self.labelled and labelled_ip:
            w.label(
                "ip",
                labelled_ip,
                self.actor,
                0.9,
                "abuse_report",
                "bulk QA generation reported by a peer lab",
            )

"""A small planted graph written straight into Neo4j (docs/data-model.md), for fast detection tests.

It complements the full `linkwatch simulate` -> `linkwatch load` path: it has exactly the structures the
detector must separate, with known truth, and builds in a couple of seconds. Campaigns: "sloppy" (shared
cards, one hosting /24, few templates, sign-up burst) and "careful" (own card and residential proxy per
account, its own paraphrased templates, round-robin lockstep hours). Benign confounders: a company on one
card / domain / NAT, a university NAT with homework templates, a carrier NAT, a viral template, households.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime

from neo4j import Driver

HOUR = 3600
DAY = 86400
START = int(datetime(2026, 4, 1, tzinfo=UTC).timestamp())
DAYS = 42
START_H = START // HOUR
NEW_MODEL_RELEASE = START + 23 * DAY
CAPS = [
    "software_engineering",
    "agentic_tool_use",
    "long_horizon",
    "reasoning_cot",
    "rubric_grading",
    "other",
]


@dataclass
class Truth:
    campaign_of: dict[str, str] = field(default_factory=dict)  # account_id -> campaign id
    confounder_of: dict[str, str] = field(default_factory=dict)  # account_id -> confounder group
    accounts: list[str] = field(default_factory=list)


@dataclass
class _Acc:
    account_id: str
    created_at: int
    email_domain: str
    plan: str
    org_id: str | None
    country: str
    ips: dict[str, tuple[str, int, str]] = field(default_factory=dict)  # address -> (ip_type, asn, prefix)
    cards: list[str] = field(default_factory=list)
    sent: dict[str, list[int]] = field(default_factory=dict)  # template -> hours (absolute buckets)
    models: dict[str, int] = field(default_factory=dict)  # model -> first use (epoch s)


def _iso(ts: int) -> str:
    return datetime.fromtimestamp(ts, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class _Gen:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.accs: list[_Acc] = []
        self.templates: dict[str, str] = {}  # template_id -> capability
        self.truth = Truth()
        self._ids = 0
        self._ip = 0

    def new_ip(self, ip_type: str, asn: int, block: int | None = None) -> tuple[str, tuple[str, int, str]]:
        self._ip += 1
        b = block if block is not None else self._ip // 200
        addr = f"10.{b // 256 % 256}.{b % 256}.{self._ip % 250 + 1}"
        prefix = f"10.{b // 256 % 256}.{b % 256}.0/24"
        return addr, (ip_type, asn, prefix)

    def account(self, created: int, domain: str, plan: str, org: str | None = None) -> _Acc:
        self._ids += 1
        acc = _Acc(
            f"acct-{self.r.getrandbits(40):010x}",
            created,
            domain,
            plan,
            org,
            self.r.choice(["US", "DE", "FR", "GB"]),
        )
        self.accs.append(acc)
        return acc

    def template(self, tid: str, cap: str) -> str:
        self.templates.setdefault(tid, cap)
        return tid

    def human_hours(self, n: int, workday: bool = False) -> list[int]:
        hours = set()
        for _ in range(n):
            day = self.r.randrange(DAYS)
            hod = (
                self.r.choice(range(9, 18))
                if workday
                else self.r.choice([8, 9, 10, 12, 14, 16, 19, 20, 21, 22])
            )
            hours.add(START_H + day * 24 + hod)
        return sorted(hours)


def build(driver: Driver, seed: int = 7, legit: int = 2400, scale: float = 1.0) -> Truth:
    """Writes the planted graph (the database must be empty) and returns the truth."""
    g = _Gen(seed)
    r = g.r
    popular = [g.template(f"t_pop{i:03d}", CAPS[i % len(CAPS)]) for i in range(120)]
    viral = g.template("t_viral_summarize", "other")
    zipf = [1.0 / (i + 1) ** 1.1 for i in range(len(popular))]
    carrier = [g.new_ip("mobile", 20001, block=900 + i) for i in range(3)]
    old = START - 400 * DAY

    def ordinary(acc: _Acc, n_templates: int, workday: bool = False) -> None:
        for t in r.choices(popular, weights=zipf, k=n_templates):
            acc.sent[t] = g.human_hours(r.randint(1, 6), workday)
        if r.random() < 0.5:
            acc.sent[viral] = g.human_hours(r.randint(1, 4), workday)
        acc.models["atlas-3"] = START + r.randrange(DAYS * DAY // 2)
        if r.random() < 0.3:
            acc.models["atlas-4"] = NEW_MODEL_RELEASE + r.randrange(3 * DAY, 18 * DAY)

    # Legitimate background: home IPs, own cards, households, carrier NAT.
    n_legit = int(legit * scale)
    i = 0
    while i < n_legit:
        size = r.choice([1, 1, 1, 1, 2, 3]) if r.random() < 0.9 else 4
        home_ip = g.new_ip("residential", 7922 + r.randrange(5))
        card = f"card-{r.getrandbits(48):012x}"
        group = "household" if size > 1 else ""
        for _ in range(size):
            acc = g.account(
                old - r.randrange(700 * DAY), r.choice(["gmail.com", "outlook.com", "yahoo.com"]), "free"
            )
            acc.ips[home_ip[0]] = home_ip[1]
            if r.random() < 0.4:
                acc.cards.append(card if size > 1 else f"card-{r.getrandbits(48):012x}")
            if r.random() < 0.35:
                ip = r.choice(carrier)
                acc.ips[ip[0]] = ip[1]
                g.truth.confounder_of[acc.account_id] = "carrier_nat"
            if group:
                g.truth.confounder_of.setdefault(acc.account_id, "household")
            ordinary(acc, r.randint(1, 6))
            i += 1

    # A company: one corporate card, domain and NAT, old accounts, business hours, diverse work.
    nat = g.new_ip("corporate", 30001, block=800)
    for _ in range(int(120 * scale)):
        acc = g.account(old - r.randrange(300 * DAY), "acme-corp.com", "enterprise", "org-acme")
        acc.ips[nat[0]] = nat[1]
        acc.cards.append("card-acme-corporate")
        ordinary(acc, r.randint(3, 8), workday=True)
        g.truth.confounder_of[acc.account_id] = "corporate"

    # A university: one NAT, an .edu domain, a course's homework templates used in the same lab hours.
    uni = g.new_ip("education", 40001, block=801)
    homework = [g.template(f"t_homework{i}", "software_engineering") for i in range(4)]
    lab_hours = [START_H + d * 24 + 14 for d in range(0, DAYS, 7)]
    for _ in range(int(150 * scale)):
        acc = g.account(START - r.randrange(200 * DAY), "uni.edu", "edu", None)
        acc.ips[uni[0]] = uni[1]
        for t in homework:
            acc.sent[t] = sorted(set(r.sample(lab_hours, 3)))
        ordinary(acc, r.randint(1, 3))
        g.truth.confounder_of[acc.account_id] = "university"

    # Sloppy campaign: burst sign-ups, cards shared by ~20, one hosting /24, few templates, 24/7 hours.
    def campaign(cid: str, n: int, careful: bool, cap: str) -> None:
        own = [g.template(f"t_{cid}_{k}", cap) for k in range(8 if careful else 4)]
        burst = START + r.randrange(5 * DAY)
        sched = sorted(r.sample(range(START_H, START_H + DAYS * 24), 500))
        hosting = [g.new_ip("hosting", 14061, block=700 + len(cid)) for _ in range(12)]
        cards = [f"card-{cid}-{k}" for k in range(max(1, n // 20))]
        for k in range(n):
            created = burst + r.randrange((20 if careful else 2) * DAY)
            acc = g.account(created, "gmail.com" if careful else "protonmail.com", "pro")
            if careful:
                proxy = g.new_ip("residential", 7922 + r.randrange(5))
                acc.ips[proxy[0]] = proxy[1]
                acc.cards.append(f"card-{r.getrandbits(48):012x}")
                # Paraphrases: each account uses some of the campaign's variants, plus cover traffic.
                for t in r.sample(own, 4):
                    acc.sent[t] = sorted(set(r.sample(sched, 90)))
                ordinary(acc, 2)
            else:
                for ip in r.sample(hosting, 3):
                    acc.ips[ip[0]] = ip[1]
                acc.cards.append(cards[k % len(cards)])
                for t in own:
                    acc.sent[t] = sorted(set(r.sample(sched, 150)))
            acc.models["atlas-3"] = created
            acc.models["atlas-4"] = NEW_MODEL_RELEASE + r.randrange(3 * HOUR, 20 * HOUR)
            g.truth.campaign_of[acc.account_id] = cid

    campaign("camp-sloppy", int(200 * scale), careful=False, cap="agentic_tool_use")
    campaign("camp-careful", int(150 * scale), careful=True, cap="software_engineering")
    campaign("camp-small", int(40 * scale), careful=False, cap="reasoning_cot")

    g.truth.accounts = [a.account_id for a in g.accs]
    _write(driver, g)
    return g.truth


def _write(driver: Driver, g: _Gen) -> None:
    accounts = []
    ips: dict[str, dict[str, object]] = {}
    used_ip, paid, sent, used_model = [], [], [], []
    for a in g.accs:
        total = 0
        for t, hours in a.sent.items():
            counts = [1 + (h * 7 + len(t)) % 5 for h in hours]
            total += sum(counts)
            sent.append(
                {"a": a.account_id, "t": t, "hours": hours, "counts": counts, "req": sum(counts),
                 "first": _iso(hours[0] * HOUR), "last": _iso(hours[-1] * HOUR)}
            )  # fmt: skip
        first = min(h for hs in a.sent.values() for h in hs) * HOUR
        last = max(h for hs in a.sent.values() for h in hs) * HOUR
        accounts.append(
            {"id": a.account_id, "created": _iso(a.created_at), "domain": a.email_domain, "plan": a.plan,
             "org": a.org_id, "country": a.country, "req": total, "first": _iso(first), "last": _iso(last)}
        )  # fmt: skip
        for addr, (ip_type, asn, prefix) in a.ips.items():
            ips[addr] = {"addr": addr, "type": ip_type, "asn": asn, "prefix": prefix}
            used_ip.append({"a": a.account_id, "ip": addr, "req": max(1, total // len(a.ips))})
        for c in a.cards:
            paid.append({"a": a.account_id, "k": c})
        for m, ts in a.models.items():
            used_model.append({"a": a.account_id, "m": m, "first": _iso(ts), "req": max(1, total // 2)})
    templates = [{"t": t, "cap": c} for t, c in g.templates.items()]
    with driver.session() as s:
        s.run(
            "UNWIND $rows AS r MERGE (m:Model {name: r.name}) SET m.first_seen = datetime(r.first)",
            rows=[
                {"name": "atlas-3", "first": _iso(START - 200 * DAY)},
                {"name": "atlas-4", "first": _iso(NEW_MODEL_RELEASE)},
            ],
        ).consume()
        s.run(
            "UNWIND $rows AS r MERGE (t:PromptTemplate {template_id: r.t}) "
            "SET t.capability = r.cap, t.text = r.t",
            rows=templates,
        ).consume()
        for chunk in _chunks(accounts):
            s.run(
                """UNWIND $rows AS r MERGE (a:Account {account_id: r.id})
                SET a.created_at = datetime(r.created), a.email_domain = r.domain, a.plan = r.plan,
                    a.org_id = r.org, a.country = r.country, a.requests = r.req,
                    a.first_seen = datetime(r.first), a.last_seen = datetime(r.last), a.status = 'active'
                MERGE (d:EmailDomain {domain: r.domain}) MERGE (a)-[:HAS_EMAIL_DOMAIN]->(d)
                FOREACH (o IN CASE WHEN r.org IS NULL THEN [] ELSE [r.org] END |
                    MERGE (org:Org {org_id: o}) MERGE (a)-[:IN_ORG]->(org))""",
                rows=chunk,
            ).consume()
        for chunk in _chunks(list(ips.values())):
            s.run(
                """UNWIND $rows AS r MERGE (i:IP {address: r.addr})
                SET i.ip_type = r.type, i.asn = r.asn, i.version = 4
                MERGE (p:Prefix {cidr: r.prefix}) SET p.version = 4 MERGE (i)-[:IN_PREFIX]->(p)
                MERGE (n:ASN {asn: r.asn}) MERGE (i)-[:IN_ASN]->(n)""",
                rows=chunk,
            ).consume()
        for chunk in _chunks(used_ip):
            s.run("""UNWIND $rows AS r MATCH (a:Account {account_id: r.a}), (i:IP {address: r.ip})
                  MERGE (a)-[u:USED_IP]->(i) SET u.requests = r.req""", rows=chunk).consume()  # fmt: skip
        for chunk in _chunks(paid):
            s.run("""UNWIND $rows AS r MATCH (a:Account {account_id: r.a})
                  MERGE (p:PaymentInstrument {instrument_key: r.k}) SET p.instrument_type = 'card'
                  MERGE (a)-[:PAID_WITH]->(p)""", rows=chunk).consume()  # fmt: skip
        for chunk in _chunks(sent):
            s.run(
                """UNWIND $rows AS r
                MATCH (a:Account {account_id: r.a}), (t:PromptTemplate {template_id: r.t})
                MERGE (a)-[x:SENT]->(t) SET x.requests = r.req, x.hours = r.hours, x.hour_counts = r.counts,
                    x.first_seen = datetime(r.first), x.last_seen = datetime(r.last)""",
                rows=chunk,
            ).consume()
        for chunk in _chunks(used_model):
            s.run(
                """UNWIND $rows AS r MATCH (a:Account {account_id: r.a}), (m:Model {name: r.m})
                MERGE (a)-[u:USED_MODEL]->(m) SET u.first_seen = datetime(r.first), u.requests = r.req""",
                rows=chunk,
            ).consume()
        s.run(
            """MATCH (t:PromptTemplate) SET t.accounts = COUNT { (t)<-[:SENT]-() },
            t.requests = COALESCE(reduce(s = 0, x IN [(t)<-[r:SENT]-() | r.requests] | s + x), 0)"""
        ).consume()


def _chunks(rows: list[dict[str, object]], n: int = 5000) -> list[list[dict[str, object]]]:
    return [rows[i : i + n] for i in range(0, len(rows), n)]

"""Freshly registered shell startups in a startup-credits programme, harvesting agentic coding."""

from __future__ import annotations

from dataclasses import dataclass

from .._core import (
    DIURNAL_P,
    NEW_MODEL,
    RELEASE_TS,
    SDK_UAS,
    T0,
    T_END,
    Rng,
    Style,
    World,
    instrument,
    org_id,
    pick,
)
from .._kit import camouflage

NAME = "shell_startups"
WORDS = [
    "nimbus",
    "vector",
    "quanta",
    "helio",
    "sparrow",
    "zenith",
    "kairo",
    "loom",
    "praxis",
    "ember",
    "arcadia",
]
REPOS = [
    "payments-service",
    "django-crm",
    "react-dashboard",
    "k8s-operator",
    "etl-pipeline",
    "chat-backend",
    "inventory-api",
    "auth-gateway",
    "mobile-sync",
    "search-indexer",
]
TASKS = [
    "add pagination to the /orders endpoint and update the tests",
    "migrate the ORM models from SQLAlchemy 1.4 to 2.0 style",
    "fix the race condition in the job scheduler when two workers claim the same job",
    "introduce retry with jitter around the outbound webhook client",
    "split the monolithic settings module into environment-specific files",
    "add OpenTelemetry tracing to every HTTP handler",
    "replace the hand-written JSON validation with pydantic models",
    "write integration tests for the refund flow including partial refunds",
    "make the CSV export streaming so it works for 10 million rows",
    "port the bash deploy script to a GitHub Actions workflow",
]


@dataclass(frozen=True)
class Knobs:
    share: float = 0.018
    actor: str = "Lattice Ferry"
    labelled: bool = True
    signals: tuple[str, ...] = ("money", "identity", "creation_burst", "content", "model_hop")
    camouflage: float = 0.12
    accounts_per_org: tuple[int, int] = (3, 7)
    volume: float = 3.0
    new_model_share: float = 0.75


def build(w: World, ids: list[str], k: Knobs, rng: Rng, cid: str) -> None:
    bins = ["" + str(int(rng.integers(400000, 499999))), str(int(rng.integers(510000, 559999)))]
    claimed = ["US", "GB", "US", "NL", "DE"]
    burst = T0 - int(rng.integers(20, 40)) * 86400
    ua = pick(rng, SDK_UAS[:3])
    i = 0
    domains: list[str] = []
    insts: list[str] = []
    while i < len(ids):
        n = int(rng.integers(*k.accounts_per_org))
        members = ids[i : i + n]
        i += n
        dom = f"{pick(rng, WORDS)}{pick(rng, WORDS)}{pick(rng, ['-ai.io', 'labs.dev', '.ai', '-tech.co'])}"
        domains.append(dom)
        org = org_id(rng)
        country = pick(rng, claimed)
        inst = instrument(rng)
        insts.append(inst)
        bin_ = pick(rng, bins)
        net = w.net(rng, "hosting")
        ip = w.ip(rng, net)
        t_org = burst + int(rng.integers(0, 3 * 86400))
        for aid in members:
            c = t_org + int(rng.integers(0, 5400))
            w.account(aid, c, dom, country, "team", org, "startup_program")
            w.pay(aid, inst, "card", bin_, "SG", c + 600)
            for _ in range(w.volume(rng, k.volume, 0.5)):
                if rng.random() < k.camouflage:
                    camouflage(w, rng, aid, country, ip, ua)
                    continue
                day = int(rng.integers(0, 42))
                ts = T0 + day * 86400 + int(rng.choice(24, p=DIURNAL_P)) * 3600 + int(rng.integers(0, 3600))
                ts = min(ts, T_END - 1)
                if ts >= RELEASE_TS and rng.random() < k.new_model_share:
                    model = NEW_MODEL
                else:
                    model = "atlas-2.5-pro" if rng.random() < 0.7 else "atlas-2.5"
                repo = pick(rng, REPOS)
                prompt = (
                    f"You are an autonomous software engineer working in the repository `{repo}`.\n"
                    f"Task: {pick(rng, TASKS)}.\n"
                    "First write a numbered plan. Then produce the complete patch as a unified diff. "
                    "After the diff, explain every design decision and the alternatives you rejected."
                )
                w.req(aid, ts, prompt, ip, model, "agent", ua, int(rng.integers(2000, 9000)))
    if k.labelled:
        w.label("email_domain", domains[0], k.actor, 0.8, "threat-intel", "startup-credit abuse report")
        w.label(
            "instrument", insts[-1], k.actor, 0.7, "payments-risk", "card shared across credit applications"
        )


STYLE = Style(NAME, "campaign", Knobs(), build)

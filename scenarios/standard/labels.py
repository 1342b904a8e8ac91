"""What analysts and partners already know: labels tying some campaigns' entities to actors.

Knowledge is partial on purpose: a sloppy campaign is labelled through many of its entities, a careful
one through a sample prompt and an account or two, a second campaign of a known actor only through the
infrastructure and templates it reuses, and one campaign per scenario not at all. A stale, low-confidence
indicator on a busy VPN exit is thrown in, as real feeds have them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from scenarios.standard.campaigns import Plant
from scenarios.standard.catalog import FREE_MAIL
from scenarios.standard.network import IpTable
from scenarios.standard.population import Population
from scenarios.standard.rendering import render_one_form
from scenarios.standard.scenarios import CAREFUL, MEDIUM, SLOPPY

LABEL_HEADER = ("entity", "value", "actor", "confidence", "source", "note")
DECOY_ACTOR = "Old Orchard Collective"


@dataclass(frozen=True)
class Label:
    entity: str
    value: str
    actor: str
    confidence: float
    source: str
    note: str

    def row(self) -> tuple[str, str, str, str, str, str]:
        return (self.entity, self.value, self.actor, f"{self.confidence:.2f}", self.source, self.note)


def sample_prompt(family: int, rng: np.random.Generator) -> str:
    """A representative prompt of the family, as an analyst would paste it into a label."""
    return str(render_one_form(family, 0, 1, rng, pa.array(["Example Corp"]))[0])


def labels_for(
    plants: list[Plant],
    pop: Population,
    ips: IpTable,
    tokens: list[str],
    vpn_exit: int,
    rng: np.random.Generator,
) -> list[Label]:
    out: list[Label] = []
    for p in plants:
        actor = p.spec.actor
        if not (p.spec.labelled and actor):
            continue
        accounts = pop.account_ids[p.accounts]
        picks = rng.permutation(len(accounts))
        craft = p.spec.craft
        n_acc = {SLOPPY: 4, MEDIUM: 2, CAREFUL: 1}[craft]
        for i in picks[:n_acc].tolist():
            out.append(
                Label("account", str(accounts[i]), actor, 0.9, "trust_safety_review", "banned for extraction")
            )
        out.append(
            Label(
                "template",
                sample_prompt(p.families[0], rng),
                actor,
                {SLOPPY: 0.85, MEDIUM: 0.7, CAREFUL: 0.6}[craft],
                "threat_intel",
                "prompt seen in the actor's tooling",
            )
        )
        if craft in (SLOPPY, MEDIUM):
            out.append(
                Label(
                    "instrument",
                    tokens[int(p.instruments[0])],
                    actor,
                    0.95,
                    "payment_processor",
                    "chargeback cluster",
                )
            )
            # Addresses its accounts were actually seen on (the rented pool is larger).
            for ip in np.unique(pop.cols["ip1"][p.accounts])[:2].tolist():
                out.append(Label("ip", ips.addresses[ip], actor, 0.7, "threat_intel", "proxy endpoint"))
            own = [d for d in p.email_domains if d not in _FREE]
            if own:
                out.append(Label("email_domain", own[0], actor, 0.8, "threat_intel", "sign-up domain"))
        if craft == SLOPPY and p.hosting:
            out.append(
                Label(
                    "asn",
                    str(p.hosting[0].asn),
                    actor,
                    0.35,
                    "partner_feed",
                    "hosting provider the actor rents from",
                )
            )
    out.append(
        Label("ip", ips.addresses[vpn_exit], DECOY_ACTOR, 0.2, "osint", "stale indicator, shared VPN exit")
    )
    return out


_FREE = {domain for domain, _ in FREE_MAIL}


def known_actors(plants: list[Plant]) -> set[str]:
    """Actors analysts can name: those with at least one labelled campaign."""
    return {p.spec.actor for p in plants if p.spec.actor and p.spec.labelled}

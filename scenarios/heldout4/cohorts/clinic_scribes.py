"""A hospital network's medical scribes: one organisation and domain, one invoice, two NAT addresses, a
fixed SOAP-note template with long pasted transcripts, and shift-bound lockstep activity - infrastructure,
money and content all concentrated, for an honest reason."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout4.world import (
    BROWSER_UAS,
    DAY,
    HOURS_WORK,
    TZ,
    WINDOW_END,
    WINDOW_START,
    World,
    benign_model,
    local_times,
)

HEAD = (
    "Convert the following visit transcript into a SOAP note. Use the headings Subjective, Objective, "
    "Assessment and Plan, keep medication names exact, and do not invent findings.\n\nTranscript:\n{t}"
)
LINES = (
    "Doctor: What brings you in today?",
    "Patient: The cough has been going on for about two weeks.",
    "Doctor: Any fever or shortness of breath?",
    "Patient: A little fever at night, no trouble breathing.",
    "Doctor: Are you still taking the lisinopril?",
    "Patient: Yes, ten milligrams every morning.",
    "Doctor: Let me listen to your chest. Deep breath in.",
    "Patient: My knee still hurts on the stairs.",
    "Doctor: I'd like to order a chest X-ray and some bloods.",
    "Patient: Will I need antibiotics?",
    "Doctor: Your blood pressure is 138 over 86 today.",
    "Patient: I've been sleeping badly since March.",
    "Doctor: We'll follow up in two weeks.",
    "Patient: Can I keep exercising?",
)


def transcript(rng: random.Random) -> str:
    return "\n".join(rng.choice(LINES) for _ in range(rng.randint(14, 40)))


@dataclass(frozen=True)
class ClinicScribes:
    name: str = "clinic_scribes"
    share: float = 0.008
    resembles: tuple[str, ...] = (
        "identity:shared-org",
        "infra:office-nat",
        "content:template",
        "content:long-input",
        "timing:shifts",
    )
    volume_scale: float = 3.0
    domain: str = "mercyvalleyhealth.org"

    def plant(self, w: World, group_id: str, n: int) -> None:
        rng = w.rng(self.name)
        block = w.net.block24(rng, "lumen")
        nat = [w.net.v4_in(rng, block, "corporate") for _ in range(2)]
        org = w.new_id("org_", 8)
        invoice = w.instrument("invoice")
        for i in range(n):
            created = (
                WINDOW_START - rng.uniform(30, 400) * DAY
                if i < n * 0.8
                else WINDOW_START + rng.uniform(0, 40) * DAY
            )
            acct = w.add_account(created, self.domain, "US", "enterprise", org_id=org, channel="sales")
            w.pay(acct, invoice, "invoice", "", "US", created)
            w.mark_cohort(acct, self.name)
            ua = rng.choice(BROWSER_UAS[:2])
            m = w.volume(rng, self.volume_scale, 0.5)
            for ts in local_times(rng, m, TZ["US"], max(created, WINDOW_START), WINDOW_END, HOURS_WORK):
                w.req(
                    rng,
                    acct,
                    ts,
                    HEAD.format(t=transcript(rng)),
                    rng.choice(nat),
                    benign_model(rng, ts, 0.2),
                    ua,
                    600,
                )

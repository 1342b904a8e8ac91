"""A document-processing SaaS whose serverless backend calls the model: one organisation with an API account
per tenant and environment (created in batches by infrastructure-as-code), one invoice, requests from
rotating cloud egress addresses with the same HTTP client as any Python service, product templates, and a
staged switch to the new model on release day."""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout4 import text
from scenarios.heldout4.world import DAY, NEW_MODEL, OLD_MODELS, RELEASE_TS, WINDOW_END, WINDOW_START, World

TEMPLATES = (
    "Extract the following fields from this invoice as JSON: vendor, date, total, currency, "
    "line_items.\n\n{doc}",
    "Classify this support ticket into one of: billing, bug, feature_request, account, other. Reply with the "
    "label only.\n\nTicket: {doc}",
    "Redact all personal data (names, emails, phone numbers, addresses) in the text below and return the "
    "redacted text.\n\n{doc}",
)


@dataclass(frozen=True)
class LambdaBackend:
    name: str = "lambda_backend"
    share: float = 0.006
    resembles: tuple[str, ...] = (
        "infra:cloud-egress-churn",
        "agent:constant-ua",
        "timing:release-jump",
        "content:template",
        "identity:batch-creation",
    )
    volume_scale: float = 4.0
    rollout_hours: float = 6.0

    def plant(self, w: World, group_id: str, n: int) -> None:
        rng = w.rng(self.name)
        org = w.new_id("org_", 8)
        invoice = w.instrument("invoice")
        pool = w.aws_egress[:150]
        batches = [WINDOW_START - 200 * DAY, WINDOW_START - 40 * DAY, WINDOW_START + 20 * DAY]
        for i in range(n):
            created = rng.choice(batches) + rng.uniform(0, 300)
            acct = w.add_account(created, "docuflow.io", "US", "enterprise", org_id=org, channel="api")
            w.pay(acct, invoice, "invoice", "", "US", created)
            w.mark_cohort(acct, self.name)
            staged = (i % 4) * self.rollout_hours / 4
            m = w.volume(rng, self.volume_scale, 1.2)
            start = max(created, WINDOW_START)
            for _ in range(m):
                ts = start + rng.random() * (WINDOW_END - start)
                model = NEW_MODEL if ts > RELEASE_TS + staged * 3600 else OLD_MODELS[1]
                doc = text.paragraph(rng, rng.randint(2, 8))
                w.req(
                    rng,
                    acct,
                    ts,
                    rng.choice(TEMPLATES).format(doc=doc),
                    rng.choice(pool),
                    model,
                    "python-httpx/0.27.0",
                    180,
                )

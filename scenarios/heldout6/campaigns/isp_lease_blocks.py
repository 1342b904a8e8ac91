"""Leased 'residential' /24s from small regional ISPs, one sticky address per account, paraphrased tasks."""

from __future__ import annotations

from dataclasses import dataclass

from ..base import CampaignStyle, Ctx, old_signup
from ..world import COUNTRIES, approx_tokens, human_times, out_tokens

OPENERS = (
    "I'm building {x}. ",
    "Hey, quick one: I need {x}. ",
    "Working on {x} for a side project. ",
    "My team asked me to ship {x} by Friday. ",
    "",
    "Context: {x}. ",
)
ASKS = (
    "Can you walk through the full implementation, file by file, and include the tests?",
    "Please write the complete code and explain how you'd structure the repo.",
    "Give me a production-ready implementation plus a test suite.",
    "Write all the code needed, then list the edge cases you handled.",
    "Plan it as a sequence of tool calls (read_file, write_file, run_tests) and show each call and result.",
)
PROJECTS = (
    "a Slack bot that triages support tickets",
    "an OAuth2 login flow for a Flask app",
    "a React dashboard for IoT sensor data",
    "a retry wrapper for flaky HTTP calls",
    "a Terraform module for a private VPC",
    "an ETL job from Kafka to BigQuery",
    "a multiplayer tic-tac-toe server",
    "a PDF invoice generator",
    "a vector search endpoint",
    "a GitHub Action that lints Markdown",
    "a CLI to bulk-rename files",
    "a Stripe webhook handler",
)


@dataclass(frozen=True)
class IspLeaseBlocks(CampaignStyle):
    name: str = "isp_lease_blocks"
    share: float = 0.016
    signals: tuple[str, ...] = ("infra", "content")
    camouflage: float = 0.15
    labelled: bool = False
    volume: float = 3.0
    leased_blocks: int = 3
    regional_asns: tuple[str, ...] = ("netlink_pk", "kyivnet", "hypersky")
    spoofed_ua: str = (
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
        "Safari/537.36"
    )

    def build(self, ctx: Ctx, n: int) -> list[str]:
        w, rng = ctx.w, ctx.rng
        blocks = [(asn, w.net.block(asn)) for asn in self.regional_asns[: self.leased_blocks]]
        out: list[str] = []
        for i in range(n):
            c = rng.choice(("US", "GB", "CA", "AU", "DE"))
            created = old_signup(rng, 1.0)
            a = w.account(created, w.freemail(c), c, rng.choice(("plus", "pro")), "", "web")
            w.card(a, c, created)
            asn, blk = blocks[i % len(blocks)]
            ip = w.net.host(asn, blk, 2 + (i // len(blocks)) % 250)
            for t in human_times(rng, ctx.n_requests(self.volume), COUNTRIES[c].tz):
                if rng.random() < self.camouflage:
                    p, tin, tout = ctx.camo()
                else:
                    p = rng.choice(OPENERS).format(x=rng.choice(PROJECTS)) + rng.choice(ASKS)
                    if not p.startswith(("I'm", "Hey", "Working", "My", "Context")):
                        p = f"{rng.choice(PROJECTS).capitalize()}. {p}"
                    tin, tout = approx_tokens(p) + rng.randint(0, 2000), out_tokens(rng, 3200, 0.5)
                w.req(a, t, p, ip, w.model_for(t, 0.35), tin, tout, self.spoofed_ua)
            out.append(a)
        return out

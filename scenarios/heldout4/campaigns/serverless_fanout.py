"""Agentic-reasoning harvest fanned out through serverless functions: each request leaves from a different
cloud egress address drawn from large pools that many legitimate backends share, so addresses link everything
and nothing. Cards are distinct virtual cards from one issuer BIN; the client library is constant; most
traffic jumps to the new model within hours of its release. A threat-intel share names one account."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout4 import kit, text
from scenarios.heldout4.world import DAY, NEW_MODEL, OLD_MODELS, RELEASE_TS, WINDOW_END, WINDOW_START, World

GOALS = (
    "migrate a monorepo from {lang} 2 to 3 without breaking the CI",
    "triage 40 failing integration tests",
    "set up blue-green deployment for a web service",
    "find and fix the slowest endpoint in an API",
    "reconcile two CSV exports and report mismatches",
    "upgrade all dependencies with known CVEs",
    "build a dashboard of weekly active users from raw logs",
    "write and verify a data backfill job",
)
TOOLS = (
    "bash",
    "read_file",
    "write_file",
    "search_code",
    "run_tests",
    "http_get",
    "sql_query",
    "git",
    "browser_open",
    "python_exec",
)


def agent_prompt(rng: random.Random) -> str:
    goal = rng.choice(GOALS).format(lang=rng.choice(text.LANGS))
    tools = ", ".join(rng.sample(TOOLS, rng.randint(3, 6)))
    return (
        f"You are an autonomous software agent. Goal: {goal}. Available tools: {tools}. "
        "Think step by step: write a numbered plan, list the risks, then emit the first three tool calls "
        "as JSON objects with fields tool and args."
    )


@dataclass(frozen=True)
class ServerlessFanout:
    name: str = "serverless_fanout"
    share: float = 0.012
    signals: tuple[str, ...] = (
        "infra:cloud-egress-churn",
        "money:shared-bin",
        "timing:release-jump",
        "content:agentic-template",
    )
    camouflage_share: float = 0.0
    labelled: bool = True
    actor: str = "Quartz Meridian"
    release_lag_hours: float = 3.0
    release_share: float = 0.75
    volume_scale: float = 3.0

    def plant(self, w: World, group_id: str, n: int) -> None:
        rng = w.rng(self.name)
        domains = ("mailbox-relay.net", "quickinbox.org", "devmail.cc")
        pool = w.aws_egress + w.gcp_egress[:40]
        first = ""
        for i in range(n):
            created = WINDOW_START + (rng.uniform(-22, -18) if i % 2 else rng.uniform(9, 11)) * DAY
            acct = w.add_account(created, rng.choice(domains), "US", "pay_as_you_go", channel="api")
            first = first or acct
            w.pay(acct, w.instrument("virtual"), "virtual", "556371", "HK", created + 120)
            w.mark_campaign(acct, group_id, self.name, self.actor if self.labelled else "")
            m = int(w.rpa * self.volume_scale * rng.uniform(0.7, 1.3))
            for ts in kit.uniform_times(rng, m, created + 600, WINDOW_END):
                if ts >= RELEASE_TS + self.release_lag_hours * 3600 and rng.random() < self.release_share:
                    model = NEW_MODEL
                else:
                    model = OLD_MODELS[2]
                w.req(rng, acct, ts, agent_prompt(rng), rng.choice(pool), model, "python-httpx/0.27.0", 1600)
        if self.labelled and first:
            w.label("account", first, self.actor, 0.7, "threat_intel_share", "key seen in a reseller panel")

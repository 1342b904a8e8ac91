"""A cheap-API storefront: resold access whose harvest traffic rides along with real downstream customers."""

from __future__ import annotations

from dataclasses import dataclass

from ..background import company_domain
from ..base import CampaignStyle, Ctx, in_window, old_signup, vpn_exits
from ..text import CONSUMER, DEVELOPER
from ..world import approx_tokens, out_tokens

TASKS = (
    "Implement a {thing} in {lang} with full test coverage.",
    "Write a {lang} CLI that {verb} and explain each design decision.",
    "Design the database schema and API for a {thing}, then implement the handlers in {lang}.",
    "You are given a failing CI log for a {lang} project that {verb}. Diagnose and fix it.",
    "Plan and execute, step by step, the migration of a {thing} from {lang} to a microservice.",
)
THINGS = (
    "rate limiter",
    "job queue",
    "LRU cache",
    "URL shortener",
    "markdown parser",
    "inventory service",
    "chat server",
    "feature-flag system",
    "billing module",
    "graph search library",
    "web crawler",
)
VERBS = (
    "syncs two S3 buckets",
    "parses nginx logs",
    "renames photos by EXIF date",
    "backs up Postgres",
    "diffs JSON files",
    "monitors disk usage",
    "converts CSV to parquet",
)
LANGS = ("Python", "TypeScript", "Go", "Rust", "Java", "C++", "Kotlin")


@dataclass(frozen=True)
class StorefrontGateway(CampaignStyle):
    name: str = "storefront_gateway"
    share: float = 0.009
    signals: tuple[str, ...] = ("infra", "content")
    camouflage: float = 0.55  # downstream customers' genuine requests
    labelled: bool = True
    volume: float = 8.0
    gateway_ips: int = 3
    shell_domains: int = 4

    def build(self, ctx: Ctx, n: int) -> list[str]:
        w, rng = ctx.w, ctx.rng
        gw = [w.net.fresh(rng.choice(("vultr", "kamatera"))) for _ in range(self.gateway_ips)]
        doms = [company_domain(rng) for _ in range(self.shell_domains)]
        out: list[str] = []
        for _ in range(n):
            created = old_signup(rng, 0.4) if rng.random() < 0.5 else in_window(rng, 0, 20)
            a = w.account(
                created, rng.choice(doms), rng.choice(("US", "SG", "HK")), "api_payg", w.org(), "api"
            )
            w.card(a, rng.choice(("US", "HK")), created)
            out.append(a)
        # the gateway load-balances each incoming call onto the next key in its pool
        total = sum(ctx.n_requests(self.volume, 0.2) for _ in range(n))
        for k in range(total):
            a = out[k % n] if rng.random() < 0.8 else rng.choice(out)
            t = in_window(rng, 0, 42)
            if rng.random() < self.camouflage:
                p, tin, tout = ctx.camo(CONSUMER if rng.random() < 0.6 else DEVELOPER)
                model = w.model_for(t, 0.3)
            else:
                task = rng.choice(TASKS).format(
                    thing=rng.choice(THINGS), lang=rng.choice(LANGS), verb=rng.choice(VERBS)
                )
                p = f"### Instruction:\n{task}\n\n### Response:"
                tin, tout = approx_tokens(p) + rng.randint(0, 400), out_tokens(rng, 2600, 0.5)
                model = w.model_for(t, 0.7, (0, 0.3, 0.7))
            w.req(a, t, p, rng.choice(gw), model, tin, tout, "Go-http-client/2.0")
        ctx.label("ip", gw[0], 0.4, "partner-feed", "reseller gateway egress, unconfirmed")
        ctx.label(
            "ip", rng.choice(vpn_exits(w)), 0.3, "partner-feed", "same reseller, shared VPN exit (weak)"
        )
        return out

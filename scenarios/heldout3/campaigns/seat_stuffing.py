"""An enterprise tenant that is a front: hundreds of SSO seats on one invoice, provisioned in two batches,
harvesting long-horizon software-engineering agent work at every hour of every day.

Money, identity and infrastructure look exactly like a real enterprise customer (one organisation, one
corporate domain, invoice billing, corporate egress). Only the timing (seats busy around the clock and on
weekends, evenly) and the concentration on one repository-issue-patch template give it away; a quarter of
the traffic is ordinary office work.
"""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout3.base import CONTENT, SDK_UAS, TIMING, CampaignStyle, camouflage_request, flat_times
from scenarios.heldout3.world import DAY, NEW_MODEL, OLD_MODELS, RELEASE, T0, T_END, World

_REPOS = (
    "pallets/flask",
    "psf/requests",
    "encode/httpx",
    "django/django",
    "pydantic/pydantic",
    "apache/airflow",
    "expressjs/express",
    "vercel/next.js",
    "spring-projects/spring-boot",
    "tokio-rs/tokio",
    "grafana/grafana",
    "kubernetes/kubectl",
    "pandas-dev/pandas",
    "prisma/prisma",
)
_ISSUES = (
    "Race condition when two workers refresh the token",
    "Memory leak in streaming responses",
    "Timezone-aware datetimes are serialised without offset",
    "Regression: config reload drops env overrides",
    "Pagination skips the last page when total is a multiple of page size",
    "Crash on empty multipart upload",
    "Retry policy ignores Retry-After header",
    "Migrations fail on tables with composite primary keys",
)
_TREES = (
    "src/\n  core/\n    client.py\n    retry.py\n  utils/\n    time.py\ntests/\n  test_client.py",
    "lib/\n  router.js\n  request.js\n  response.js\ntest/\n  router.test.js",
    "pkg/\n  sched/\n    queue.go\n    worker.go\ncmd/\n  main.go\ninternal/\n  cfg/cfg.go",
)


@dataclass(frozen=True, kw_only=True)
class SeatStuffing(CampaignStyle):
    name: str = "seat_stuffing"
    actor: str = "QUIET ANVIL"
    share: float = 0.012
    signals: tuple[str, ...] = (TIMING, CONTENT)
    camouflage: float = 0.25
    labelled: bool = False
    company_domain: str = "helixworks-group.com"
    country: str = "SG"
    corporate_ips: int = 3
    provision_days: tuple[float, float] = (-30.0, 11.0)
    requests_mean: float = 40.0

    def build(self, w: World, campaign_id: str, n: int) -> list[str]:
        r = w.rng
        org = w.new_id("org_", 8)
        invoice = w.instrument_token()
        isp = w.asn_of("residential", self.country)
        nat = [w.new_ip(isp, ip_type="corporate") for _ in range(self.corporate_ips)]
        made: list[str] = []
        for i in range(n):
            day = self.provision_days[0] if i < n * 0.6 else self.provision_days[1]
            created = T0 + day * DAY + r.uniform(0, 2) * 3600
            acct = w.new_account(
                created_at=created,
                email_domain=self.company_domain,
                country=self.country,
                plan="enterprise",
                org_id=org,
                signup_channel="sso",
            )
            made.append(acct)
            w.pay(
                acct,
                invoice,
                instrument_type="invoice",
                issuer_country=self.country,
                first_used=T0 + self.provision_days[0] * DAY,
            )
            ua = r.choice(SDK_UAS[:3])
            for t in flat_times(w, w.count(self.requests_mean), created + DAY, T_END):
                ip = r.choice(nat)
                if r.random() < self.camouflage:
                    camouflage_request(w, acct, t, ip, ua)
                    continue
                prompt = (
                    f"Repository: {r.choice(_REPOS)} @ {r.randrange(16**7):07x}\nFile "
                    f"tree:\n{r.choice(_TREES)}\n\n"
                    f"Issue #{r.randint(200, 9999)}: {r.choice(_ISSUES)}\n\n"
                    "You are an autonomous software engineer. Explore the repository, form a "
                    "plan, then produce a "
                    "unified diff that resolves the issue and adds tests. Think through each "
                    "step before acting."
                )
                model = NEW_MODEL if t > RELEASE + DAY and r.random() < 0.8 else OLD_MODELS[2]
                w.request(acct, t, prompt, ip, model, output_tokens=r.randint(1200, 6000), user_agent=ua)
        return made

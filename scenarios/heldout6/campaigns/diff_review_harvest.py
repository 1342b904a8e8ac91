"""Synthetic pull-request reviews harvested from one cloud IPv6 /48, cards shared in small pools."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from ..base import CampaignStyle, Ctx, in_window
from ..text import DEVELOPER
from ..world import START, approx_tokens, out_tokens

HUNKS = (
    (
        "src/auth/session.py",
        "-    if token == stored:\n+    if hmac.compare_digest(token, stored):\n         return True",
    ),
    (
        "api/handlers/users.go",
        '-    rows, _ := db.Query("SELECT * FROM users WHERE id=" + id)\n'
        '+    rows, err := db.Query("SELECT * FROM users WHERE id=$1", id)\n+    if err != nil {\n+      '
        "  return err\n+    }",
    ),
    (
        "web/src/components/Cart.tsx",
        "-  const total = items.reduce((s, i) => s + i.price)\n"
        "+  const total = items.reduce((s, i) => s + i.price * i.qty, 0)",
    ),
    (
        "lib/cache.rs",
        "-        self.map.insert(k, v);\n+        if self.map.len() >= self.cap {\n"
        "+            self.evict_oldest();\n+        }\n+        self.map.insert(k, v);",
    ),
    (
        "services/billing/Invoice.java",
        "-    return amount * rate;\n+    return amount.multiply(rate).setScale(2, RoundingMode.HALF_EVEN);",
    ),
    ("scripts/deploy.sh", '-rm -rf $BUILD_DIR/*\n+rm -rf "${BUILD_DIR:?}"/*'),
    (
        "worker/queue.py",
        "-    for job in jobs:\n-        process(job)\n+    with ThreadPoolExecutor(8) as ex:\n"
        "+        list(ex.map(process, jobs))",
    ),
    ("infra/main.tf", '-  cidr_blocks = ["0.0.0.0/0"]\n+  cidr_blocks = [var.office_cidr]'),
)


@dataclass(frozen=True)
class DiffReviewHarvest(CampaignStyle):
    name: str = "diff_review_harvest"
    share: float = 0.012
    signals: tuple[str, ...] = ("infra", "money", "content")
    camouflage: float = 0.08
    labelled: bool = True
    volume: float = 3.0
    accounts_per_card: int = 5
    cloud: str = "aws"
    review_tokens: int = 2400

    def build(self, ctx: Ctx, n: int) -> list[str]:
        w, rng = ctx.w, ctx.rng
        p48 = w.net.prefix48(self.cloud)
        out: list[str] = []
        inst, bin6 = "", ""
        header = (
            "Review the following diff as a senior engineer. List bugs, security issues and style "
            "problems with line references, then propose a corrected patch."
        )
        for i in range(n):
            c = rng.choice(("US", "DE", "GB", "IN"))
            created = START - timedelta(days=rng.uniform(0, 20))
            a = w.account(created, w.freemail(c), c, "api_payg", "", "api")
            if i % self.accounts_per_card == 0:
                inst, bin6 = w.instrument(), rng.choice(("552433", "517805"))
            w.pay(a, inst, "card", bin6, "US", created)
            ip = w.net.host6(self.cloud, p48, rng.randrange(0x10000))
            for _ in range(ctx.n_requests(self.volume, 0.4)):
                t = in_window(rng, 0, 42)
                if rng.random() < self.camouflage:
                    p, tin, tout = ctx.camo(DEVELOPER)
                else:
                    hunks = rng.sample(HUNKS, rng.randint(1, 4))
                    body = "\n".join(
                        f"diff --git a/{f} b/{f}\n--- a/{f}\n+++ b/{f}\n@@ -{rng.randint(1, 400)},7 "
                        f"+{rng.randint(1, 400)},9 @@\n{h}"
                        for f, h in hunks
                    )
                    p = f"{header}\n\n```diff\n{body}\n```"
                    tin = approx_tokens(p) + rng.randint(500, 5000)
                    tout = out_tokens(rng, self.review_tokens, 0.45)
                w.req(
                    a,
                    t,
                    p,
                    ip,
                    w.model_for(t, 0.45, (0, 0.4, 0.6)),
                    tin,
                    tout,
                    "nova-sdk-node/1.6.0 (node v20.x)",
                )
            out.append(a)
        ctx.label(
            "template", header, 0.7, "internal-review", "review-harvest template, confirmed on two accounts"
        )
        ctx.label("instrument", inst, 0.85, "payments-risk", "card shared by review-harvest accounts")
        return out

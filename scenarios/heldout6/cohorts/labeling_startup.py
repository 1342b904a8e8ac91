"""A legitimate data-labelling company: high-volume one-word classification from its cloud workers."""

from __future__ import annotations

from dataclasses import dataclass

from ..background import company_domain
from ..base import CohortStyle, Ctx, home_ip, old_signup
from ..campaigns.weak_label_farm import TASKS
from ..world import approx_tokens, out_tokens, work_times

TEXTS = (
    "Order #{n} arrived late and the box was crushed.",
    "Can I change my delivery address for order {n}?",
    "Love the new update, dark mode is perfect",
    "Your app charged me twice ({n} EUR)!!",
    "Is the {n} model compatible with USB-C?",
    "Cancel my subscription please",
    "great support, thanks Ana",
    "The tracking page has said 'in transit' for {n} days.",
)


@dataclass(frozen=True)
class LabelingStartup(CohortStyle):
    name: str = "labeling_startup"
    share: float = 0.006
    signals: tuple[str, ...] = ("content", "infra", "money")
    volume: float = 5.0
    worker_ips: int = 4

    def build(self, ctx: Ctx, n: int) -> list[str]:
        w, rng = ctx.w, ctx.rng
        dom, org, inst = company_domain(rng), w.org(), w.instrument()
        workers = [w.net.fresh("aws") for _ in range(self.worker_ips)]
        out: list[str] = []
        for _ in range(n):
            created = old_signup(rng, 1.0)
            a = w.account(created, dom, "DE", "enterprise", org, "sales")
            w.pay(a, inst, "invoice", "", "DE", created)
            ips = [*workers, home_ip(w, "DE", rng)]
            for t in work_times(rng, ctx.n_requests(self.volume, 0.5), 1):
                task, labels = rng.choice(TASKS)
                text = rng.choice(TEXTS).format(n=rng.randint(2, 9999))
                p = f'Task: {task}\nAllowed labels: {labels}\nText: "{text}"\nAnswer with the label only.'
                ip = rng.choice(workers) if rng.random() < 0.9 else ips[-1]
                w.req(
                    a,
                    t,
                    p,
                    ip,
                    "nova-2-lite",
                    approx_tokens(p),
                    out_tokens(rng, 2, 0.3, 5),
                    "python-requests/2.32.3",
                )
            out.append(a)
        return out

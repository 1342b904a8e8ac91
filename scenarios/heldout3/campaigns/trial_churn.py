"""Free-trial churn: fresh free accounts every day, each burns its trial quota within hours and is dropped.

Sloppy on identity and timing (daily creation bursts from a few throw-away mailbox domains, short lives,
no payment at all) and on infrastructure (the day's cloud VMs); the prompts are a structured agentic-coding
task spec.
"""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout3.base import CONTENT, INFRA, MONEY, TIMING, CampaignStyle
from scenarios.heldout3.world import DAY, HOUR, NEW_MODEL, OLD_MODELS, RELEASE, T0, WINDOW_DAYS, World

_FUNCS = (
    ("parse_duration", "parse strings like '1h30m' or '45s' into seconds"),
    ("lru_cache", "a thread-safe LRU cache with a size limit and TTL"),
    ("merge_intervals", "merge overlapping [start, end] intervals"),
    ("topo_sort", "topologically sort a dependency graph and report cycles"),
    ("rate_limiter", "a token-bucket rate limiter with burst support"),
    ("diff_lines", "a line-based diff of two texts (Myers algorithm)"),
    ("json_path", "evaluate a small subset of JSONPath on nested data"),
    ("retry_async", "an async retry decorator with jittered exponential backoff"),
    ("csv_to_parquet", "a streaming CSV to Parquet converter with schema inference"),
    ("trie_autocomplete", "a trie with prefix autocomplete ranked by frequency"),
    ("event_bus", "an in-process publish/subscribe event bus with wildcard topics"),
    ("sql_tokenizer", "a tokenizer for a subset of SQL SELECT statements"),
)
_LANGS = ("Python", "TypeScript", "Go", "Rust", "Java")
_CONSTRAINTS = (
    "No third-party dependencies.",
    "Include type annotations.",
    "Handle malformed input with clear errors.",
    "O(n log n) or better.",
    "Add docstrings and at least five unit tests.",
    "Must be safe for concurrent use.",
    "Keep the public API to a single function or class.",
    "Prefer iterative over recursive code.",
)


@dataclass(frozen=True, kw_only=True)
class TrialChurn(CampaignStyle):
    name: str = "trial_churn"
    actor: str = "PAPER LANTERN"
    share: float = 0.025
    signals: tuple[str, ...] = (MONEY, INFRA, TIMING, CONTENT)
    camouflage: float = 0.0
    labelled: bool = True
    disposable_domains: tuple[str, ...] = ("mailnest.cc", "inboxflash.net", "tmpmail.world", "qbox.pw")
    #: new cloud VMs the operator starts each day
    vms_per_day: int = 3
    #: hours an account lives before its trial quota is spent
    lifetime_hours: tuple[float, float] = (2.0, 20.0)
    requests_mean: float = 20.0

    def build(self, w: World, campaign_id: str, n: int) -> list[str]:
        r = w.rng
        clouds = [w.asn_of("hosting") for _ in range(2)]
        made: list[str] = []
        per_day = max(1, round(n / WINDOW_DAYS))
        day = 0
        day_ips: list[str] = []
        batch_at = T0
        for i in range(n):
            if i % per_day == 0:
                day = min(WINDOW_DAYS - 1, i // per_day)
                day_ips = [w.new_ip(r.choice(clouds)) for _ in range(self.vms_per_day)]
                batch_at = T0 + day * DAY + r.uniform(1, 20) * HOUR
            created = batch_at + r.uniform(0, 40) * 60
            acct = w.new_account(
                created_at=created,
                email_domain=r.choice(self.disposable_domains),
                country=r.choice(("US", "US", "GB", "SG", "CA")),
                plan="free",
                signup_channel="web",
                status="active" if r.random() < 0.8 else "disabled",
            )
            made.append(acct)
            ips = r.sample(day_ips, r.randint(1, 2))
            w.touch_ip(acct, ips[0], created)
            life = r.uniform(*self.lifetime_hours) * HOUR
            t = created + r.uniform(60, 900)
            for _ in range(w.count(self.requests_mean)):
                t += r.expovariate(1.0 / (life / self.requests_mean))
                fn, what = r.choice(_FUNCS)
                cons = r.sample(_CONSTRAINTS, 2)
                prompt = (
                    f"## Task\nImplement `{fn}` in {r.choice(_LANGS)}: {what}.\n\n"
                    f"## Constraints\n- {cons[0]}\n- {cons[1]}\n\n"
                    "## Output\nReturn the complete file, then a short explanation of the design decisions "
                    "and the edge cases you handled."
                )
                model = NEW_MODEL if t > RELEASE + 2 * HOUR and r.random() < 0.7 else OLD_MODELS[2]
                w.request(
                    acct,
                    t,
                    prompt,
                    r.choice(ips),
                    model,
                    output_tokens=r.randint(1500, 4500),
                    user_agent="lumen-python/2.4.1",
                )
        if self.labelled:
            w.label(
                "email_domain",
                self.disposable_domains[0],
                self.actor,
                0.8,
                "analyst",
                "throw-away mailbox service used for a trial-abuse wave",
            )
        return made

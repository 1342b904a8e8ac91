"""Preference-pair harvesting: prompts ask for two candidate answers (one deliberately flawed) plus a verdict,
i.e. ready-made training pairs for preference optimisation. Run through shell start-ups admitted to a credit
programme: look-alike e-mail domains, accounts created in bursts, one virtual card per shell sharing an issuer
BIN, a couple of hosting /24s. Sloppy on money and infrastructure; a partner feed names the operator."""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout4 import kit, text
from scenarios.heldout4.world import DAY, HOURS_WORK, SDK_UAS, WINDOW_END, WINDOW_START, World, local_times

HEADS = (
    "Produce two candidate responses to the user message below. Make Response A excellent and Response B "
    "subtly flawed ({flaw}). Then state which response is better and why.\n\nUser message: {task}",
    "Write Response A and Response B to the following request. B must contain {flaw} while looking "
    "plausible. "
    "Finish with 'Preferred: A' and a two-sentence justification.\n\nRequest: {task}",
    "For the task below, give a strong answer and a weak answer ({flaw}). Label them [chosen] and [rejected] "
    "and explain the difference in one paragraph.\n\nTask: {task}",
    "Generate a comparison pair for the instruction below: first an ideal reply, then a reply with {flaw}. "
    "Output JSON with keys chosen, rejected, rationale.\n\nInstruction: {task}",
)
FLAWS = (
    "an off-by-one error",
    "a wrong edge case",
    "an unsafe shell command",
    "a hallucinated API",
    "a missing error check",
    "an incorrect complexity claim",
    "a subtle race condition",
    "an outdated library call",
    "a misleading variable name",
    "an incomplete test",
)
TASKS = (
    "implement a rate limiter for a REST API in {lang}",
    "write a migration that renames a column without downtime",
    "refactor a 300-line function into smaller pieces in {lang}",
    "add retries with jitter to a {lang} HTTP client",
    "design a job queue with at-least-once delivery",
    "write a {lang} CLI that syncs a folder to object storage",
    "fix a memory leak in a long-running {lang} worker",
    "plan the tool calls an agent needs to book a meeting across three calendars",
    "write tests for a {lang} function that parses ISO 8601 durations",
    "explain and fix a deadlock between two database transactions",
)
STEMS = ("brightloop", "tensorleaf", "quantaforge")
PATTERNS = (
    "{s}-ai.com",
    "{s}ai.io",
    "{s}labs.ai",
    "get{s}.com",
    "{s}-research.co",
    "{s}hq.ai",
    "{s}.dev",
    "{s}-systems.io",
)


@dataclass(frozen=True)
class PreferencePairs:
    name: str = "preference_pairs"
    share: float = 0.012
    signals: tuple[str, ...] = (
        "identity:lookalike-domains",
        "identity:creation-bursts",
        "money:shared-bin",
        "infra:hosting-24",
        "content:template",
    )
    camouflage_share: float = 0.05
    labelled: bool = True
    actor: str = "Tessellate Group"
    accounts_per_shell: tuple[int, int] = (3, 8)
    volume_scale: float = 2.5

    def plant(self, w: World, group_id: str, n: int) -> None:
        rng = w.rng(self.name)
        blocks = [w.net.block24(rng, key) for key in ("hetzner", "hetzner", "ovh")]
        bursts = [WINDOW_START + d * DAY for d in (-6, 12, 29)]
        domains = [p.format(s=s) for s in STEMS for p in PATTERNS]
        rng.shuffle(domains)
        made = 0
        shell = 0
        first_domain = ""
        first_acct = ""
        while made < n:
            k = min(n - made, rng.randint(*self.accounts_per_shell))
            domain = domains[shell % len(domains)]
            first_domain = first_domain or domain
            shell += 1
            org = w.new_id("org_", 8)
            vcard = w.instrument("virtual")
            burst = rng.choice(bursts)
            block = rng.choice(blocks)
            ips = [w.net.v4_in(rng, block) for _ in range(2)]
            for _ in range(k):
                created = kit.creation_burst(rng, burst, 6)
                acct = w.add_account(
                    created,
                    domain,
                    rng.choice(("SG", "SG", "US")),
                    "team",
                    org_id=org,
                    channel="startup_program",
                )
                first_acct = first_acct or acct
                w.pay(acct, vcard, "virtual", "535310", "US", created + 600)
                w.mark_campaign(acct, group_id, self.name, self.actor if self.labelled else "")
                ua = rng.choice(SDK_UAS[:3])
                my_ips = rng.sample(ips, rng.randint(1, 2))
                total = int(w.rpa * self.volume_scale * rng.uniform(0.6, 1.4))
                harvest = int(total * (1 - self.camouflage_share))
                for ts in local_times(rng, harvest, 8.0, created + 3600, WINDOW_END, HOURS_WORK, True):
                    task = rng.choice(TASKS).format(lang=rng.choice(text.LANGS))
                    prompt = rng.choice(HEADS).format(flaw=rng.choice(FLAWS), task=task)
                    w.req(
                        rng,
                        acct,
                        ts,
                        prompt,
                        rng.choice(my_ips),
                        kit.operator_model(rng, ts, 0.7, 96, 0.4),
                        ua,
                        1400,
                    )
                kit.camouflage(w, rng, acct, total - harvest, my_ips, [ua], 8.0, created)
            made += k
        if self.labelled and first_domain:
            w.label(
                "email_domain",
                first_domain,
                self.actor,
                0.8,
                "partner_feed",
                "domain registered by the same agent as a known harvesting front",
            )
            w.label("account", first_acct, self.actor, 0.9, "analyst", "output resold on a dataset forum")

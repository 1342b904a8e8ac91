"""Open-source CI review bots: many unrelated maintainers wire the same popular GitHub Action into their
repositories with their own API key; the Action reviews every pull request with a fixed prompt.

Real-world behaviour: AI pull-request reviewers distributed as GitHub Actions run on GitHub-hosted runners,
whose egress addresses are a shared Azure pool used by every repository; scheduled workflows
(`cron: '0 0 * * *'`) are queued at the top of the hour and start a few minutes late under load (GitHub
docs and community discussions on delayed scheduled runs). So honest, independent accounts share hosting
addresses, one user-agent string, one prompt template, a nightly lockstep at 00:00 UTC, and a model switch
on the day the Action's floating `@v2` tag moves to a release that defaults to the new model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import identity
from ..clock import DAY, HOUR, NEW_MODEL, RELEASE_TS, STANDARD, WINDOW_END, WINDOW_START, session_starts
from ..knobs import Sizing
from ..ops import volume
from ..population.person import give_card
from ..population.personas import old_created_at
from ..text.code import diff
from ..text.fill import pick
from ..world import World, tokens_in, tokens_out

STYLE = "oss_ci_bots"


_SIZE = Sizing(0.006)


@dataclass(frozen=True)
class Knobs:
    size: Sizing = _SIZE
    signals: frozenset[str] = field(
        default_factory=lambda: frozenset({"infrastructure", "content", "timing"})
    )
    nightly_share: float = 0.35
    floating_tag_share: float = 0.7
    default_switch_days_after_release: float = 4.0
    volume: float = 2.0
    user_agent: str = "ai-pr-review/2.4.1 node/20.11.1 (github-actions)"


DEFAULT = Knobs()

_TITLES = (
    "Fix {x} handling",
    "Refactor {x} module",
    "Add tests for {x}",
    "Bump dependencies",
    "Docs: {x}",
    "Speed up {x}",
    "Handle empty {x}",
    "Support {x} in config",
    "Nightly: audit {x}",
)
_X = ("cache", "parser", "CLI flags", "auth", "retry", "logging", "unicode", "timeouts", "plugin", "export")


def _prompt(title: str, body: str) -> str:
    return (
        "You are an expert code reviewer. Review the following pull request diff. Point out bugs, security "
        "issues and style problems. Respond in Markdown with a list of findings, most severe first.\n\n"
        f"PR title: {title}\n\n```diff\n{body}\n```"
    )


def build(world: World, count: int, knobs: Knobs = DEFAULT) -> None:
    rng = world.rng(STYLE)
    runners = world.net.shared_pool(world.net.by_number[8075], max(30, count * 2), "gh-runners")
    switch = RELEASE_TS + int(knobs.default_switch_days_after_release * DAY)
    for _ in range(count):
        country = identity.country(rng)
        created = old_created_at(rng, WINDOW_START + 20 * DAY)
        acct = world.new_account(
            created, identity.webmail(rng, country), country, "api_payg", signup_channel="api_console"
        )
        world.mark_cohort(acct.account_id, STYLE)
        give_card(world, rng, acct, created + rng.randint(300, 5 * DAY))
        floating = rng.random() < knobs.floating_tag_share
        pinned_model = pick(rng, (STANDARD, STANDARD, "lumen-2-flash"))
        offset = identity.utc_offset(rng, country)
        n = volume(world, rng, knobs.volume, 0.9)
        start = max(created, WINDOW_START) + HOUR
        times = session_starts(rng, n, start, WINDOW_END, offset, "worker", 0.4)
        if rng.random() < knobs.nightly_share:
            first = start // DAY + 1
            times += [d * DAY + rng.randint(3 * 60, 25 * 60) for d in range(first, WINDOW_END // DAY)]
        for ts in times:
            title = pick(rng, _TITLES).replace("{x}", pick(rng, _X))
            prompt = _prompt(title, diff(rng))
            model = NEW_MODEL if floating and ts >= switch else pinned_model
            world.emit(
                acct.account_id,
                ts,
                prompt,
                pick(rng, runners),
                model,
                tokens_in(prompt),
                tokens_out(rng, 380, 0.5),
                knobs.user_agent,
            )

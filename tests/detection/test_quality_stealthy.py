"""Quality on the `stealthy` scenario (careful campaigns: own card and proxy per account, paraphrased
templates, camouflage traffic, round-robin shifts) against its generated truth (issue 4 §5)."""

from __future__ import annotations

import pytest
from neo4j import Driver

from app.detection.pipeline import find_campaigns
from app.platform.settings import Settings
from scenarios.quality import Quality, evaluate
from tests.detection.conftest import Scenario, load_scenario

KNOWN_GAP = pytest.mark.xfail(
    strict=True,
    reason="the own generator's API products (a few accounts per organisation on hosting IPs, one card, "
    "their own templates) are scored as campaigns since a registered organisation no longer damps the "
    "score: an open gap of the detection issue, docs/detection-quality.md",
)


@pytest.fixture(scope="module")
def quality(driver: Driver, settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Quality:
    sc: Scenario = load_scenario(driver, settings, tmp_path_factory.mktemp("stealthy"), "stealthy")
    return evaluate(
        (c.members for c in find_campaigns(settings).campaigns), sc.truth, sc.accounts, sc.confounders
    )


@KNOWN_GAP
def test_account_level_f1_meets_target(quality: Quality) -> None:
    assert quality.f1 >= 0.85, quality


@KNOWN_GAP
def test_no_benign_confounder_flagged(quality: Quality) -> None:
    assert quality.confounder_hits == {}


@KNOWN_GAP
def test_false_positives_stay_rare(quality: Quality) -> None:
    assert quality.false_positive_rate < 1 / 1000, quality

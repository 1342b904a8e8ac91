"""Quality on the `standard` scenario against its generated truth, and determinism (issue 4 §5)."""

from __future__ import annotations

import pytest
from neo4j import Driver

from app.detection.algorithms.model import DetectionResult
from app.detection.pipeline import find_campaigns
from app.platform.settings import Settings
from scenarios.quality import Quality, evaluate
from tests.detection.conftest import Scenario, load_scenario


@pytest.fixture(scope="module")
def standard(driver: Driver, settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    return load_scenario(driver, settings, tmp_path_factory.mktemp("standard"), "standard")


@pytest.fixture(scope="module")
def result(standard: Scenario, settings: Settings) -> DetectionResult:
    return find_campaigns(settings)


@pytest.fixture(scope="module")
def quality(standard: Scenario, result: DetectionResult) -> Quality:
    return evaluate(
        (c.members for c in result.campaigns), standard.truth, standard.accounts, standard.confounders
    )


def test_account_level_f1_meets_target(quality: Quality) -> None:
    assert quality.f1 >= 0.95, quality


def test_fewer_than_one_in_2000_legitimate_accounts_flagged(quality: Quality) -> None:
    assert quality.false_positive_rate < 1 / 2000, quality


def test_no_benign_confounder_flagged(quality: Quality) -> None:
    assert quality.confounder_hits == {}


def test_every_planted_campaign_is_found(quality: Quality) -> None:
    missed = [c.campaign_id for c in quality.campaigns if c.recall < 0.8]
    assert missed == []


def test_campaigns_carry_evidence_features_and_memberships(result: DetectionResult) -> None:
    for c in result.campaigns:
        assert 0.0 <= c.score <= 1.0
        assert c.evidence, "every campaign must come with the entities that justify it"
        assert {"volume", "synchrony", "template_exclusivity"} <= c.features.keys()
        assert all(0.0 < m <= 1.0 for m in c.members.values())
        assert c.first_seen is not None
        assert c.last_seen is not None
        assert c.first_seen <= c.last_seen


def test_same_data_gives_the_same_campaigns(result: DetectionResult, settings: Settings) -> None:
    again = find_campaigns(settings)
    assert [c.model_dump() for c in again.campaigns] == [c.model_dump() for c in result.campaigns]
    assert again.graph == result.graph


def test_seeded_rerun_keeps_the_campaigns(result: DetectionResult, settings: Settings) -> None:
    previous = {a: i for i, c in enumerate(result.campaigns) for a in c.members}
    seeded = find_campaigns(settings, previous=previous)
    for c in result.campaigns:
        best = max(len(c.members.keys() & s.members.keys()) for s in seeded.campaigns)
        assert best >= 0.9 * len(c.members)


def test_no_gds_graph_left_behind(result: DetectionResult, driver: Driver) -> None:
    with driver.session() as s:
        names = [r["graphName"] for r in s.run("CALL gds.graph.list() YIELD graphName RETURN graphName")]
    assert not [n for n in names if n.startswith("linkwatch-detect-")]

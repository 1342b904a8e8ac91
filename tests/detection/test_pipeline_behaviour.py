"""Pipeline behaviour on a small planted graph: failure cleanup, empty graphs, ablation, benign clusters."""

from __future__ import annotations

from collections import Counter

import pytest
from neo4j import Driver

from app.detection import pipeline
from app.detection.algorithms.model import DetectionResult
from app.detection.algorithms.params import DetectionParams
from app.detection.graph import communities
from app.platform.settings import Settings
from tests.conftest import wipe
from tests.detection.graphgen import Truth, build


@pytest.fixture(scope="module")
def planted(driver: Driver) -> Truth:
    wipe(driver)
    return build(driver, seed=11, legit=1500, scale=0.6)


@pytest.fixture(scope="module")
def result(planted: Truth, settings: Settings) -> DetectionResult:
    return pipeline.find_campaigns(settings)


def _detect_graphs(driver: Driver) -> list[str]:
    with driver.session() as s:
        names = [str(r["graphName"]) for r in s.run("CALL gds.graph.list() YIELD graphName RETURN graphName")]
    return [n for n in names if n.startswith(pipeline.GRAPH_PREFIX)]


def test_planted_campaigns_found_whole(planted: Truth, result: DetectionResult) -> None:
    found = {}
    for c in result.campaigns:
        label, n = Counter(planted.campaign_of.get(a, "-") for a in c.members).most_common(1)[0]
        found[label] = (n, len(c.members))
    sizes = Counter(planted.campaign_of.values())
    for cid, size in sizes.items():
        hit, total = found[cid]
        assert hit >= 0.9 * size, (cid, hit, size)
        assert hit >= 0.9 * total, (cid, hit, total)


def test_benign_tight_clusters_not_flagged(planted: Truth, result: DetectionResult) -> None:
    for c in result.campaigns:
        benign = sum(1 for a in c.members if a in planted.confounder_of)
        assert benign <= 0.05 * len(c.members), Counter(planted.confounder_of.get(a) for a in c.members)
    flagged = Counter(
        planted.confounder_of[a] for c in result.campaigns for a in c.members if a in planted.confounder_of
    )
    sizes = Counter(planted.confounder_of.values())
    assert all(n <= 0.02 * sizes[group] for group, n in flagged.items()), flagged


def test_graph_dropped_when_a_stage_fails(
    planted: Truth, settings: Settings, driver: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_: object, **__: object) -> None:
        raise RuntimeError("community detection failed")

    monkeypatch.setattr(communities, "detect", boom)
    with pytest.raises(RuntimeError, match="community detection failed"):
        pipeline.find_campaigns(settings)
    assert _detect_graphs(driver) == []


def test_graph_dropped_after_success(result: DetectionResult, driver: Driver) -> None:
    assert result.graph["projected_links"] > 0
    assert _detect_graphs(driver) == []


def test_result_records_params_timings_and_sizes(result: DetectionResult) -> None:
    assert DetectionParams.model_validate(result.params) == DetectionParams()
    assert {"projection", "communities", "scoring"} <= result.timings.keys()
    assert result.graph["campaigns"] == len(result.campaigns)


def test_without_a_family_changes_the_projection(result: DetectionResult, settings: Settings) -> None:
    ablated = pipeline.find_campaigns(settings, DetectionParams().without("template"))
    assert ablated.graph["projected_links"] < result.graph["projected_links"]
    assert ablated.params["families"]["template"]["enabled"] is False  # type: ignore[index]


def test_empty_graph_gives_empty_result(driver: Driver, settings: Settings, planted: Truth) -> None:
    wipe(driver)
    res = pipeline.find_campaigns(settings)
    assert res.campaigns == []
    assert _detect_graphs(driver) == []

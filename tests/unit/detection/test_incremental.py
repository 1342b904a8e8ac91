"""An incremental run's scope and carry-over, with the GDS stages replaced (no database)."""

from __future__ import annotations

import json
from typing import Any, cast

import pytest

from app.detection import incremental
from app.detection.algorithms.model import CandidateCampaign, DetectionResult
from app.detection.algorithms.params import DetectionParams
from app.detection.algorithms.tracking import PreviousCampaign
from app.detection.graph.projection import Scope
from app.platform.runner import SyncGdsRunner
from tests.unit.fakes import check_call

Row = dict[str, Any]


class _Graph:
    """Answers the incremental run's own queries; checks each call against its `.cypher` file."""

    def __init__(self, neighbours: dict[str, set[str]], stored: dict[str, dict[str, float]]) -> None:
        self.neighbours = neighbours
        self.stored = stored
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.gds = object()
        self.regions: list[list[str]] = []

    def groups(self, region: list[str], known: dict[str, bool]) -> Row:
        """`detection/link_groups`: a two-member entity per neighbour pair, each a pair on its own."""
        self.regions.append(region)
        found = sorted(
            (f"e:{a}:{b}", sorted((a, b)))
            for a, partners in self.neighbours.items()
            for b in partners
            if (a in region or b in region) and f"e:{a}:{b}" not in known
        )
        return {
            "keys": [key for key, _ in found],
            "members": [m for _, m in found],
            "hours": [[] for _ in found],
            "dedication": [[] for _ in found],
            "family_weight": [1.0 for _ in found],
            "sync_weight": [0.0 for _ in found],
            "network": [False for _ in found],
        }

    def run(self, name: str, /, **params: Any) -> list[Row]:
        check_call(name, params)
        self.calls.append((name, params))
        if name == "detection/link_groups":
            return [self.groups(params["region"], params["known"])]
        if name == "detection/count_accounts":
            return [{"accounts": 100, "median_requests": 5, "median_answer_tokens": 300.0, "models": []}]
        if name == "detection/campaigns_carried":
            return [
                {
                    "campaign_id": cid,
                    "score": 0.7,
                    "features": json.dumps({"volume": 0.5}),
                    "evidence": "[]",
                    "capability": "reasoning_cot",
                    "first_seen": "2026-04-01T00:00:00Z",
                    "last_seen": "2026-04-02T00:00:00Z",
                    "accounts": sorted(self.stored[cid]),
                    "memberships": [self.stored[cid][a] for a in sorted(self.stored[cid])],
                }
                for cid in params["campaign_ids"]
            ]
        raise AssertionError(f"unexpected query {name}")


def _prev(cid: str, members: set[str], active: bool = True) -> PreviousCampaign:
    return PreviousCampaign(campaign_id=cid, members=frozenset(members), active=active, status="candidate")


def _found(*groups: set[str]) -> DetectionResult:
    return DetectionResult(
        campaigns=[CandidateCampaign(members=dict.fromkeys(g, 0.9), score=0.8, features={}) for g in groups],
        params={},
        timings={"projection": 0.1},
        graph={"projected_accounts": 7},
    )


@pytest.fixture
def scoped(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Replaces the pipeline's stages; records the scope and seeds they were given."""
    seen: list[dict[str, Any]] = []

    def detect(
        runner: object, params: object, previous: object, scope: object = None, platform: object = None
    ) -> DetectionResult:
        # The baselines read for the region are handed on, not read a second time.
        assert platform is not None
        seen.append({"previous": previous, "scope": cast(Scope, scope)})
        # The region's campaign grew by the new account n1; recruiting also reached c1, a carried member.
        return _found({"a1", "a2", "a3", "n1", "c1"})

    monkeypatch.setattr(incremental, "detect_campaigns", detect)
    return seen


def test_scope_is_the_changes_and_the_campaigns_they_or_their_partners_touch(
    scoped: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # n1 (new) pairs with a1 and x9; a2 and a3, of a1's campaign, pair with each other.
    graph = _Graph(
        neighbours={"n1": {"a1", "x9"}, "a2": {"a3"}}, stored={"C-0000000b": {"c1": 0.8, "c2": 0.6}}
    )
    previous = [
        _prev("C-0000000a", {"a1", "a2", "a3"}),
        _prev("C-0000000b", {"c1", "c2"}),
        _prev("C-0000000c", {"x9", "z1"}, active=False),  # inactive: never pulled in
    ]
    result = incremental.detect_incremental(cast(SyncGdsRunner, graph), DetectionParams(), previous, ["n1"])
    # x9 is a partner of the change but in no active campaign: only its pairs with n1 are projected.
    assert scoped[0]["scope"] == Scope(frozenset({"n1"}), (frozenset({"a1", "a2", "a3"}),))
    # The pairs read to find the touched campaigns go on to the projection instead of being read again.
    handed = scoped[0]["scope"].changed_pairs
    assert handed is not None
    assert handed.accounts() == {"n1", "a1", "x9"}
    # So are the pairs inside the touched campaign, made from the groups its members' read added.
    inside = scoped[0]["scope"].campaign_pairs
    assert inside is not None
    assert list(zip(inside.source, inside.target, strict=True)) == [("a2", "a3")]
    # The changes' entities first; the campaign touched through a partner adds only its members' entities.
    assert graph.regions == [["n1"], ["a1", "a2", "a3"]]
    assert scoped[0]["previous"]["a1"] == scoped[0]["previous"]["a2"]  # seeded with the previous campaigns
    assert result.graph["region_accounts"] == 4
    assert result.graph["partner_accounts"] == 2
    assert result.graph["changed_accounts"] == 1
    assert (result.graph["campaigns_recomputed"], result.graph["campaigns_carried"]) == (1, 1)
    members = sorted(sorted(c.members) for c in result.campaigns)
    # The carried campaign is unchanged, and keeps c1: recruiting does not take its members away.
    assert members == [["a1", "a2", "a3", "n1"], ["c1", "c2"]]
    carried = next(c for c in result.campaigns if "c2" in c.members)
    assert carried.members == {"c1": 0.8, "c2": 0.6}
    assert (carried.score, carried.capability, carried.features) == (0.7, "reasoning_cot", {"volume": 0.5})


def test_nothing_changed_carries_every_campaign_over_without_running_the_stages(
    scoped: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    graph = _Graph(
        neighbours={}, stored={"C-000000aa": {"a1": 1.0, "a2": 1.0}, "C-000000bb": {"b1": 0.5, "b2": 0.5}}
    )
    previous = [_prev("C-000000aa", {"a1", "a2"}), _prev("C-000000bb", {"b1", "b2"})]
    result = incremental.detect_incremental(cast(SyncGdsRunner, graph), None, previous, [])
    assert scoped == []
    assert sorted(sorted(c.members) for c in result.campaigns) == [["a1", "a2"], ["b1", "b2"]]
    assert graph.regions == []


def test_a_touched_campaign_the_recompute_no_longer_finds_is_kept_not_dropped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The region's recompute finds a new group and only one member of the touched campaign.
    monkeypatch.setattr(
        incremental, "detect_campaigns", lambda *a, **k: _found({"n1", "n2", "n3", "n4", "a1"})
    )
    graph = _Graph(neighbours={"n1": {"a1"}}, stored={"C-0000000a": {"a1": 0.9, "a2": 0.9, "a3": 0.9}})
    previous = [_prev("C-0000000a", {"a1", "a2", "a3"})]
    result = incremental.detect_incremental(cast(SyncGdsRunner, graph), None, previous, ["n1"])
    assert sorted(sorted(c.members) for c in result.campaigns) == [
        ["a1", "a2", "a3"],
        ["n1", "n2", "n3", "n4"],
    ]
    assert result.graph["campaigns_kept_unfound"] == 1

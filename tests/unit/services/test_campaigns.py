"""Campaign reads and decisions: filters and sort travel as parameters, never as Cypher text."""

from __future__ import annotations

import pytest

from app.domain.vocabulary import CampaignStatus
from app.services import campaigns
from app.services.campaigns import CampaignFilter, SharedKind
from tests.unit.fakes import FakeRunner


async def test_page_sends_every_filter_field_and_the_window(fake: FakeRunner) -> None:
    fake.answer(
        "api/campaigns_page", [{"campaign": {"campaign_id": "c1"}}, {"campaign": {"campaign_id": "c2"}}]
    )
    where = CampaignFilter(statuses=["confirmed"], min_score=0.5, min_size=3, actor_id="apt-28")
    rows = await campaigns.page(fake, where, "size", True, 40, 21)
    assert [r["campaign_id"] for r in rows] == ["c1", "c2"]
    assert fake.only_call().params == {
        "statuses": ["confirmed"],
        "min_score": 0.5,
        "max_score": None,
        "capability": None,
        "active": None,
        "min_size": 3,
        "actor_id": "apt-28",
        "sort": "size",
        "desc": True,
        "skip": 40,
        "limit": 21,
    }


async def test_an_unknown_sort_field_is_refused_before_any_query(fake: FakeRunner) -> None:
    with pytest.raises(ValueError, match="unknown sort field"):
        await campaigns.page(fake, CampaignFilter(), "score; DROP", False, 0, 10)
    assert fake.calls == []


async def test_aggregate_uses_the_same_filter_and_defaults_to_zero(fake: FakeRunner) -> None:
    assert await campaigns.aggregate(fake, CampaignFilter(active=True)) == {"total": 0}
    assert fake.only_call().params["active"] is True


@pytest.mark.parametrize("kind", list(SharedKind))
async def test_each_shared_kind_reads_its_own_query(fake: FakeRunner, kind: SharedKind) -> None:
    await campaigns.shared_entities(fake, "c1", kind, 15)
    call = fake.only_call()
    assert (call.name, call.params) == (f"api/campaign_{kind.value}", {"campaign_id": "c1", "limit": 15})


async def test_members_of_an_unknown_campaign_are_none(fake: FakeRunner) -> None:
    assert await campaigns.members(fake, "nope", 0, 20) == (0, [])
    fake.answer("api/campaign_members", [{"total": "2", "rows": [{"account_id": "a"}]}])
    assert await campaigns.members(fake, "c1", 20, 20) == (2, [{"account_id": "a"}])
    assert fake.calls[-1].params == {"campaign_id": "c1", "skip": 20, "limit": 20}


async def test_lineage_of_a_campaign_without_one_is_empty(fake: FakeRunner) -> None:
    assert await campaigns.lineage(fake, "c1") == {"parents": [], "children": []}


async def test_decide_returns_the_updated_campaign_or_none(fake: FakeRunner) -> None:
    assert await campaigns.decide(fake, "nope", CampaignStatus.DISMISSED, "ana", None) is None
    fake.answer("api/campaign_decide", [{"campaign": {"campaign_id": "c1", "status": "confirmed"}}])
    row = await campaigns.decide(fake, "c1", CampaignStatus.CONFIRMED, "ana", "seen before")
    assert row == {"campaign_id": "c1", "status": "confirmed"}
    assert fake.calls[-1].params == {
        "campaign_id": "c1",
        "status": "confirmed",
        "kind": "confirm",  # the case history's record of it
        "by": "ana",
        "note": "seen before",
    }
    with pytest.raises(ValueError, match="not a decision"):
        await campaigns.decide(fake, "c1", CampaignStatus.CANDIDATE, "ana", None)


async def test_history_reads_a_page_and_its_total(fake: FakeRunner) -> None:
    assert await campaigns.history(fake, "nope", 0, 20) == (0, [])
    fake.answer("api/campaign_history", [{"total": 3, "rows": [{"decision_id": "d3", "kind": "label"}]}])
    assert await campaigns.history(fake, "c1", 2, 1) == (3, [{"decision_id": "d3", "kind": "label"}])
    assert fake.calls[-1].params == {"campaign_id": "c1", "skip": 2, "limit": 1}


async def test_by_ids_and_the_per_campaign_reads(fake: FakeRunner) -> None:
    fake.answer("api/campaigns_by_ids", [{"campaign": {"campaign_id": "c2"}}])
    assert await campaigns.by_ids(fake, ["c1", "c2"]) == {"c2": {"campaign_id": "c2"}}
    await campaigns.templates(fake, "c2", 5)
    await campaigns.capabilities(fake, "c2")
    await campaigns.timeline(fake, "c2")
    assert fake.names()[1:] == [
        "api/campaign_templates",
        "api/campaign_capabilities",
        "api/campaign_timeline",
    ]

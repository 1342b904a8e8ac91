"""Vocabularies: the values the graph stores, and one Cypher file per label entity kind."""

from __future__ import annotations

from pathlib import Path

from app.domain.vocabulary import (
    CAPABILITIES,
    DECIDED_CAMPAIGN_STATUSES,
    IP_TYPES,
    CampaignStatus,
    LabelEntity,
)

CYPHER = Path(__file__).resolve().parents[3] / "cypher"


def test_every_label_entity_has_its_load_and_api_query() -> None:
    load = {p.stem.removeprefix("labels_") for p in (CYPHER / "load").glob("labels_*.cypher")}
    api = {p.stem.removeprefix("label_") for p in (CYPHER / "api").glob("label_*.cypher")}
    assert load == api == {e.value for e in LabelEntity}


def test_decided_statuses() -> None:
    assert {CampaignStatus.CONFIRMED, CampaignStatus.DISMISSED} == DECIDED_CAMPAIGN_STATUSES
    assert CampaignStatus.CANDIDATE not in DECIDED_CAMPAIGN_STATUSES
    assert "confirmed" in DECIDED_CAMPAIGN_STATUSES  # read back from the graph as plain text


def test_capabilities_and_ip_types_are_distinct_lower_case_words() -> None:
    assert len(set(CAPABILITIES)) == len(CAPABILITIES)
    assert CAPABILITIES[-1] == "other"
    for value in (*CAPABILITIES, *IP_TYPES):
        assert type(value) is str or isinstance(value, str)
        assert value == value.lower().strip()
    assert "unknown" in IP_TYPES

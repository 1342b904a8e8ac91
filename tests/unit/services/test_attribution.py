"""Attribution lookups over canned rows: which query per item kind, and how rows become verdicts."""

from __future__ import annotations

from typing import Any

import pytest

from app.services import attribution
from app.services.attribution import ItemKind
from tests.unit.fakes import FakeRunner

APT = {"actor_id": "apt-28", "name": "APT 28"}
FIN = {"actor_id": "fin-7", "name": "FIN 7"}


def _edge(actor: dict[str, Any], **edge: Any) -> dict[str, Any]:
    return {"actor": actor, "edge": edge, "labels": [], "priors": []}


def _account_row() -> dict[str, Any]:
    return {
        "entities": [{"kind": "ip", "key": "192.0.2.1"}],
        "labels": [],
        "scanned": 3,
        "degree": 2,
        "campaigns": [
            {
                "campaign": {
                    "campaign_id": "c1",
                    "evidence": '[{"kind": "ip", "key": "192.0.2.1", "accounts": 5, "weight": 0.8}]',
                },
                "membership": 0.5,
                "attributions": [
                    _edge(APT, confidence=0.6, source="auto", status="proposed"),
                    _edge(FIN, confidence=0.9, source="analyst", status="rejected"),
                ],
            }
        ],
    }


async def test_account_lookup_reads_its_query_with_the_evidence_bounds(fake: FakeRunner) -> None:
    fake.answer("api/attribution_account", [_account_row()])
    result = await attribution.lookup(fake, ItemKind.ACCOUNT, "a1", scan=500)
    call = fake.only_call()
    assert (call.name, call.method) == ("api/attribution_account", "fetch_one_plain")
    assert call.params["key"] == "a1"
    assert call.params["evidence_limit"] == attribution.EVIDENCE_LIMIT
    assert result.found
    assert (result.scanned, result.degree) == (3, 2)


async def test_a_rejected_claim_never_counts(fake: FakeRunner) -> None:
    fake.answer("api/attribution_account", [_account_row()])
    result = await attribution.lookup(fake, ItemKind.ACCOUNT, "a1", scan=500)
    [hit] = result.campaigns
    assert [c.actor["actor_id"] for c in hit.claims] == ["apt-28"]
    # One proposal at 0.6 through a membership of 0.5.
    assert [(v.actor["actor_id"], v.confidence) for v in result.verdicts] == [("apt-28", 0.3)]
    assert result.actor_evidence is not None
    assert set(result.actor_evidence) == {("c1", "apt-28")}


async def test_the_account_path_names_the_shared_entity(fake: FakeRunner) -> None:
    fake.answer("api/attribution_account", [_account_row()])
    result = await attribution.lookup(fake, ItemKind.ACCOUNT, "a1", scan=500)
    kinds = [p.kind for p in result.campaigns[0].item_evidence]
    assert kinds == ["membership", "shared_entity"]
    assert result.campaigns[0].item_evidence[1].strength == 0.8


@pytest.mark.parametrize("kind", [k for k in ItemKind if k is not ItemKind.ACCOUNT])
async def test_other_kinds_read_their_own_query(fake: FakeRunner, kind: ItemKind) -> None:
    result = await attribution.lookup(fake, kind, "k" * 64, scan=500)
    assert fake.only_call().name == f"api/attribution_{kind.value}"
    assert fake.only_call().params["scan"] == 500
    assert not result.found
    assert result.actor_evidence is None


async def test_an_unknown_instrument_shows_only_its_key_prefix(fake: FakeRunner) -> None:
    result = await attribution.lookup(fake, ItemKind.INSTRUMENT, "f" * 64, scan=10)
    assert result.key == "f" * attribution.KEY_PREFIX_LEN


def test_an_analyst_confirmation_ranks_first_with_full_confidence() -> None:
    claims = attribution.claims_from(
        "c1",
        [
            _edge(APT, confidence=0.95, source="auto", status="proposed"),
            _edge(FIN, confidence=0.2, source="analyst", status="confirmed", decided_by="ana"),
        ],
    )
    assert [(c.actor["actor_id"], c.confidence) for c in claims] == [("fin-7", 1.0), ("apt-28", 0.95)]


def test_verdicts_combine_independent_claims_by_noisy_or() -> None:
    hit = attribution.CampaignHit(
        campaign={"campaign_id": "c1"},
        membership=None,
        shared=1,
        sample=[],
        claims=attribution.claims_from("c1", [_edge(APT, confidence=0.5, source="auto")]),
        item_evidence=[],
    )
    [verdict] = attribution.verdicts([hit], [{"actor": APT, "edge": {"confidence": 0.5}}])
    assert verdict.confidence == 0.75
    assert verdict.labelled
    assert not verdict.confirmed


async def test_claims_by_campaigns_keeps_campaigns_without_any(fake: FakeRunner) -> None:
    fake.answer(
        "api/attributions_by_campaigns",
        [{"campaign_id": "c1", "actor": APT, "edge": {"confidence": 0.4, "status": "proposed"}}],
    )
    found = await attribution.claims_by_campaigns(fake, ["c1", "c2"])
    assert [c.actor["actor_id"] for c in found["c1"]] == ["apt-28"]
    assert found["c2"] == []


async def test_actor_evidence_sends_pairs_as_maps(fake: FakeRunner) -> None:
    out = await attribution.actor_evidence(fake, [("c1", "apt-28")], {})
    assert fake.only_call().params == {
        "pairs": [{"campaign_id": "c1", "actor_id": "apt-28"}],
        "limit": attribution.EVIDENCE_LIMIT,
    }
    assert out == {("c1", "apt-28"): []}


async def test_a_decision_on_a_missing_pair_is_none(fake: FakeRunner) -> None:
    assert await attribution.confirm(fake, "c1", "nobody", "ana", None) is None
    fake.answer(
        "api/attribution_reject",
        [{"actor": APT, "edge": {"confidence": 0.7, "source": "analyst", "status": "rejected"}}],
    )
    claim = await attribution.reject(fake, "c1", "apt-28", "ana", "wrong actor")
    assert claim is not None
    assert (claim.status, claim.source, claim.confidence) == ("rejected", "analyst", 0.7)
    assert fake.calls[-1].params == {
        "campaign_id": "c1",
        "actor_id": "apt-28",
        "kind": "reject_attribution",
        "by": "ana",
        "note": "wrong actor",
    }

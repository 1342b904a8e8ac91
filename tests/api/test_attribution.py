"""Attribution: a campaign tied to a labelled actor is attributed, an unlabelled one is not, analysts win."""

from __future__ import annotations

import pytest

from . import graphdata as g
from .conftest import Api, Keys, data, error_messages

pytestmark = pytest.mark.asyncio(loop_scope="session")

ATTRIBUTION = """
query($account: ID, $ip: String, $instrument: String, $template: ID, $emailDomain: String) {
  attribution(account: $account, ip: $ip, instrument: $instrument, template: $template, emailDomain:
      $emailDomain) {
    kind key found scannedAccounts accountCount
    labels { actorId confidence }
    actors { actor { id } confidence campaignIds labelled confirmed }
    campaigns {
      campaign { id status }
      confidence membership sharedAccounts
      itemEvidence { kind summary nodes { label key } relationships strength }
      actors {
        actor { id } confidence source status decidedBy
        evidence { kind summary nodes { label key } relationships strength }
      }
    }
  }
}"""


async def test_labelled_campaign_is_attributed_with_evidence(
    api: Api, keys: Keys, planted: dict[str, str]
) -> None:
    body = await api.gql(ATTRIBUTION, keys.viewer, account="a003")
    a = data(body)["attribution"]
    assert a["found"]
    assert a["kind"] == "account"
    assert a["key"] == "a003"
    [hit] = a["campaigns"]
    assert hit["campaign"]["id"] == "C-00000001"
    assert hit["membership"] == 0.9
    assert hit["confidence"] == 0.9
    # Item -> campaign: membership plus the campaign's evidence entities this account uses.
    kinds = {(p["kind"], p["nodes"][1]["key"]) for p in hit["itemEvidence"]}
    assert ("membership", "C-00000001") in kinds
    assert ("shared_entity", planted["hydra_key"][:12]) in kinds
    assert ("shared_entity", g.HYDRA_TEMPLATE) in kinds
    assert ("shared_entity", "203.0.113.0/24") in kinds
    # Campaign -> actor: the detection proposal, the labelled card, the actor's confirmed prior campaign.
    [claim] = hit["actors"]
    assert claim["actor"]["id"] == "hydra-labs"
    assert claim["source"] == "auto"
    assert claim["confidence"] == 0.85
    by_kind = {p["kind"]: p for p in claim["evidence"]}
    assert set(by_kind) == {"detection", "label", "prior_campaign"}
    label = by_kind["label"]
    assert [n["label"] for n in label["nodes"]] == ["Campaign", "Account", "PaymentInstrument", "Actor"]
    assert label["nodes"][2]["key"] == planted["hydra_key"][:12]
    assert label["strength"] == 0.9
    prior = by_kind["prior_campaign"]
    assert [n["key"] for n in prior["nodes"]] == ["C-00000001", g.HYDRA_TEMPLATE, "C-00000003", "hydra-labs"]
    # Combined verdict: the proposal weighted by membership.
    [verdict] = a["actors"]
    assert verdict["actor"]["id"] == "hydra-labs"
    assert verdict["campaignIds"] == ["C-00000001"]
    assert verdict["confidence"] == pytest.approx(0.85 * 0.9)
    assert planted["hydra_key"] not in str(body)
    assert g.HYDRA_TOKEN not in str(body)


async def test_unlabelled_campaign_is_not_attributed(api: Api, keys: Keys) -> None:
    a = data(await api.gql(ATTRIBUTION, keys.viewer, account="b002"))["attribution"]
    assert [h["campaign"]["id"] for h in a["campaigns"]] == ["C-00000002"]
    assert a["campaigns"][0]["actors"] == []
    assert a["actors"] == []
    ip = data(await api.gql(ATTRIBUTION, keys.viewer, ip=g.BLUE_IP))["attribution"]
    assert ip["campaigns"][0]["sharedAccounts"] == 8
    assert ip["campaigns"][0]["confidence"] == 1.0  # all 8 of the campaign's 8 accounts
    assert ip["actors"] == []
    assert ip["accountCount"] == 8


async def test_entities_resolve_to_their_campaigns(api: Api, keys: Keys, planted: dict[str, str]) -> None:
    inst = await api.gql(ATTRIBUTION, keys.viewer, instrument=g.HYDRA_TOKEN)
    a = data(inst)["attribution"]
    assert a["key"] == planted["hydra_key"][:12]
    assert g.HYDRA_TOKEN not in str(inst)
    assert a["labels"] == [{"actorId": "hydra-labs", "confidence": 0.9}]
    [verdict] = a["actors"]
    # Independent evidence combines: 1 - (1 - 0.85)(1 - 0.9).
    assert verdict["labelled"]
    assert verdict["confidence"] == pytest.approx(1 - 0.15 * 0.1)
    path = a["campaigns"][0]["itemEvidence"][0]
    assert [n["label"] for n in path["nodes"]] == ["PaymentInstrument", "Account", "Campaign"]
    assert path["relationships"] == ["<-[:PAID_WITH]-", "-[:IN_CAMPAIGN]->"]

    tpl = data(await api.gql(ATTRIBUTION, keys.viewer, template=g.HYDRA_TEMPLATE))["attribution"]
    assert [h["campaign"]["id"] for h in tpl["campaigns"]] == ["C-00000001"]
    dom = data(await api.gql(ATTRIBUTION, keys.viewer, emailDomain="Hydra.Example"))["attribution"]
    assert dom["key"] == "hydra.example"
    assert dom["campaigns"][0]["sharedAccounts"] == 12
    # The popular template touches both campaigns; bridge IP: one member of each.
    bridge = data(await api.gql(ATTRIBUTION, keys.viewer, ip=g.BRIDGE_IP))["attribution"]
    assert {h["campaign"]["id"] for h in bridge["campaigns"]} == {"C-00000001", "C-00000002"}
    missing = data(await api.gql(ATTRIBUTION, keys.viewer, account="nobody"))["attribution"]
    assert missing["found"] is False
    assert missing["campaigns"] == []


async def test_exactly_one_item(api: Api, keys: Keys) -> None:
    both = await api.gql(ATTRIBUTION, keys.viewer, account="a001", ip=g.BLUE_IP)
    none = await api.gql(ATTRIBUTION, keys.viewer)
    for body in (both, none):
        assert error_messages(body) == ["give exactly one of account, ip, instrument, template, emailDomain"]


async def test_analyst_override_wins_and_rejection_sticks(api: Api, keys: Keys) -> None:
    m = """mutation($c: ID!, $a: ID!, $note: String) { attributeCampaign(campaignId: $c, actorId: $a,
        note: $note) {
      actor { id } source status confidence decidedBy decidedAt note } }"""
    claim = data(
        await api.gql(m, keys.analyst, c="C-00000001", a="quiet-fox", note="same operator as case 17")
    )
    claim = claim["attributeCampaign"]
    assert claim["source"] == "analyst"
    assert claim["status"] == "confirmed"
    assert claim["confidence"] == 1.0
    assert claim["decidedBy"] == "ana-analyst"
    assert claim["decidedAt"]
    assert claim["note"] == "same operator as case 17"

    a = data(await api.gql(ATTRIBUTION, keys.viewer, account="a003"))["attribution"]
    assert [c["actor"]["id"] for c in a["campaigns"][0]["actors"]] == ["quiet-fox", "hydra-labs"]
    assert a["actors"][0]["actor"]["id"] == "quiet-fox"
    assert a["actors"][0]["confirmed"]
    decision = a["campaigns"][0]["actors"][0]["evidence"][0]
    assert decision["kind"] == "analyst_decision"
    assert "ana-analyst" in decision["summary"]

    r = """mutation($c: ID!, $a: ID!) { rejectAttribution(campaignId: $c, actorId: $a, note: "not them") {
      status source decidedBy } }"""
    rejected = data(await api.gql(r, keys.analyst, c="C-00000001", a="hydra-labs"))["rejectAttribution"]
    assert rejected == {"status": "rejected", "source": "analyst", "decidedBy": "ana-analyst"}
    after = data(await api.gql(ATTRIBUTION, keys.viewer, account="a003"))["attribution"]
    assert [c["actor"]["id"] for c in after["campaigns"][0]["actors"]] == ["quiet-fox"]
    assert [v["actor"]["id"] for v in after["actors"]] == ["quiet-fox"]
    missing = await api.gql(m, keys.analyst, c="C-00000001", a="nobody")
    assert error_messages(missing) == ["no such campaign or actor"]

"""Every query over HTTP against the planted graph."""

from __future__ import annotations

import pytest

from . import graphdata as g
from .conftest import Api, Keys, data, error_messages

pytestmark = pytest.mark.asyncio(loop_scope="session")

CAMPAIGNS = """
query($where: CampaignWhere, $sort: CampaignSort, $first: Int, $after: String) {
  campaigns(where: $where, sort: $sort, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id status score size } }
    aggregate { count byStatus { status count } minScore maxScore avgScore totalAccounts }
  }
}"""


async def test_campaigns_connection_sorts_pages_and_aggregates(api: Api, keys: Keys) -> None:
    first = data(await api.gql(CAMPAIGNS, keys.viewer, first=2))["campaigns"]
    assert [e["node"]["id"] for e in first["edges"]] == ["C-00000001", "C-00000003"]  # score desc
    assert first["totalCount"] == 3
    assert first["pageInfo"]["hasNextPage"] is True
    agg = first["aggregate"]
    assert agg["count"] == 3
    assert agg["totalAccounts"] == 12 + 8 + 3
    assert {s["status"]: s["count"] for s in agg["byStatus"]} == {
        "CANDIDATE": 2,
        "CONFIRMED": 1,
        "DISMISSED": 0,
    }
    assert agg["minScore"] == pytest.approx(0.64)
    assert agg["maxScore"] == pytest.approx(0.91)

    rest = data(await api.gql(CAMPAIGNS, keys.viewer, first=2, after=first["pageInfo"]["endCursor"]))[
        "campaigns"
    ]
    assert [e["node"]["id"] for e in rest["edges"]] == ["C-00000002"]
    assert rest["pageInfo"]["hasNextPage"] is False
    assert rest["pageInfo"]["hasPreviousPage"] is True

    by_size = data(await api.gql(CAMPAIGNS, keys.viewer, sort={"field": "SIZE", "direction": "ASC"}))
    assert [e["node"]["size"] for e in by_size["campaigns"]["edges"]] == [3, 8, 12]


async def test_campaign_filters(api: Api, keys: Keys) -> None:
    confirmed = data(await api.gql(CAMPAIGNS, keys.viewer, where={"statusIn": ["CONFIRMED"]}))["campaigns"]
    assert [e["node"]["id"] for e in confirmed["edges"]] == ["C-00000003"]
    assert confirmed["totalCount"] == 1
    hydra = data(await api.gql(CAMPAIGNS, keys.viewer, where={"actorId": "hydra-labs", "minScore": 0.8}))
    assert [e["node"]["id"] for e in hydra["campaigns"]["edges"]] == ["C-00000001"]


async def test_page_size_is_capped_by_the_server(make_api: object, keys: Keys) -> None:
    small = await make_api(api_max_page_size=1)  # type: ignore[operator]
    page = data(await small.gql(CAMPAIGNS, keys.viewer, first=1000))["campaigns"]
    assert len(page["edges"]) == 1
    assert page["pageInfo"]["hasNextPage"] is True


async def test_bad_cursor_is_a_domain_error(api: Api, keys: Keys) -> None:
    body = await api.gql(CAMPAIGNS, keys.viewer, after="not-a-cursor")
    assert error_messages(body) == ["invalid cursor"]


CAMPAIGN = """
query($id: ID!) {
  campaign(id: $id) {
    id status score capability active createdRun
    features { name value }
    evidence { kind key accounts weight }
    members(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { node { membership account
        { id } } } }
    infrastructure {
      ips { key detail sharedAccounts degree strength }
      prefixes { key sharedAccounts }
      asns { key detail sharedAccounts }
      instruments { key detail sharedAccounts degree }
      emailDomains { key sharedAccounts }
    }
    templates { template { id capability } sharedAccounts requests degree strength }
    capabilityProfile { capability requests share accounts }
    timeline { day requests }
    lineage { derivedFrom { campaignId kind } derivedInto { campaignId kind overlap } }
    decision { status decidedBy }
    attribution { actor { id name } confidence source status }
  }
}"""


async def test_campaign_detail(api: Api, keys: Keys, planted: dict[str, str]) -> None:
    c = data(await api.gql(CAMPAIGN, keys.viewer, id="C-00000001"))["campaign"]
    assert c["status"] == "CANDIDATE"
    assert c["active"] is True
    assert c["decision"] is None
    assert {f["name"] for f in c["features"]} == {"volume", "capability_concentration", "hosting_share"}
    instrument_ev = next(e for e in c["evidence"] if e["kind"] == "instrument")
    assert instrument_ev["key"] == planted["hydra_key"][:12]  # never the full key
    members = c["members"]
    assert members["totalCount"] == 12
    assert len(members["edges"]) == 5
    assert members["pageInfo"]["hasNextPage"]
    assert members["edges"][0]["node"]["account"]["id"] == "a001"  # strongest membership first
    infra = c["infrastructure"]
    assert infra["instruments"] == [
        {"key": planted["hydra_key"][:12], "detail": "card", "sharedAccounts": 12, "degree": 12}
    ]
    # The bridge IP is used by one member only and by an outsider: weaker than the hydra IPs.
    assert infra["ips"][-1]["key"] == g.BRIDGE_IP
    assert {i["key"] for i in infra["ips"][:4]} == set(g.HYDRA_IPS)
    assert infra["prefixes"][0] == {"key": "203.0.113.0/24", "sharedAccounts": 12}
    assert infra["asns"][0]["detail"] == "Example Hosting"
    assert infra["emailDomains"] == [{"key": "hydra.example", "sharedAccounts": 12}]
    # The campaign's own template is rare and strong; the popular one (sent by a001 only) ranks last.
    assert c["templates"][0]["template"]["id"] == g.HYDRA_TEMPLATE
    assert c["templates"][-1]["template"]["id"] == g.POPULAR_TEMPLATE
    assert c["templates"][0]["strength"] > c["templates"][-1]["strength"]
    top = c["capabilityProfile"][0]
    assert top["capability"] == "agentic_tool_use"
    assert top["requests"] == 600
    assert top["share"] > 0.99
    # hours DAY0+1, +2 (day 1), +25, +26 (day 2), +49 (day 3): 10 requests each per account.
    assert c["timeline"] == [
        {"day": "2026-05-01", "requests": 12 * 20 + 1},
        {"day": "2026-05-02", "requests": 12 * 20},
        {"day": "2026-05-03", "requests": 12 * 10},
    ]
    assert c["lineage"]["derivedInto"] == [{"campaignId": "C-00000003", "kind": "split", "overlap": 0.25}]
    assert c["attribution"] == [
        {
            "actor": {"id": "hydra-labs", "name": "Hydra Labs"},
            "confidence": 0.85,
            "source": "auto",
            "status": "proposed",
        }
    ]
    split = data(await api.gql(CAMPAIGN, keys.viewer, id="C-00000003"))["campaign"]
    assert split["decision"]["decidedBy"] == "earlier analyst"
    assert split["lineage"]["derivedFrom"][0]["campaignId"] == "C-00000001"
    assert data(await api.gql(CAMPAIGN, keys.viewer, id="C-nope"))["campaign"] is None


async def test_members_pagination_walks_every_member_once(api: Api, keys: Keys) -> None:
    q = """query($after: String) { campaign(id: "C-00000001") {
      members(first: 5, after: $after) { pageInfo { hasNextPage endCursor } edges { node { account { id
          } } } } } }"""
    seen: list[str] = []
    after = None
    while True:
        page = data(await api.gql(q, keys.viewer, after=after))["campaign"]["members"]
        seen += [e["node"]["account"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert sorted(seen) == g.hydra_accounts()
    assert len(seen) == 12


async def test_account_with_neighbourhood(api: Api, keys: Keys, planted: dict[str, str]) -> None:
    q = """query { account(id: "a012") { id emailDomain requests
      neighbourhood { ips { key detail prefix asn degree } instruments { key degree } templates { key detail }
                      emailDomains { key } campaigns { campaign { id } membership } labels { actorId } }
      linkedAccounts(first: 3) { accountId sharedEntities kinds } } }"""
    a = data(await api.gql(q, keys.viewer))["account"]
    n = a["neighbourhood"]
    assert {i["key"] for i in n["ips"]} == {g.HYDRA_IPS[11 % 4], g.BRIDGE_IP}
    assert n["instruments"] == [{"key": planted["hydra_key"][:12], "degree": 12}]
    assert n["campaigns"] == [{"campaign": {"id": "C-00000001"}, "membership": 0.9}]
    linked = a["linkedAccounts"]
    assert len(linked) == 3
    assert all(x["accountId"].startswith("a") for x in linked)
    assert linked[0]["sharedEntities"] >= 3  # instrument, template, email domain (+ maybe IP)
    assert data(await api.gql('query { account(id: "zzz") { id } }', keys.viewer))["account"] is None


async def test_ip_instrument_template_lookups(api: Api, keys: Keys, planted: dict[str, str]) -> None:
    ip = data(
        await api.gql(
            f'query {{ ip(address: "{g.BLUE_IP}") {{ address ipType prefix asn {{ asn org }}'
            " neighbourhood { accountCount accounts { id }"
            " campaigns { campaign { id } sharedAccounts } } } }",
            keys.viewer,
        )
    )["ip"]
    assert ip["ipType"] == "proxy"
    assert ip["prefix"] == "198.51.100.0/24"
    assert ip["asn"]["asn"] == 64501
    assert ip["neighbourhood"]["accountCount"] == 8
    assert ip["neighbourhood"]["campaigns"] == [{"campaign": {"id": "C-00000002"}, "sharedAccounts": 8}]
    assert {a["id"] for a in ip["neighbourhood"]["accounts"]} == set(g.blue_accounts())

    body = await api.gql(
        "query($t: String!) { instrument(id: $t) { keyPrefix instrumentType bin "
        "neighbourhood { accountCount labels { actorId confidence key } } } }",
        keys.viewer,
        t=g.HYDRA_TOKEN,
    )
    inst = data(body)["instrument"]
    assert inst["keyPrefix"] == planted["hydra_key"][:12]
    assert inst["neighbourhood"]["accountCount"] == 12
    assert inst["neighbourhood"]["labels"][0]["actorId"] == "hydra-labs"
    assert g.HYDRA_TOKEN not in str(body)
    assert planted["hydra_key"] not in str(body)
    assert (
        data(await api.gql('query { instrument(id: "unknown") { keyPrefix } }', keys.viewer))["instrument"]
        is None
    )

    t = data(
        await api.gql(
            f'query {{ template(id: "{g.BLUE_TEMPLATE}") {{ id capability '
            "neighbourhood(first: 3) { accountCount accounts { id } campaigns { campaign { id } } } } }",
            keys.viewer,
        )
    )["template"]
    assert t["capability"] == "reasoning_cot"
    assert t["neighbourhood"]["accountCount"] == 8
    assert len(t["neighbourhood"]["accounts"]) == 3

    bad = await api.gql('query { ip(address: "not-an-ip") { address } }', keys.viewer)
    assert error_messages(bad) == ["not an IP address: 'not-an-ip'"]


async def test_path_avoids_supernodes(api: Api, keys: Keys) -> None:
    q = """query($a: ID!, $b: ID!, $n: Int) {
      path(from: $a, to: $b, maxLength: $n) { length nodes { label key } relationships } }"""
    p = data(await api.gql(q, keys.viewer, a="a001", b="b001", n=8))["path"]
    # a001 -card- a012 -bridge IP- b008 -blue IP- b001; via the popular template (a supernode): 2 hops.
    assert p["length"] == 6
    keys_on_path = [n["key"] for n in p["nodes"]]
    assert keys_on_path[0] == "a001"
    assert keys_on_path[-1] == "b001"
    assert g.BRIDGE_IP in keys_on_path
    assert g.POPULAR_TEMPLATE not in keys_on_path
    assert data(await api.gql(q, keys.viewer, a="a001", b="b001", n=4))["path"] is None
    short = data(await api.gql(q, keys.viewer, a="a001", b="a002", n=8))["path"]
    assert short["length"] == 2
    assert short["nodes"][1]["label"] in {
        "PaymentInstrument",
        "PromptTemplate",
        "EmailDomain",
        "IP",
    }
    assert error_messages(await api.gql(q, keys.viewer, a="a001", b="b001", n=99)) == [
        "maxLength must be between 1 and 8"
    ]


async def test_runs_and_actors(api: Api, keys: Keys) -> None:
    runs = data(
        await api.gql(
            "query { detectionRuns { totalCount edges { node { id status params metrics "
            "requestedBy trigger } } } }",
            keys.viewer,
        )
    )["detectionRuns"]
    assert runs["totalCount"] == 1
    node = runs["edges"][0]["node"]
    assert node["status"] == "succeeded"
    assert node["params"] == {"min_shared": 2}
    assert node["metrics"]["modularity"] == 0.71
    actors = data(
        await api.gql("query { actors { totalCount edges { node { id name aliases } } } }", keys.viewer)
    )
    assert [e["node"]["id"] for e in actors["actors"]["edges"]] == ["blue-owl", "hydra-labs", "quiet-fox"]
    owl = data(await api.gql('query { actors(search: "OWL") { edges { node { id } } } }', keys.viewer))
    assert [e["node"]["id"] for e in owl["actors"]["edges"]] == ["blue-owl"]
    hydra = data(
        await api.gql(
            'query { actor(id: "hydra-labs") { campaigns { campaign { id } status source } '
            "labels { entity key confidence } } }",
            keys.viewer,
        )
    )["actor"]
    assert {c["campaign"]["id"] for c in hydra["campaigns"]} == {"C-00000001", "C-00000003"}
    assert hydra["labels"][0]["entity"] == "instrument"
    assert len(hydra["labels"][0]["key"]) == 12

"""The fields the analyst console added: Campaign.graph, me, templatesByText, models; and `/` itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver

from app.api.types import graph as drawing
from loaders.mining.normalise import skeleton, template_id

from . import graphdata as g
from .conftest import Api, Keys, data

pytestmark = pytest.mark.asyncio(loop_scope="session")

GRAPH = """
query($id: ID!, $accounts: Int) {
  campaign(id: $id) {
    graph(maxAccounts: $accounts) {
      totalAccounts shownAccounts truncated
      nodes { id kind key count sharedAccounts strength supernode labels { actorId createdBy } }
      edges { source target kind }
    }
  }
}"""


async def test_campaign_graph_draws_members_and_shared_entities_strongest_first(api: Api, keys: Keys) -> None:
    drawn = data(await api.gql(GRAPH, keys.viewer, id="C-00000001"))["campaign"]["graph"]
    assert (drawn["totalAccounts"], drawn["shownAccounts"], drawn["truncated"]) == (12, 12, False)
    kinds = {n["kind"] for n in drawn["nodes"]}
    assert {"account", "instrument", "template", "email_domain", "ip"} <= kinds
    entities = [n for n in drawn["nodes"] if n["kind"] != "account"]
    strengths = [n["strength"] for n in entities]
    assert strengths == sorted(strengths, reverse=True)
    instrument = next(n for n in entities if n["kind"] == "instrument")
    assert len(instrument["key"]) == 12  # only the keyed hash's prefix, as everywhere in the API
    assert instrument["labels"][0]["actorId"] == "hydra-labs"
    ids = {n["id"] for n in drawn["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in drawn["edges"])
    assert sum(1 for e in drawn["edges"] if e["target"] == instrument["id"]) == 12


async def test_campaign_graph_is_bounded_and_collapses_supernodes(
    api: Api, keys: Keys, driver: Driver
) -> None:
    drawn = data(await api.gql(GRAPH, keys.viewer, id="C-00000001", accounts=5))["campaign"]["graph"]
    assert (drawn["shownAccounts"], drawn["truncated"]) == (5, True)
    more = next(n for n in drawn["nodes"] if n["kind"] == "more")
    assert more["count"] == 7
    with driver.session() as s:  # every hydra account also sends the popular template (1,100+ users)
        s.run(
            "MATCH (a:Account) WHERE a.account_id STARTS WITH 'a0' "
            "MATCH (t:PromptTemplate {template_id: $t}) MERGE (a)-[:SENT {requests: 1}]->(t)",
            t=g.POPULAR_TEMPLATE,
        ).consume()
    drawn = data(await api.gql(GRAPH, keys.viewer, id="C-00000001"))["campaign"]["graph"]
    popular = next(n for n in drawn["nodes"] if n["key"] == g.POPULAR_TEMPLATE)
    assert popular["supernode"] is True
    assert popular["count"] > drawing.SUPERNODE_DEGREE
    assert popular["sharedAccounts"] == 12
    assert sum(1 for e in drawn["edges"] if e["target"] == popular["id"]) == drawing.SUPERNODE_EDGES


async def test_me_names_the_key_and_its_role(api: Api, keys: Keys) -> None:
    assert data(await api.gql("{ me { name role } }", keys.viewer))["me"] == {
        "name": "vera-viewer",
        "role": "viewer",
    }
    assert data(await api.gql("{ me { role } }", keys.analyst))["me"]["role"] == "analyst"
    assert (await api.post("{ me { role } }", keys.revoked)).status_code == 401


async def test_templates_by_pasted_prompt_text(api: Api, keys: Keys, driver: Driver) -> None:
    seen = "Refactor module 17 of https://git.example/x so that every function has tests; reply in JSON"
    skel = skeleton(seen)
    with driver.session() as s:  # stored the way the loader stores a template: masked, id from the skeleton
        s.run(
            "CREATE (:PromptTemplate {template_id: $id, text: $text, capability: 'code', requests: 9})",
            id=template_id(skel),
            text=skel,
        ).consume()
    query = "query($t: String!) { templatesByText(text: $t) { id } }"
    pasted = "refactor MODULE 4 of https://other.example/y so that every function has tests; reply in JSON"
    assert [t["id"] for t in data(await api.gql(query, keys.viewer, t=pasted))["templatesByText"]] == [
        template_id(skel)
    ]
    # A near duplicate (merged under one canonical text by the loader) still finds it by its beginning.
    near = "Refactor module 3 of https://git.example/z so that every function has tests, then stop"
    assert [t["id"] for t in data(await api.gql(query, keys.viewer, t=near))["templatesByText"]] == [
        template_id(skel)
    ]
    assert data(await api.gql(query, keys.viewer, t="nothing like any template"))["templatesByText"] == []


async def test_models_by_first_request(api: Api, keys: Keys, driver: Driver) -> None:
    with driver.session() as s:
        s.run(
            "CREATE (:Model {name: 'old-1', first_seen: datetime('2026-01-01T00:00:00Z')}), "
            "(:Model {name: 'new-2', first_seen: datetime('2026-05-02T00:00:00Z')})"
        ).consume()
    models = data(await api.gql("{ models { name firstSeen } }", keys.viewer))["models"]
    assert [m["name"] for m in models] == ["old-1", "new-2"]
    assert models[1]["firstSeen"].startswith("2026-05-02")


async def test_root_serves_the_console_or_says_how_to_build_it(api: Api, make_api: object) -> None:
    missing: Api = await make_api(console_dir=Path("/nonexistent-console"))  # type: ignore[operator]
    page = await missing.client.get("/")
    assert page.status_code == 503
    assert "make install" in page.text
    assert "Content-Security-Policy" in page.headers


async def test_responses_over_a_kilobyte_are_gzipped(
    api: Api, keys: Keys, make_api: object, tmp_path: Path
) -> None:
    body = {"query": GRAPH, "variables": {"id": "C-00000001"}}
    auth = {"Authorization": f"Bearer {keys.viewer}"}
    big = await api.client.post("/graphql", json=body, headers={**auth, "Accept-Encoding": "gzip"})
    assert big.status_code == 200
    assert big.headers["content-encoding"] == "gzip"
    assert "accept-encoding" in big.headers["vary"].lower()
    assert big.num_bytes_downloaded < len(big.content) / 3  # JSON of ids and kinds compresses well
    assert data(big.json())["campaign"]["graph"]["totalAccounts"] == 12
    plain = await api.client.post("/graphql", json=body, headers={**auth, "Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert plain.json() == big.json()
    small = await api.client.post(
        "/graphql", json={"query": "{ me { name } }"}, headers={**auth, "Accept-Encoding": "gzip"}
    )
    assert "content-encoding" not in small.headers  # under the 1 KB floor: not worth a gzip header

    # The console's static files too, security headers kept.
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><title>x</title>")
    (tmp_path / "assets" / "app-1234.js").write_text("const linkwatch = 1;\n" * 500)
    served: Api = await make_api(console_dir=tmp_path)  # type: ignore[operator]
    script = await served.client.get("/assets/app-1234.js", headers={"Accept-Encoding": "gzip"})
    assert script.status_code == 200
    assert script.headers["content-encoding"] == "gzip"
    assert script.text == "const linkwatch = 1;\n" * 500
    assert "Content-Security-Policy" in script.headers

"""The analyst console in a real browser: sign-in, search, the campaign drawing, decisions, bulk lookup."""

from __future__ import annotations

import base64
import csv
import io

from neo4j import Driver
from playwright.sync_api import Page, expect

from tests.api import graphdata as g

from .conftest import SCREENSHOTS, Console

# Decodes a screenshot in the page itself (no imaging library needed here) and counts pixels that are
# not the canvas's white background.
COUNT_INK = """async (b64) => {
  const img = new Image();
  img.src = "data:image/png;base64," + b64;
  await img.decode();
  const c = document.createElement("canvas");
  c.width = img.width; c.height = img.height;
  const ctx = c.getContext("2d");
  ctx.drawImage(img, 0, 0);
  const px = ctx.getImageData(0, 0, c.width, c.height).data;
  let ink = 0;
  for (let i = 0; i < px.length; i += 4) if (px[i] < 235 || px[i + 1] < 235 || px[i + 2] < 235) ink++;
  return ink;
}"""


def sign_in(page: Page, key: str) -> None:
    page.goto("/")
    page.get_by_label("API key").fill(key)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("input[type=search]")).to_be_visible()


def open_campaign(page: Page, campaign_id: str) -> None:
    page.goto(f"/#/campaign/{campaign_id}")
    expect(page.locator("#campaign-id")).to_have_text(campaign_id)
    expect(page.locator("#graph")).to_have_attribute("data-rendered", "true")


def key_left_no_trace(page: Page, key: str) -> None:
    assert key not in page.url
    assert page.evaluate("JSON.stringify(Object.assign({}, localStorage))") == "{}"
    assert page.evaluate("document.cookie") == ""


def test_wrong_and_revoked_keys_never_reach_search(page: Page, console: Console) -> None:
    for key in ("lw_nope_notakey", console.keys.revoked):
        page.goto("/")
        page.get_by_label("API key").fill(key)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("alert")).to_contain_text("not accepted")
        expect(page.locator("input[type=search]")).to_have_count(0)
        assert page.evaluate("sessionStorage.length") == 0


def test_search_leads_to_the_campaign_drawn_on_a_canvas(page: Page, console: Console) -> None:
    sign_in(page, console.keys.viewer)
    key_left_no_trace(page, console.keys.viewer)
    assert page.evaluate("sessionStorage.length") == 1

    search = page.locator("input[type=search]")
    search.fill("a003")
    search.press("Enter")
    hit = page.locator(".hit[data-kind=account]")
    expect(hit).to_contain_text("C-00000001")
    expect(hit).to_contain_text("Hydra Labs")
    hit.get_by_role("link", name="C-00000001").click()

    expect(page).to_have_url(f"{console.url}/#/campaign/C-00000001")
    expect(page.locator("#graph")).to_have_attribute("data-rendered", "true")
    graph = page.locator("#graph")
    assert int(graph.get_attribute("data-graph-order") or 0) > 12  # 12 accounts and what they share
    assert int(graph.get_attribute("data-graph-size") or 0) > 12
    shot = graph.screenshot()
    assert page.evaluate(COUNT_INK, base64.b64encode(shot).decode()) > 500
    for field, text in (("score", "0.910"), ("accounts", "12"), ("capability", "agentic_tool_use")):
        expect(page.locator(f"dd[data-field={field}]")).to_have_text(text)
    expect(page.locator("#evidence-list li").first).to_contain_text("Payment instrument")  # heaviest first
    expect(page.locator("#lineage")).to_contain_text("C-00000003")
    expect(page.locator("#runs")).to_contain_text("R-20260502T000000Z-000001")
    expect(page.locator("#timeline svg rect.bar")).to_have_count(3)
    expect(page.locator("#timeline .release-label")).to_have_text("frontier-2")
    expect(page.locator("#case-history li[data-kind=label]")).to_contain_text("card seen in prior takedown")
    key_left_no_trace(page, console.keys.viewer)
    page.screenshot(path=str(SCREENSHOTS / "campaign.png"), full_page=True)

    # A node's panel (from the evidence list, and by keyboard), and its neighbourhood fetched in.
    page.locator("#evidence-list").get_by_role("button", name="Prompt template").first.click()
    expect(page.locator("#node-panel h3")).to_have_text("Prompt template")
    page.locator("#find-node").fill("a001")
    page.locator("#find-node").press("Enter")
    expect(page.locator("#node-panel h3")).to_have_text("Account")
    before = int(graph.get_attribute("data-graph-order") or 0)
    page.locator("#expand").click()
    expect(page.locator("#node-panel")).to_contain_text("new nodes added")
    assert int(graph.get_attribute("data-graph-order") or 0) > before
    graph.screenshot(path=str(SCREENSHOTS / "campaign-expanded.png"))


def test_search_by_ip_domain_prompt_and_unknown(page: Page, console: Console) -> None:
    sign_in(page, console.keys.viewer)
    search = page.locator("input[type=search]")
    for value, kind, campaign in (
        (g.BLUE_IP, "ip", "C-00000002"),
        ("hydra.example", "email_domain", "C-00000001"),
        (g.HYDRA_TOKEN, "instrument", "C-00000001"),
    ):
        search.fill(value)
        search.press("Enter")
        expect(page.locator(f".hit[data-kind={kind}]")).to_contain_text(campaign)
    search.fill("acct_does_not_exist")
    search.press("Enter")
    expect(page.get_by_test_id("no-match")).to_contain_text("Nothing is known")
    search.fill("Implement <FN> with tool calls <N> nothing like this was ever sent")
    search.press("Enter")
    expect(page.get_by_test_id("no-match")).to_be_visible()
    page.goto("/#/campaign/C-99999999")
    expect(page.get_by_test_id("no-campaign")).to_be_visible()


def test_analyst_decides_and_the_api_agrees(page: Page, console: Console, driver: Driver) -> None:
    # A detection proposal to reject from the page.
    driver.execute_query(
        "MATCH (c:Campaign {campaign_id: 'C-00000002'}), (x:Actor {actor_id: 'quiet-fox'}) "
        "MERGE (c)-[:ATTRIBUTED_TO {source: 'auto', status: 'proposed', confidence: 0.4, "
        "evidence: '[]'}]->(x)"
    )
    sign_in(page, console.keys.analyst)
    open_campaign(page, "C-00000002")
    history = page.locator("#case-history li")
    page.locator("#decision-note").fill("looked like a university NAT at first")
    page.locator("#dismiss").click()
    expect(history.first).to_contain_text("Dismissed the campaign")
    page.locator("#decision-note").fill("same proxy and template as the owl takedown")
    page.locator("#confirm").click()
    # Both decisions stay in the case history, the newest first.
    decisions = page.locator("#case-history li[data-kind=decision]")
    expect(decisions).to_have_count(2)
    expect(decisions.first).to_contain_text("ana-analyst")
    expect(decisions.first).to_contain_text("Confirmed the campaign")
    expect(decisions.first).to_contain_text("same proxy and template as the owl takedown")
    expect(decisions.nth(1)).to_contain_text("looked like a university NAT at first")
    expect(page.locator(".campaign-head .badge")).to_have_text("confirmed")

    page.locator("#attribute-actor").fill("Blue Owl")
    page.locator("#attribute-note").fill("operator reused the proxy")
    page.locator("#attribute").click()
    expect(history.first).to_contain_text("Attributed to Blue Owl")

    page.locator("#decision-note").fill("the fox never used this proxy")
    page.get_by_role("button", name="Reject the attribution to Quiet Fox").click()
    expect(history.first).to_have_attribute("data-action", "reject_attribution")
    expect(history.first).to_contain_text("Rejected the attribution to Quiet Fox")
    expect(page.locator("#proposals li")).to_have_count(0)
    expect(page.locator("dd[data-field=actor]")).not_to_contain_text("Quiet Fox")

    page.locator("#evidence-list").get_by_role("button", name=f"IP address {g.BLUE_IP}").click()
    page.locator("#label-actor").fill("Blue Owl")
    page.locator("#label-note").fill("proxy in the owl's pool")
    page.locator("#label").click()
    expect(history.first).to_have_attribute("data-kind", "label")
    expect(history.first).to_contain_text("proxy in the owl's pool")
    expect(history).to_have_count(5)  # recorded once, not again as the drawn IP's label

    seen = console.gql(
        "query($id: ID!, $ip: String!) { campaign(id: $id) { status decision { decidedBy note } "
        "attribution { actor { id } source decidedBy note } "
        "history(first: 10) { totalCount edges { node { kind decidedBy decidedAt note actorId entityKey } } "
        "} } "
        "ip(address: $ip) { neighbourhood { labels { actorId createdBy note } } } }",
        console.keys.viewer,
        id="C-00000002",
        ip=g.BLUE_IP,
    )
    campaign = seen["campaign"]
    assert campaign["status"] == "CONFIRMED"
    assert campaign["decision"] == {
        "decidedBy": "ana-analyst",
        "note": "same proxy and template as the owl takedown",
    }
    assert {
        "actor": {"id": "blue-owl"},
        "source": "analyst",
        "decidedBy": "ana-analyst",
        "note": "operator reused the proxy",
    } in campaign["attribution"]
    assert "quiet-fox" not in {a["actor"]["id"] for a in campaign["attribution"]}
    assert {"actorId": "blue-owl", "createdBy": "ana-analyst", "note": "proxy in the owl's pool"} in seen[
        "ip"
    ]["neighbourhood"]["labels"]
    records = [e["node"] for e in campaign["history"]["edges"]]
    assert campaign["history"]["totalCount"] == 5
    assert [(r["kind"], r["actorId"], r["note"]) for r in records] == [
        ("LABEL", "blue-owl", "proxy in the owl's pool"),
        ("REJECT_ATTRIBUTION", "quiet-fox", "the fox never used this proxy"),
        ("ATTRIBUTE", "blue-owl", "operator reused the proxy"),
        ("CONFIRM", None, "same proxy and template as the owl takedown"),
        ("DISMISS", None, "looked like a university NAT at first"),
    ]
    assert {r["decidedBy"] for r in records} == {"ana-analyst"}
    assert all(r["decidedAt"] for r in records)
    assert records[0]["entityKey"] == g.BLUE_IP
    page.screenshot(path=str(SCREENSHOTS / "campaign-analyst.png"), full_page=True)


def test_keyboard_walks_the_drawing(page: Page, console: Console) -> None:
    sign_in(page, console.keys.viewer)
    open_campaign(page, "C-00000001")
    panel = page.locator("#node-panel")
    graph = page.locator("#graph")
    graph.focus()
    graph.press("ArrowRight")  # nothing selected yet: the strongest shared entity first
    expect(panel.locator("h3")).to_be_visible()
    first = panel.get_attribute("data-node")
    assert first
    assert not first.startswith("account:")
    graph.press("Tab")  # the next strongest; the panel follows
    expect(panel).not_to_have_attribute("data-node", first)
    for key in ("ArrowLeft", "ArrowUp", "ArrowDown", "ArrowRight"):
        graph.press(key)
        expect(panel.locator("h3")).to_be_visible()
    assert graph.evaluate("el => document.activeElement === el")
    page.locator("#find-node").fill("a001")
    page.locator("#find-node").press("Enter")
    expect(panel.locator("h3")).to_have_text("Account")
    before = int(graph.get_attribute("data-graph-order") or 0)
    graph.focus()
    graph.press("Enter")  # expands the selected account
    expect(panel).to_contain_text("new nodes added")
    assert int(graph.get_attribute("data-graph-order") or 0) > before
    graph.press("Escape")
    expect(panel.locator("h3")).to_have_count(0)


def test_viewer_sees_no_action_buttons(page: Page, console: Console) -> None:
    sign_in(page, console.keys.viewer)
    open_campaign(page, "C-00000001")
    expect(page.locator("#actions")).to_have_count(0)
    for name in ("Confirm campaign", "Dismiss campaign", "Attribute", "Add label"):
        expect(page.get_by_role("button", name=name)).to_have_count(0)
    page.locator("#evidence-list").get_by_role("button").first.click()
    expect(page.locator("#node-panel h3")).to_be_visible()
    expect(page.locator("#node-panel form")).to_have_count(0)
    page.locator("body").press("Escape")  # keyboard: Escape clears the selection
    expect(page.locator("#node-panel h3")).to_have_count(0)


def test_bulk_lookup_table_and_csv(page: Page, console: Console) -> None:
    sign_in(page, console.keys.viewer)
    page.goto("/#/bulk")
    values = ["a001", "b002", g.BRIDGE_IP, "nobody-at-all", *[f"n{i:04d}" for i in range(1, 60)]]
    page.locator("#bulk-values").fill("\n".join(values))
    page.get_by_role("button", name="Look up").click()
    table = page.locator("#bulk-results")
    expect(table).to_be_visible()
    expect(table.locator("tr", has_text="a001")).to_contain_text("C-00000001")
    expect(table.locator("tr", has_text="b002")).to_contain_text("C-00000002")
    expect(page.locator("#bulk-status")).to_contain_text(f"{len(values)} values")
    with page.expect_download() as download:
        page.locator("#bulk-csv").click()
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text())))
    assert {r["value"] for r in rows} == set(values)
    assert any(r["value"] == "a001" and r["campaign"] == "C-00000001" and "Hydra" in r["actor"] for r in rows)
    assert next(r for r in rows if r["value"] == "nobody-at-all")["note"] == "unknown"


def test_signing_out_forgets_the_key(page: Page, console: Console) -> None:
    sign_in(page, console.keys.viewer)
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_label("API key")).to_be_visible()
    assert page.evaluate("sessionStorage.length") == 0

"""Recruiting a campaign's missing members through its own templates, against a real Neo4j."""

from __future__ import annotations

from neo4j import Driver

from app.detection.algorithms.model import CandidateCampaign
from app.detection.algorithms.params import DetectionParams
from app.detection.algorithms.profiles import Profile, TemplateUse
from app.detection.algorithms.recruit import own_templates
from app.detection.graph.recruit import recruit
from app.platform.runner import SessionRunner
from tests.conftest import wipe

PARAMS = DetectionParams()

# account -> (total requests, {template: requests})
ACCOUNTS: dict[str, tuple[int, dict[str, int]]] = {
    **{f"m{i}": (20, {"own1": 10, "own2": 8}) for i in range(6)},  # found members
    "straggler": (8, {"own1": 4, "own2": 2}),  # 6 of 8 on the campaign's templates: recruited
    "one-off": (2, {"own1": 2}),  # all of it, but 2 requests: too little to tell
    "dabbler": (40, {"own1": 3, "popular": 30}),  # 3 of 40: an ordinary user who tried it
    "other-campaign": (10, {"own1": 9}),  # already in another campaign: left there
    **{f"u{i}": (5, {"popular": 5}) for i in range(30)},
}


def _plant(driver: Driver) -> None:
    wipe(driver)
    rows = [
        {"id": a, "total": total, "sent": [{"t": t, "n": n} for t, n in sent.items()]}
        for a, (total, sent) in ACCOUNTS.items()
    ]
    with driver.session() as s:
        s.run(
            "UNWIND $rows AS r CREATE (a:Account {account_id: r.id, requests: r.total}) "
            "WITH a, r UNWIND r.sent AS x "
            "MERGE (t:PromptTemplate {template_id: x.t}) "
            "CREATE (a)-[:SENT {requests: x.n}]->(t)",
            rows=rows,
        ).consume()


def _profile(account: str) -> Profile:
    total, sent = ACCOUNTS[account]
    degree = {t: sum(1 for _, s in ACCOUNTS.values() if t in s) for t in sent}
    return Profile(
        account_id=account,
        created_at=None,
        first_seen=None,
        last_seen=None,
        requests=total,
        org_id=None,
        plan=None,
        email_domain=None,
        templates=tuple(
            TemplateUse(template_id=t, capability="other", requests=n, hours=(), degree=degree[t])
            for t, n in sent.items()
        ),
    )


def _campaign(members: list[str], score: float) -> CandidateCampaign:
    return CandidateCampaign(members=dict.fromkeys(members, 1.0), score=score, features={})


def test_own_templates_are_those_mostly_sent_by_members() -> None:
    members = [_profile(f"m{i}") for i in range(6)]
    # own1: 6 of its 10 users are members; own2: 6 of 7; popular: not sent by members at all.
    assert own_templates(members, PARAMS) == ["own1", "own2"]


def test_accounts_spending_most_of_their_traffic_on_own_templates_are_recruited(driver: Driver) -> None:
    _plant(driver)
    found = _campaign([f"m{i}" for i in range(6)], 0.8)
    other = _campaign(["other-campaign"] + [f"u{i}" for i in range(4)], 0.5)
    with driver.session() as s:
        out = recruit(SessionRunner(s), [found, other], [["own1", "own2"], []], PARAMS)
    assert set(out[0].members) - set(found.members) == {"straggler"}
    assert out[0].members["straggler"] == 0.75  # membership = share of its requests on own templates
    assert out[1] == other
    assert out[0].score == found.score
    assert out[0].features == found.features


def test_switched_off_nothing_is_recruited(driver: Driver) -> None:
    _plant(driver)
    found = _campaign([f"m{i}" for i in range(6)], 0.8)
    off = PARAMS.model_copy(update={"recruit": False})
    with driver.session() as s:
        assert recruit(SessionRunner(s), [found], [["own1", "own2"]], off) == [found]


def test_an_account_two_campaigns_could_take_goes_to_the_larger_share(driver: Driver) -> None:
    _plant(driver)
    first = _campaign([f"m{i}" for i in range(3)], 0.9)
    second = _campaign([f"m{i}" for i in range(3, 6)], 0.6)
    with driver.session() as s:
        # "straggler": 4 of 8 on own1 (first), 6 of 8 on own1 + own2 (second): the second wins.
        out = recruit(SessionRunner(s), [first, second], [["own1"], ["own1", "own2"]], PARAMS)
    assert "straggler" in out[1].members
    assert "straggler" not in out[0].members

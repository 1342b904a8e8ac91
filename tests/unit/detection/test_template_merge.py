"""Rejoining the pieces of one campaign by their shared templates (pure logic, no database)."""

from __future__ import annotations

from collections.abc import Iterable

from app.detection.algorithms.params import DetectionParams
from app.detection.algorithms.profiles import Profile, TemplateUse
from app.detection.algorithms.template_merge import merge_by_templates

PARAMS = DetectionParams()


DAY = 86_400


def _profile(
    account: str, templates: Iterable[tuple[str, int, int]], wait_days: float | None = None
) -> Profile:
    """`templates`: (template_id, requests, template's user count on the platform); `wait_days` from sign-up
    to first request (unknown when None)."""
    created = None if wait_days is None else 1_700_000_000
    return Profile(
        account_id=account,
        created_at=created,
        first_seen=None if created is None or wait_days is None else created + int(wait_days * DAY),
        last_seen=None,
        requests=sum(r for _, r, _ in templates),
        org_id=None,
        plan=None,
        email_domain=None,
        templates=tuple(
            TemplateUse(template_id=t, capability="software_engineering", requests=r, hours=(), degree=d)
            for t, r, d in templates
        ),
    )


def _pieces(
    prefix: str,
    pieces: int,
    size: int,
    own: list[str],
    degree: int,
    extra: Iterable[tuple[str, int, int]] = (),
) -> tuple[dict[int, list[str]], dict[str, Profile]]:
    """`pieces` communities of `size` accounts each, every account sending the same templates `own`."""
    groups: dict[int, list[str]] = {}
    profiles: dict[str, Profile] = {}
    extra = list(extra)
    for p in range(pieces):
        accs = [f"{prefix}{p}-{i:03d}" for i in range(size)]
        groups[len(groups)] = accs
        for a in accs:
            profiles[a] = _profile(a, [(t, 10, degree) for t in own] + extra)
    return groups, profiles


def _offset(groups: dict[int, list[str]], by: int) -> dict[int, list[str]]:
    return {c + by: accs for c, accs in groups.items()}


def test_shifts_of_one_campaign_are_joined_into_one_group() -> None:
    # Six round-robin shifts of 50 accounts: no shared address or timing, the same three templates.
    groups, profiles = _pieces("c", 6, 50, ["t1", "t2", "t3"], degree=300)
    merged = merge_by_templates(groups, profiles, PARAMS)
    assert len(merged) == 1
    assert sorted(next(iter(merged.values()))) == sorted(a for accs in groups.values() for a in accs)


def test_a_popular_template_spread_over_many_communities_ties_nothing() -> None:
    # 40 households of 5 each use a template 20,000 accounts send: together they hold 1% of its users.
    groups, profiles = _pieces("h", 40, 5, ["popular"], degree=20_000)
    merged = merge_by_templates(groups, profiles, PARAMS)
    assert len(merged) == 40


def test_two_campaigns_that_reuse_one_prompt_stay_apart() -> None:
    # One actor's two campaigns: each its own four templates, and one template both reuse.
    a, pa = _pieces("a", 1, 60, ["a1", "a2", "a3", "a4"], degree=60, extra=[("shared", 10, 120)])
    b, pb = _pieces("b", 1, 60, ["b1", "b2", "b3", "b4"], degree=60, extra=[("shared", 10, 120)])
    merged = merge_by_templates(a | _offset(b, 1), pa | pb, PARAMS)
    assert len(merged) == 2


def test_groups_that_share_a_problem_bank_under_their_own_wrappers_stay_apart() -> None:
    # Two operations (or a campaign and a class) send questions from one bank for two thirds of their
    # traffic and the rest under their own instruction: the bank is concentrated in both, and their mixes
    # overlap at 0.67, where pieces of one campaign overlap at 0.95 or more.
    groups = {0: [f"a{i:03d}" for i in range(100)], 1: [f"b{i:03d}" for i in range(100)]}
    profiles = {
        acc: _profile(acc, [("bank", 20, 300), (f"{acc[0]}-own", 10, 100)])
        for accs in groups.values()
        for acc in accs
    }
    assert len(merge_by_templates(groups, profiles, PARAMS)) == 2
    # What keeps them apart is the overlap a join needs, not the concentration test.
    loose = PARAMS.model_copy(update={"template_merge_similarity": 0.5})
    assert len(merge_by_templates(groups, profiles, loose)) == 1


def test_a_group_sending_the_campaigns_very_prompt_stays_apart_when_set_up_otherwise() -> None:
    # A farm of accounts used the day they were opened, and a firm's staff of years sending the very same
    # prompt mix: identical mixes, so only how the accounts were opened tells them apart.
    groups = {0: [f"f{i:03d}" for i in range(100)], 1: [f"s{i:03d}" for i in range(100)]}
    waits = {"f": 0.5, "s": 400.0}
    profiles = {
        acc: _profile(acc, [("label", 30, 200)], wait_days=waits[acc[0]])
        for accs in groups.values()
        for acc in accs
    }
    assert len(merge_by_templates(groups, profiles, PARAMS)) == 2
    # Pieces of one operation opened within days of each other's pace are joined: 1 vs 4 days waited.
    shifts = {0: [f"a{i:03d}" for i in range(50)], 1: [f"b{i:03d}" for i in range(50)]}
    paced = {
        acc: _profile(acc, [("label", 30, 100)], wait_days=1.0 if acc[0] == "a" else 4.0)
        for accs in shifts.values()
        for acc in accs
    }
    assert len(merge_by_templates(shifts, paced, PARAMS)) == 1
    # Bought aged accounts in two batches, 500 and 700 days old at first use, are alike too.
    aged = {
        acc: _profile(acc, [("label", 30, 100)], wait_days=500.0 if acc[0] == "a" else 700.0) for acc in paced
    }
    assert len(merge_by_templates(shifts, aged, PARAMS)) == 1
    # A first request logged before the recorded sign-up (clock skew) counts as no wait, not a negative one.
    skewed = {
        acc: _profile(acc, [("label", 30, 100)], wait_days=-3.0 if acc[0] == "a" else 2.0) for acc in paced
    }
    assert len(merge_by_templates(shifts, skewed, PARAMS)) == 1


def test_members_without_the_joined_templates_are_dropped_from_a_joined_group() -> None:
    groups, profiles = _pieces("c", 3, 40, ["t1", "t2"], degree=120)
    # A household whose line the campaign's proxy resold: in a piece through the address only.
    groups[0].append("household-1")
    profiles["household-1"] = _profile("household-1", [("popular", 3, 20_000)])
    merged = merge_by_templates(groups, profiles, PARAMS)
    (members,) = merged.values()
    assert "household-1" not in members
    assert len(members) == 120


def test_a_single_community_is_left_as_it_is() -> None:
    groups, profiles = _pieces("c", 1, 30, ["t1"], degree=30)
    groups[0].append("household-1")
    profiles["household-1"] = _profile("household-1", [("popular", 3, 20_000)])
    merged = merge_by_templates(groups, profiles, PARAMS)
    assert merged == {0: sorted(groups[0])}


def test_switched_off_it_changes_nothing() -> None:
    groups, profiles = _pieces("c", 6, 50, ["t1", "t2", "t3"], degree=300)
    off = PARAMS.model_copy(update={"template_merge": False})
    assert merge_by_templates(groups, profiles, off) == groups


def test_result_does_not_depend_on_input_order() -> None:
    groups, profiles = _pieces("c", 6, 50, ["t1", "t2", "t3"], degree=300)
    other, po = _pieces("x", 2, 30, ["x1"], degree=60)
    forward = merge_by_templates(groups | _offset(other, 10), profiles | po, PARAMS)
    backward_groups = dict(reversed(list((groups | _offset(other, 10)).items())))
    backward = merge_by_templates(backward_groups, profiles | po, PARAMS)
    assert forward == backward
    assert sorted(forward) == [0, 10]

"""Identity matching rules on account sets (pure logic, no database)."""

from __future__ import annotations

from app.detection.algorithms.tracking import (
    PreviousCampaign,
    campaign_id_for,
    plan_identity,
    seed_of,
    seeds_from,
)


def s(a: int, b: int) -> frozenset[str]:
    return frozenset(f"a{i}" for i in range(a, b))


def prev(
    cid: str, members: frozenset[str], active: bool = True, status: str = "candidate"
) -> PreviousCampaign:
    return PreviousCampaign(cid, members, active, status)


def test_same_membership_keeps_the_id() -> None:
    plan = plan_identity([s(0, 50)], [prev("C-00000001", s(0, 50))], [], "R1")
    assert [a.campaign_id for a in plan.assignments] == ["C-00000001"]
    assert plan.assignments[0].origin == "continued"
    assert plan.deactivated == []
    assert plan.lineage == []


def test_small_change_keeps_the_id() -> None:
    plan = plan_identity([s(5, 55)], [prev("C-00000001", s(0, 50))], [], "R1")
    assert plan.assignments[0].campaign_id == "C-00000001"


def test_growth_keeps_the_id_when_one_to_one() -> None:
    # 40 -> 120 accounts: Jaccard 0.33, but all of the old campaign is inside and nothing else competes.
    plan = plan_identity([s(0, 120)], [prev("C-00000001", s(0, 40))], [], "R1")
    assert plan.assignments[0].campaign_id == "C-00000001"


def test_new_ids_are_deterministic_and_member_derived() -> None:
    a = plan_identity([s(0, 10), s(20, 30)], [], [], "R1")
    b = plan_identity([s(0, 10), s(20, 30)], [], [], "R2")
    assert [x.campaign_id for x in a.assignments] == [x.campaign_id for x in b.assignments]
    assert all(x.origin == "new" and x.campaign_id.startswith("C-") for x in a.assignments)
    assert len({x.campaign_id for x in a.assignments}) == 2
    assert all(len(x.campaign_id) == 10 for x in a.assignments)


def test_id_collision_is_salted_with_the_run() -> None:
    first = campaign_id_for(s(0, 10), set(), "R1")
    second = campaign_id_for(s(0, 10), {first}, "R1")
    assert second != first
    assert second.startswith("C-")


def test_merge_keeps_the_better_id_and_records_lineage() -> None:
    plan = plan_identity(
        [s(0, 150)], [prev("C-0000000a", s(0, 100)), prev("C-0000000b", s(100, 150))], [], "R1"
    )
    assert plan.assignments[0].campaign_id == "C-0000000a"
    assert [(x.child, x.parent, x.kind) for x in plan.lineage] == [("C-0000000a", "C-0000000b", "merge")]
    assert plan.lineage[0].overlap == 1.0
    assert plan.deactivated == ["C-0000000b"]


def test_three_way_merge_gets_a_new_id_derived_from_all() -> None:
    parents = [prev(f"C-0000000{k}", s(50 * k, 50 * k + 50)) for k in range(3)]
    plan = plan_identity([s(0, 150)], parents, [], "R1")
    child = plan.assignments[0].campaign_id
    assert plan.assignments[0].origin == "new"
    assert sorted((x.parent, x.kind) for x in plan.lineage if x.child == child) == [
        ("C-00000000", "merge"),
        ("C-00000001", "merge"),
        ("C-00000002", "merge"),
    ]


def test_split_keeps_the_id_on_the_bigger_part() -> None:
    plan = plan_identity([s(0, 150), s(150, 200)], [prev("C-00000001", s(0, 200))], [], "R1")
    assert plan.assignments[0].campaign_id == "C-00000001"
    other = plan.assignments[1].campaign_id
    assert plan.assignments[1].origin == "new"
    assert [(x.child, x.parent, x.kind) for x in plan.lineage] == [(other, "C-00000001", "split")]


def test_dismissed_inactive_campaign_is_revived_not_new() -> None:
    plan = plan_identity(
        [s(0, 60)], [prev("C-000000d1", s(0, 55), active=False, status="dismissed")], [], "R1"
    )
    assert plan.assignments[0].campaign_id == "C-000000d1"
    assert plan.assignments[0].origin == "revived"
    assert plan.lineage == []  # an inactive campaign's history is already recorded


def test_unrelated_community_is_new_and_old_one_deactivated() -> None:
    plan = plan_identity([s(100, 130)], [prev("C-00000001", s(0, 30))], [], "R1")
    assert plan.assignments[0].origin == "new"
    assert plan.deactivated == ["C-00000001"]


def test_seeds_come_from_active_campaigns() -> None:
    seeds = seeds_from([prev("C-000000ff", s(0, 3)), prev("C-00000001", s(10, 12), active=False)])
    assert seeds == {"a0": 255, "a1": 255, "a2": 255}
    assert seed_of("C-ffffffff") == 2**32 - 1

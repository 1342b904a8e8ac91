"""Attribution arithmetic without a graph: noisy-OR of groups, labels through membership, crowded
entities."""

from __future__ import annotations

from app.detection.algorithms.attribution import AttributionParams, Evidence, combine


def test_combine_noisy_or_of_groups() -> None:
    params = AttributionParams()
    items = [
        Evidence("ip", "1.1.1.1", "x", 0.5, frozenset({"a", "b"})),  # 2/20 -> 0.5 * 0.5 = 0.25
        Evidence("template", "t1", "x", 0.6, frozenset({"c", "d"})),  # 2/20 -> 0.6 * 0.5 = 0.30
        Evidence("ip", "2.2.2.2", "y", 0.9, frozenset({"e"})),  # 1/20 -> 0.9 * 0.25 = 0.225
    ]
    proposals = combine("C-1", 20, items, params)
    assert [(p.actor_id, p.confidence) for p in proposals] == [("x", round(1 - 0.75 * 0.70, 4))]
    assert [e["key"] for e in proposals[0].evidence] == ["t1", "1.1.1.1"]


def test_a_label_carries_through_membership_when_it_reaches_few_members() -> None:
    params = AttributionParams()
    members = frozenset({"a", "b"})
    # Two labelled accounts of a 500-account campaign: coverage says nothing, membership does.
    accounts = [Evidence("account", k, "x", 0.9, frozenset({k}), users=1) for k in sorted(members)]
    found = combine("C-1", 500, accounts, params)
    assert [(p.actor_id, p.confidence) for p in found] == [("x", round(0.9 * 0.75, 4))]
    # A card only three members use, labelled: the campaign's own card.
    card = Evidence("instrument", "card", "y", 0.8, frozenset({"a", "b", "c"}), users=3)
    assert [p.actor_id for p in combine("C-1", 500, [card], params)] == ["y"]


def test_a_label_on_a_crowded_entity_does_not_attribute() -> None:
    # A labelled carrier-NAT address three of 500 members passed through, with 5,000 users: nothing.
    nat = Evidence("ip", "100.64.0.1", "x", 1.0, frozenset({"a", "b", "c"}), users=5000)
    assert combine("C-1", 500, [nat], AttributionParams()) == []

"""The pair walk an incremental run makes from member groups (`algorithms/pair_windows.py`), against a
plain restatement of `cypher/detection/link_pairs.cypher`'s incremental rows, line by line."""

from __future__ import annotations

import math
import random
from collections.abc import Collection, Mapping
from dataclasses import replace

import pytest

from app.detection.algorithms import pair_windows
from app.detection.algorithms.pair_windows import MemberGroup, PairRules, window_pairs

RULES = PairRules(
    platform=400.0,
    k=3,
    chords=2,
    rarity_exponent=2.0,
    dedication_boost=2.0,
    min_pair_weight=0.5,
    network_alone=1.0,
)


def _query(
    groups: list[MemberGroup], rules: PairRules, changed: Collection[str], members: Mapping[str, int]
) -> dict[tuple[str, str], float]:
    """link_pairs with $changed / $members, one Cypher step at a time."""
    sums: dict[tuple[str, str], list[float]] = {}
    n = rules.platform
    for g in groups:
        m, d = g.members, len(g.members)
        w = g.family_weight * (math.log(n / float(d)) / math.log(n / 2.0)) ** rules.rarity_exponent
        starts = [p for p in range(d) if m[p] in changed or m[p] in members]
        span = 2 * (rules.chords + 1)
        cs = [c * d // span for c in range(1, rules.chords + 1) if c * d // span > rules.k]
        for i in starts:
            ci = m[i] in changed
            if d <= 2 * rules.k + 1:
                js = list(range(i + 1, d))
                if ci:
                    js += [b for b in range(i) if m[b] not in changed and m[b] not in members]
            else:
                js = [(i + o) % d for o in range(1, rules.k + 1)] + [(i + c) % d for c in cs]
                if ci:
                    back = [(i - o + d) % d for o in range(1, rules.k + 1)] + [(i - c + d) % d for c in cs]
                    js += [b for b in back if m[b] not in changed and m[b] not in members]
            for j in js:
                same = m[i] in members and m[j] in members and members[m[i]] == members[m[j]]
                if not (ci or m[j] in changed or same):
                    continue
                pw = (
                    w * (1.0 + rules.dedication_boost * math.sqrt(g.dedication[i] * g.dedication[j]))
                    if (g.dedication)
                    else w
                )
                hi = set(g.hours[i]) if g.hours else set()
                hj = set(g.hours[j]) if g.hours else set()
                if g.sync_weight > 0.0 and hi and hj:
                    pw += g.sync_weight * len(hi & hj) / len(hi | hj)
                a, b = sorted((m[i], m[j]))
                acc = sums.setdefault((a, b), [0.0, 0.0])
                acc[0 if g.network else 1] += pw
    out = {}
    for pair, (wn, wo) in sums.items():
        weight = wo + wn * (1.0 if wo > 0.0 else rules.network_alone)
        if weight >= rules.min_pair_weight:
            out[pair] = weight
    return out


def _groups(r: random.Random, accounts: list[str]) -> list[MemberGroup]:
    groups = []
    for e in range(60):
        # Small groups (every pair), groups just past 2k + 1, and big ones with chords.
        d = r.choice([2, 3, 5, 7, 8, 9, 15, 40, 90])
        members = sorted(r.sample(accounts, d))
        kind = r.choice(["template", "ip", "card"])
        templated = kind == "template"
        groups.append(
            MemberGroup(
                key=f"e{e}",
                members=members,
                hours=[sorted(r.sample(range(30), r.randint(0, 6))) for _ in members] if templated else [],
                dedication=[r.random() for _ in members] if templated else [],
                family_weight={"template": 1.0, "ip": 0.6, "card": 1.0}[kind],
                sync_weight=0.25 if templated else 0.0,
                network=kind == "ip",
            )
        )
    return groups


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize(
    "rules",
    [RULES, replace(RULES, network_alone=0.4, min_pair_weight=0.2)],
    ids=["default", "network discounted"],
)
def test_the_walk_is_the_querys(seed: int, rules: PairRules) -> None:
    r = random.Random(seed)
    accounts = [f"a{i:03d}" for i in range(120)]
    groups = _groups(r, accounts)
    changed = set(r.sample(accounts, 12))
    campaigns = [r.sample(accounts, 15), r.sample(accounts, 10)]
    members = {a: c for c, ms in enumerate(campaigns) for a in ms}
    for ch, mem in [(changed, {}), (set(), members), (changed, members)]:
        want = _query(groups, rules, ch, mem)
        got = window_pairs(groups, rules, ch, mem)
        assert want, "the case pairs something"
        assert [(a, b) for a, b, _ in got] == sorted(want)
        assert [w for _, _, w in got] == pytest.approx([want[a, b] for a, b, _ in got], rel=1e-12, abs=0.0)


def test_a_small_group_gives_every_pair_with_a_change_and_none_without() -> None:
    # Three users of one card on a platform of 400: rarity (log(400 / 3) / log(200)) ^ 2 each.
    card = MemberGroup("c", ["a", "b", "c"], [], [], 1.0, 0.0, False)
    rarity = (math.log(400 / 3) / math.log(200)) ** 2
    got = window_pairs([card], RULES, {"b"})
    assert got == [("a", "b", pytest.approx(rarity)), ("b", "c", pytest.approx(rarity))]
    assert window_pairs([card], RULES, set()) == []
    # Inside a campaign: the pair of its two members only.
    assert window_pairs([card], RULES, (), {"a": 0, "c": 0, "b": 1}) == [("a", "c", pytest.approx(rarity))]


def test_network_evidence_alone_is_discounted_and_corroborated_evidence_is_not() -> None:
    rules = replace(RULES, network_alone=0.5, min_pair_weight=0.0)
    ip = MemberGroup("ip", ["a", "b", "c"], [], [], 0.6, 0.0, True)
    card = MemberGroup("card", ["a", "b"], [], [], 1.0, 0.0, False)
    got = {(a, b): w for a, b, w in window_pairs([ip, card], rules, {"a"})}
    ip_w = 0.6 * (math.log(400 / 3) / math.log(200)) ** 2
    assert got[("a", "c")] == pytest.approx(0.5 * ip_w)  # the address only
    assert got[("a", "b")] == pytest.approx(1.0 + ip_w)  # the address and a card: kept whole


def test_a_big_group_pairs_a_change_with_its_window_and_chords_only() -> None:
    # 40 members, k = 3, chords at 40 * c // 6 = 6 and 13 (above k): a change pairs with 3 + 2 forward and
    # 3 + 2 backward members, whatever the weight (no minimum here).
    rules = replace(RULES, min_pair_weight=0.0)
    members = [f"a{i:02d}" for i in range(40)]
    group = MemberGroup("t", members, [], [], 1.0, 0.0, False)
    got = window_pairs([group], rules, {"a00"})
    partners = sorted(b for _, b, _ in got)
    assert partners == sorted(f"a{i:02d}" for i in [1, 2, 3, 6, 13, 39, 38, 37, 34, 27])


def test_starts_walked_in_chunks_give_the_same_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    r = random.Random(7)
    accounts = [f"a{i:03d}" for i in range(120)]
    groups = _groups(r, accounts)
    changed = set(r.sample(accounts, 30))
    members = dict.fromkeys(r.sample(accounts, 20), 0)
    whole = window_pairs(groups, RULES, changed, members)
    monkeypatch.setattr(pair_windows, "_CHUNK", 7)
    assert window_pairs(groups, RULES, changed, members) == whole

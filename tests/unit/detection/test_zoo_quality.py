"""Scoring a run against a zoo scenario's truth: pieces, attribution and cohorts (pure)."""

from __future__ import annotations

from pathlib import Path

from scenarios.quality import (
    FoundCampaign,
    PlantedTruth,
    evaluate_zoo,
    normalise_actor,
    read_cohorts,
    read_zoo_truth,
)


def _planted(cid: str, n: int, actor: str = "", style: str = "s") -> PlantedTruth:
    return PlantedTruth(
        campaign_id=cid, style=style, actor=actor, members=frozenset(f"{cid}-{i}" for i in range(n))
    )


def test_pieces_found_actor_and_cohorts() -> None:
    a, b = _planted("A", 100, actor="Actor Kestrel"), _planted("B", 40)
    found = [
        FoundCampaign(members=frozenset(list(a.members)[:60]), actor="actor-kestrel"),
        FoundCampaign(members=frozenset(list(a.members)[60:]), actor=""),
        FoundCampaign(members=frozenset({"u1", "u2", "u3"}), actor="x"),
    ]
    q = evaluate_zoo(found, [a, b], total_accounts=1000, cohorts={"u1": "hackathon", "u2": "hackathon"})
    by = {p.campaign_id: p for p in q.planted}
    assert by["A"].pieces == 2
    assert by["A"].found_actor == "actor-kestrel"
    assert by["A"].attribution_correct is True
    assert by["B"].found_actor is None
    assert by["B"].attribution_correct is None
    assert q.legit_flagged == 3
    assert q.cohorts == {"hackathon": (2, 2)}
    assert q.recall == 0.7143


def test_an_attribution_where_none_is_due_is_wrong() -> None:
    a = _planted("A", 10)
    q = evaluate_zoo([FoundCampaign(members=a.members, actor="someone")], [a], 100)
    assert q.planted[0].attribution_correct is False


def test_actor_names_compare_by_letters_and_digits() -> None:
    assert normalise_actor("Actor Kestrel") == normalise_actor("actor-kestrel")


def test_truth_files_with_and_without_style(tmp_path: Path) -> None:
    p = tmp_path / "truth.csv"
    p.write_text("account_id,campaign_id,actor,style\na1,C1,X,drip\na2,,,\na3,C1,X,drip\n")
    accounts, planted = read_zoo_truth(p)
    assert accounts == ["a1", "a2", "a3"]
    assert [(t.campaign_id, t.style, t.actor, len(t.members)) for t in planted] == [("C1", "drip", "X", 2)]
    p.write_text("account_id,campaign_id,actor\na1,C9,\n")
    assert read_zoo_truth(p)[1][0].style == "C9"
    c = tmp_path / "confounders.csv"
    c.write_text("account_id,kind,key\na2,university,edu.example\n")
    assert read_cohorts(c) == {"a2": "university"}

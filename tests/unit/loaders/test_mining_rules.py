"""Prompt normalisation, near-duplicate grouping and capability tagging, scored on generated ground truth."""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

import duckdb
import pytest

from app.domain.vocabulary import CAPABILITIES
from loaders.mining.capability import explain, tag
from loaders.mining.grouping import KnownTemplate, Skeleton, group
from loaders.mining.normalise import skeleton, skeleton_key, skeleton_sql, template_id
from loaders.settings import LoadSettings
from tests.loaders.fixtures import AGENT_PROMPT, RUBRIC_VARIANTS

CORPUS = [
    'Hello "World" 42 times, see https://x.com/a?b=1 or mail Bob.Smith+x@corp.example.com',
    "don't say 'it' please, isn't it 3.14 or 1,000,000 or 12:30?",
    "Fix:\n```python\ndef f(x):\n  return x+1\n```\nthanks  \t  `inline()` www.foo.org/bar",
    "Ünïcode Straße 'quoted' “curly” 2026-05-01T10:00:00Z",
    "   spaces   ",
    "'a' 'b' 'c'",
    "It's 'a test' x'y'z a.b@c.d.e",
]


def _truth(demo_dir: Path) -> list[dict[str, str]]:
    with (demo_dir / "prompt_truth.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_masking_rules() -> None:
    s = skeleton('Grade "this" for user 42 at https://a.b/c?d=1, mail x.y@corp.example.com\n```\ncode 7\n```')
    assert s == "grade <str> for user <num> at <url> mail <email> <code>"
    assert skeleton("  Many   SPACES\tand\nLines ") == "many spaces and lines"


def test_python_and_duckdb_skeletons_agree(demo_dir: Path) -> None:
    prompts = CORPUS + [r["prompt"] for r in _truth(demo_dir)]
    con = duckdb.connect()
    got = con.execute(
        f"SELECT {skeleton_sql('p')} FROM (SELECT unnest(?::VARCHAR[]) AS p, "  # noqa: S608
        "generate_subscripts(?::VARCHAR[], 1) AS i) ORDER BY i",
        [prompts, prompts],
    ).fetchall()
    assert [g[0] for g in got] == [skeleton(p) for p in prompts]


def test_template_ids_are_stable_and_shaped() -> None:
    tid = template_id("grade <str>")
    assert tid == template_id("grade <str>")
    assert tid.startswith("t_")
    assert len(tid) == 18


def _pairwise(pred: list[str], truth: list[str]) -> tuple[float, float]:
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(pred)), 2):
        same_pred, same_truth = pred[i] == pred[j], truth[i] == truth[j]
        tp += same_pred and same_truth
        fp += same_pred and not same_truth
        fn += same_truth and not same_pred
    return tp / (tp + fp), tp / (tp + fn)


def test_grouping_quality_on_generated_families(demo_dir: Path) -> None:
    rows = _truth(demo_dir)
    ls = LoadSettings()
    skels = {skeleton_key(s): Skeleton(skeleton_key(s), s, 1) for s in (skeleton(r["prompt"]) for r in rows)}
    g = group(skels.values(), [], ls.near_dup_threshold, ls.minhash_perms, ls.shingle_words)
    pred = [g.assignment[skeleton_key(skeleton(r["prompt"]))] for r in rows]
    precision, recall = _pairwise(pred, [r["family_id"] for r in rows])
    # Families are paraphrase sets sampled 8 prompts each: grouping must not merge families, and must
    # join most paraphrases even without the chains a full log provides.
    assert precision >= 0.98, precision
    assert recall >= 0.85, recall


def test_grouping_is_independent_of_input_order() -> None:
    texts = [skeleton(v.format(a="q", b="r")) for v in RUBRIC_VARIANTS] + [skeleton(AGENT_PROMPT)]
    items = [Skeleton(skeleton_key(t), t, i + 1) for i, t in enumerate(texts)]
    a = group(items, [], 0.5, 64, 2)
    b = group(list(reversed(items)), [], 0.5, 64, 2)
    assert a.assignment == b.assignment
    assert len(set(a.assignment.values())) == 2  # the rubric paraphrases together, the agent prompt apart


def test_near_duplicates_join_a_known_template() -> None:
    known_text = skeleton(RUBRIC_VARIANTS[0].format(a="q", b="r"))
    other = skeleton(RUBRIC_VARIANTS[1].format(a="q", b="r"))
    g = group(
        [Skeleton(skeleton_key(other), other, 5)],
        [KnownTemplate("t_0000000000000001", known_text)],
        0.5,
        64,
        2,
    )
    assert g.assignment == {skeleton_key(other): "t_0000000000000001"}
    assert not g.new_templates


def test_capability_accuracy_on_generated_prompts(demo_dir: Path) -> None:
    rows = _truth(demo_dir)
    correct = sum(tag(skeleton(r["prompt"])) == r["capability"] for r in rows)
    per_cap = {
        cap: [tag(skeleton(r["prompt"])) == cap for r in rows if r["capability"] == cap]
        for cap in CAPABILITIES
    }
    assert correct / len(rows) >= 0.9
    for cap, hits in per_cap.items():
        assert hits, cap
        assert sum(hits) / len(hits) >= 0.75, cap


@pytest.mark.parametrize(
    ("prompt", "capability"),
    [
        ("Summarize the following text in 3 bullet points", "other"),
        ("Refactor this code and add unit tests:\n```x = 1```", "software_engineering"),
        ("You are an AI agent with the tools bash, editor. Emit each tool call as JSON.", "agentic_tool_use"),
        ("Plan a multi-week project with 5 milestones and a status report for each", "long_horizon"),
        ("Solve this problem. Think step by step and show all reasoning.", "reasoning_cot"),
        ("You are a reward model. Rate the response on a 1-10 scale.", "rubric_grading"),
    ],
)  # fmt: skip
def test_capability_rules_are_explainable(prompt: str, capability: str) -> None:
    s = skeleton(prompt)
    assert tag(s) == capability
    if capability != "other":
        assert any(rule.capability == capability for rule in explain(s))

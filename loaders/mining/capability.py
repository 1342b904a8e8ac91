"""Capability tagging of templates by transparent keyword rules.

Each rule is (capability, pattern, weight) over the masked, lower-cased skeleton. A template's score per
capability is the sum of the weights of the rules that match; the best score wins if it reaches
`MIN_SCORE`, else the template is `other`. Ties go to the capability listed first in `PRIORITY`, the more
specific one (an agent prompt often also mentions code and steps). Analysts can read and audit every rule;
`explain()` lists the rules that fired.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.vocabulary import AGENTIC_TOOL_USE as AGENTIC
from app.domain.vocabulary import LONG_HORIZON as LONG
from app.domain.vocabulary import OTHER
from app.domain.vocabulary import REASONING_COT as COT
from app.domain.vocabulary import RUBRIC_GRADING as RUBRIC
from app.domain.vocabulary import SOFTWARE_ENGINEERING as SOFTWARE

PRIORITY = (AGENTIC, LONG, RUBRIC, COT, SOFTWARE)
MIN_SCORE = 2


@dataclass(frozen=True)
class Rule:
    capability: str
    pattern: str
    weight: int


# fmt: off
RULES: tuple[Rule, ...] = (
    # agentic / tool use: tools, function calling, agents acting in an environment
    Rule(AGENTIC, r"\btool ?calls?\b|\bcall the (right|appropriate) functions?\b|\bwhich tool\b", 3),
    Rule(AGENTIC, r"\b(autonomous|ai|coding) agent\b|\bagent trajectory\b|\btrajector(y|ies)\b", 3),
    Rule(AGENTIC, r"\bwith (access to )?(the )?tools\b|\bfunction schemas?\b", 3),
    Rule(AGENTIC, r"\b(run_shell|read_file|write_file|search_web|lookup_customer|create_ticket)\b", 2),
    Rule(AGENTIC, r"\b(run|execute) shell commands?\b|\bobservations\b", 2),
    # long-horizon tasks: multi-step projects, plans, checkpoints, reports
    Rule(LONG, r"\bmulti-(week|stage|day|month)\b|\blong-running\b|\bmilestones?\b", 3),
    Rule(LONG, r"\bcheckpoint\b|\brunning memory\b|\bresume the\b|\bcontinue the long\b", 3),
    Rule(LONG, r"\bresearch task\b|\bhypothes[ei]s\b|\brevise your plan\b|\bupdate the plan\b", 3),
    Rule(LONG, r"\bpostmortem\b|\breconstruct the timeline\b|\bstatus report\b", 3),
    Rule(LONG, r"\bfinal report\b|\bbreak it into\b|\bsplit it into\b", 1),
    # rubric grading / reward modelling
    Rule(RUBRIC, r"\brubric\b|\breward model\b", 3),
    Rule(RUBRIC, r"\b(grade|score|rate|evaluate|judge)\b.{0,40}\b(response|answer|reply|turn)s?\b", 3),
    Rule(RUBRIC, r"\bresponses a and b\b|\bwhich (one )?is better\b", 3),
    Rule(RUBRIC, r"\beach criterion\b|\bcriteria\b|\bscored? <num>|\brated? <num>|<num> scale\b", 1),
    # reasoning / chain-of-thought elicitation
    Rule(COT, r"\bstep[- ]by[- ]step\b|\bchain of thought\b", 2),
    Rule(COT, r"\b(show|explain|write out) (your|all|the) (complete |full )?(work|reasoning)\b", 2),
    Rule(COT, r"\b(think|reason) carefully\b|\bintermediate (steps?|calculations)\b|\bdeductions?\b", 2),
    Rule(COT, r"\b(competition|logic) (problem|puzzle)\b|\bsolve (the following|this) (problem|puzzle)\b", 2),
    Rule(COT, r"\bderivative\b|\bconfidence interval\b|\bexplain each step\b|\bdouble-check\b", 2),
    Rule(COT, r"\bsolve\b|\bproblem <num>\b|\bfinal answer\b|\bverify each step\b", 1),
    # software engineering
    Rule(SOFTWARE, r"<code>", 1),
    Rule(SOFTWARE, r"\brefactor\b|\bpull request\b|\bregression test\b|\bunit tests?\b|\bpytest\b", 2),
    Rule(SOFTWARE, r"\bsoftware engineer\b|\bprogrammer\b|\bsql query\b|\bregex\b", 2),
    Rule(SOFTWARE, r"\b(fix|find) the bug\b|\bdoes this code\b|\bthis code\b|\bthis function\b", 2),
    Rule(SOFTWARE, r"\bimplement\b|\bfunction\b|\bdiff\b|\bcompile|\bstack trace\b|\broot cause\b", 1),
    Rule(SOFTWARE, r"\b(python|java|javascript|typescript|rust|golang|c\+\+)\b", 1),
)
# fmt: on

_COMPILED = tuple((r, re.compile(r.pattern)) for r in RULES)


def scores(text: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for rule, rx in _COMPILED:
        if rx.search(text):
            out[rule.capability] = out.get(rule.capability, 0) + rule.weight
    return out


def tag(text: str) -> str:
    s = scores(text)
    if not s:
        return OTHER
    best = max(s.values())
    if best < MIN_SCORE:
        return OTHER
    return next(c for c in PRIORITY if s.get(c) == best)


def explain(text: str) -> list[Rule]:
    return [rule for rule, rx in _COMPILED if rx.search(text)]

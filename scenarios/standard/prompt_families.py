"""Prompt template families: the text people (and operators) send, with paraphrase choice points.

A family's text holds `[[a|b|c]]` choice points (a variant fixes one option at each, so variants of a
family are near-duplicate paraphrases) and `{slot}` placeholders filled per request. Slots in template
families are only of the kinds a loader masks (numbers, quoted strings, code blocks, URLs, e-mails) or
the organisation name, so every request of one variant shares one masked skeleton.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from math import log, prod

from app.domain.vocabulary import AGENTIC_TOOL_USE as AGENTIC
from app.domain.vocabulary import LONG_HORIZON as LONG
from app.domain.vocabulary import OTHER
from app.domain.vocabulary import REASONING_COT as COT
from app.domain.vocabulary import RUBRIC_GRADING as RUBRIC
from app.domain.vocabulary import SOFTWARE_ENGINEERING as SOFTWARE

_CHOICE = re.compile(r"\[\[(.*?)\]\]", re.S)


def choice_points(text: str) -> tuple[tuple[str, ...], ...]:
    """The options of each `[[a|b]]` choice point, in order."""
    return tuple(tuple(m.group(1).split("|")) for m in _CHOICE.finditer(text))


def fill_choices(text: str, variant: int) -> str:
    """The text of one paraphrase: `variant` read as a mixed-radix number over the choice points."""

    def pick(m: re.Match[str]) -> str:
        nonlocal variant
        options = m.group(1).split("|")
        variant, digit = divmod(variant, len(options))
        return options[digit]

    return _CHOICE.sub(pick, text)


@dataclass(frozen=True)
class Family:
    family_id: str
    capability: str
    kind: str  # viral | corporate | homework | product | campaign
    text: str
    context_tokens: float  # typical tokens of context sent besides the visible prompt
    output_tokens: float
    options: tuple[tuple[str, ...], ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "options", choice_points(self.text))

    @property
    def variants(self) -> int:
        return prod(len(o) for o in self.options) if self.options else 1

    @property
    def log_context(self) -> float:
        return log(self.context_tokens)

    @property
    def log_output(self) -> float:
        return log(self.output_tokens)


def _f(fid: str, cap: str, kind: str, text: str, ctx: float, out: float) -> Family:
    return Family(fid, cap, kind, text, ctx, out)


VIRAL: tuple[Family, ...] = (
    _f("viral_summarize", OTHER, "viral",
       '[[Summarize the following|Summarize the following text|Please summarize the following]] in {few} '
       'bullet points: "{qlong}"', 350, 180),
    _f("viral_translate_fr", OTHER, "viral",
       '[[Translate to French|Translate this to French]]: "{qstr}"', 20, 40),
    _f("viral_translate_es", OTHER, "viral",
       '[[Translate to Spanish|Translate this into Spanish]]: "{qstr}"', 20, 40),
    _f("viral_explain_code", SOFTWARE, "viral", "Explain what this code does:\n{code}", 120, 350),
    _f("viral_fix_bug", SOFTWARE, "viral",
       "[[Fix the bug in this code|Why does this code not work? Fix it]]:\n{code}", 200, 420),
    _f("viral_polish_email", OTHER, "viral",
       'Rewrite this email to sound more professional: "{qlong}"', 60, 200),
    _f("viral_eli5", OTHER, "viral", 'Explain like I\'m {few}: "{qstr}"', 10, 250),
    _f("viral_grammar", OTHER, "viral", 'Correct the grammar: "{qlong}"', 40, 90),
    _f("viral_regex", SOFTWARE, "viral", 'Write a regex that matches "{qstr}" but not "{qstr}"', 10, 150),
    _f("viral_step_by_step", COT, "viral",
       "Let's think step by step. If a store sells {num} items at {dec} each and discounts {num}%, "
       "what is the total?", 10, 300),
)  # fmt: skip

CORPORATE: tuple[Family, ...] = (
    _f("corp_pr_review", SOFTWARE, "corporate",
       "You are reviewing a pull request for the {org} platform team. Follow the {org} engineering style "
       "guide. Diff:\n{code}\nList blocking issues first.", 1800, 600),
    _f("corp_ticket_qa", RUBRIC, "corporate",
       "Grade this support reply for {org} customer care against the QA rubric (tone, accuracy, resolution; "
       '1-{few} each). Reply: "{qlong}"', 300, 220),
    _f("corp_sql", SOFTWARE, "corporate",
       'Using the {org} data warehouse schema, write a SQL query that returns "{qstr}" for the last {num} '
       "days.", 900, 260),
    _f("corp_meeting", OTHER, "corporate",
       'Summarize these {org} meeting notes into action items with owners: "{qlong}"', 700, 250),
    _f("corp_agent", AGENTIC, "corporate",
       "You are {org}'s internal ops assistant with tools lookup_customer, create_ticket, refund_order. "
       'Customer {email} asks: "{qlong}". Decide which tool to call and return JSON.', 600, 150),
    _f("corp_tests", SOFTWARE, "corporate",
       "Write pytest unit tests for this {org} module:\n{code}", 1500, 900),
    _f("corp_contract", OTHER, "corporate",
       'Review this {org} vendor contract clause for risk and suggest edits: "{qlong}"', 500, 400),
    _f("corp_incident", LONG, "corporate",
       'Draft the incident postmortem for {org} service "{qstr}": outage of {num} minutes. Reconstruct the '
       'timeline, root cause, follow-up actions and owners from these notes: "{qlong}"', 2500, 1200),
)  # fmt: skip

HOMEWORK: tuple[Family, ...] = (
    _f("hw_physics", COT, "homework",
       "[[Solve step by step|Show your work step by step]]: a ball is thrown upward at {num} m/s from a "
       "height of {num} m. How long until it hits the ground? Use g = {dec} m/s^2.", 10, 450),
    _f("hw_calculus", COT, "homework",
       "Find the derivative of f(x) = {num}x^{num} + {num}sin(x) and explain each step.", 10, 380),
    _f("hw_essay", OTHER, "homework",
       'Write a {num}-word essay on "{qstr}" for my [[history|sociology|literature]] class, with an '
       "introduction, three arguments and a conclusion.", 10, 900),
    _f("hw_cs", SOFTWARE, "homework",
       "My assignment asks to implement [[binary search|merge sort|a linked list]] in Java. Here is my "
       "attempt:\n{code}\nWhy does it fail the test with input {num}?", 150, 500),
    _f("hw_stats", COT, "homework",
       "A sample of {num} students has mean {dec} and standard deviation {dec}. Compute the 95% confidence "
       "interval and explain the reasoning.", 10, 400),
)  # fmt: skip

# Customers' own products calling the API from their cloud servers: one template, high volume.
PRODUCT: tuple[Family, ...] = (
    _f("prod_codebot", SOFTWARE, "product",
       "You are {org}, a code review bot. Review the diff below and reply with inline comments as JSON "
       "objects with file, line and comment.\n{code}", 2500, 500),
    _f("prod_support_agent", AGENTIC, "product",
       "You are the {org} support agent. Tools: search_kb, get_order, escalate_to_human. "
       'Conversation so far: "{qlong}" Customer e-mail: {email}. '
       "Respond with the next tool call or the reply.", 1200, 200),
    _f("prod_writer", OTHER, "product",
       "You are {org}. Rewrite the user's text in {few} friendly sentences, keeping the meaning: \"{qlong}\"",
       80, 120),
    _f("prod_tutor", COT, "product",
       'You are {org}, a patient tutor. Explain step by step how to solve "{qstr}" for a grade {few} '
       "student, then ask one check question.", 200, 700),
    _f("prod_grader", RUBRIC, "product",
       "You are {org}. Score this essay on the {few}-point rubric (thesis, evidence, clarity, mechanics) and "
       'give two sentences of feedback per criterion: "{qlong}"', 900, 350),
)  # fmt: skip

# Extraction templates. Paraphrase choice points make careful operators' prompts near-duplicates.
CAMPAIGN: tuple[Family, ...] = (
    _f("x_swe_implement", SOFTWARE, "campaign",
       "[[You are an expert software engineer.|Act as a senior software engineer.|You are a world-class "
       "programmer.]] [[Implement|Write|Complete]] the following function [[in Python|in Python 3]] so that "
       "it passes all tests. [[Return only the final code|Return the complete code]] [[and then explain your "
       "design decisions|followed by a detailed explanation]].\n{code}\nTest case id: {num}", 900, 1400),
    _f("x_swe_refactor", SOFTWARE, "campaign",
       "[[Refactor|Rewrite|Restructure]] this code to improve readability and performance[[, keeping "
       "behaviour identical|; do not change its behaviour]]. [[Explain every change|Justify each change]] in "
       "a numbered list.\n{code}", 1200, 1500),
    _f("x_swe_debug", SOFTWARE, "campaign",
       '[[The following|This]] program fails with the error "{qstr}". [[Find the root cause|Identify the '
       "root cause]], [[fix it|provide a fix]] and [[write a regression test|add a regression test]]."
       "\n{code}", 1500, 1300),
    _f("x_swe_port", SOFTWARE, "campaign",
       "[[Translate|Port|Convert]] this function from JavaScript to Rust, [[preserving|keeping]] its exact "
       "semantics, [[and include|with]] idiomatic error handling and unit tests:\n{code}", 800, 1600),
    _f("x_agent_tools", AGENTIC, "campaign",
       "[[You are an autonomous agent|You are an AI agent|You operate as an autonomous coding agent]] with "
       "access to the tools read_file, write_file, run_shell, search_web. "
       '[[Task|Your task|Objective]]: "{qstr}" '
       "in repository {url}. [[Think step by step and|First plan, then]] emit each tool call as JSON "
       '{"tool": ..., "args": ...}. [[Continue until the task is done.|Do not stop until all tests pass.]]',
       3000, 2200),
    _f("x_agent_trajectory", AGENTIC, "campaign",
       '[[Produce|Generate|Write]] a complete agent trajectory for the task "{qstr}": [[a sequence of|the '
       "full list of]] thoughts, tool calls (bash, editor, browser) and observations, [[ending with|until]] "
       "the final answer. Environment id {num}.", 2500, 3000),
    _f("x_agent_issue", AGENTIC, "campaign",
       "[[Resolve|Fix]] issue #{num} in {url}. [[You can|You may]] run shell commands and edit files. "
       "[[Show|Output]] every command you would run, its expected output and the final patch as a unified "
       "diff.", 4000, 2500),
    _f("x_agent_functions", AGENTIC, "campaign",
       "Given these function schemas:\n{code}\n[[Call the right functions|Choose and call the appropriate "
       'functions]] to [[answer|handle]] the user request "{qstr}". [[Respond only with|Return only]] the '
       "JSON tool calls, then the final reply.", 1800, 700),
    _f("x_long_project", LONG, "campaign",
       '[[Plan and carry out|Plan and execute|Design and complete]] a multi-week software project: "{qstr}". '
       "[[Break it into|Split it into]] {num} milestones, [[and for each milestone write|writing for each "
       "one]] the design, the code, the tests and a status report. [[Do not skip steps.|Be exhaustive.]]",
       5000, 4000),
    _f("x_long_research", LONG, "campaign",
       '[[Conduct|Carry out]] a [[long|multi-stage]] research task on "{qstr}": [[formulate|state]] '
       "hypotheses, gather evidence from {url}, [[revise your plan|update the plan]] after each step, and "
       "[[write|produce]] a final report of at least {num} words.", 4500, 3500),
    _f("x_long_checkpoint", LONG, "campaign",
       "[[Continue|Resume]] the long-running task from checkpoint {num}. Previous state:\n{code}\n[[Decide "
       "the next|Choose the next]] {num} actions, [[keeping|maintaining]] a running memory of what has been "
       "done.", 8000, 2000),
    _f("x_cot_math", COT, "campaign",
       "[[Solve the following problem|Solve this problem|Work through the following problem]]. [[Show your "
       "complete chain of thought|Think step by step and show all reasoning|Reason step by step, showing "
       "every intermediate step]] before [[giving|stating]] the final answer in a box.\n"
       'Problem {num}: "{qlong}"', 250, 2600),
    _f("x_cot_verify", COT, "campaign",
       '[[Think carefully|Reason carefully]] about "{qstr}". [[Write out your full reasoning|Explain your '
       "full reasoning]], [[then double-check it|then verify each step]], and only then give the answer. "
       "Difficulty level {num}.", 150, 2200),
    _f("x_cot_olympiad", COT, "campaign",
       "[[Here is|Below is]] competition problem #{num}. [[Provide|Give]] a rigorous step-by-step solution "
       "[[with|including]] all intermediate calculations [[and|as well as]] the reasoning behind each step: "
       '"{qlong}"', 300, 3200),
    _f("x_cot_logic", COT, "campaign",
       '[[Solve the logic puzzle|Solve this puzzle]] "{qstr}" with {num} constraints. [[Enumerate|List]] '
       "every deduction [[in order|step by step]] and explain why it follows.", 200, 1800),
    _f("x_grade_rubric", RUBRIC, "campaign",
       '[[Grade the following response|Evaluate the following answer|Score this response]] against the '
       'rubric. Rubric: "{qstr}". Response: "{qlong}". [[Give a score from 1 to 10 for each criterion|Score '
       "each criterion 1-10]] [[and justify each score|with a justification]].", 900, 600),
    _f("x_grade_compare", RUBRIC, "campaign",
       '[[Compare|Judge]] responses A and B to the prompt "{qstr}". A: "{qlong}" B: "{qlong}". [[Which is '
       "better and why?|Which one is better? Explain.]] [[Use|Follow]] the criteria helpfulness, correctness "
       "and style, [[each scored 1-5|each rated 1 to 5]].", 1400, 500),
    _f("x_grade_reward", RUBRIC, "campaign",
       "[[Act as a reward model.|You are a reward model.]] [[Rate|Score]] the assistant turn \"{qlong}\" for "
       'the user prompt "{qstr}" on a 1-{few} scale and [[explain the rating|give a short rationale]].',
       700, 300),
    _f("x_other_personas", OTHER, "campaign",
       '[[Write|Produce]] {num} diverse [[user personas|customer profiles]] for "{qstr}" [[in JSON|as JSON '
       "objects]].", 100, 1500),
)  # fmt: skip

ALL_FAMILIES: tuple[Family, ...] = VIRAL + CORPORATE + HOMEWORK + PRODUCT + CAMPAIGN
FAMILY_INDEX: dict[str, int] = {f.family_id: i for i, f in enumerate(ALL_FAMILIES)}


def indices(families: tuple[Family, ...]) -> list[int]:
    return [FAMILY_INDEX[f.family_id] for f in families]


def campaign_families(capability: str) -> list[int]:
    return [FAMILY_INDEX[f.family_id] for f in CAMPAIGN if f.capability == capability]

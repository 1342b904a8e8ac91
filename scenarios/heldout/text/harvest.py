"""Task text that capability harvesters send: agentic software tasks, tool-use traces, reasoning problems,
synthetic textbook requests, instruction-tuning records. Each generator varies its payload; the wording of
the instruction around it is up to the campaign."""

from __future__ import annotations

import random

from .fill import fill, pick

V: dict[str, tuple[str, ...]] = {
    "repo": (
        "a Django REST service",
        "a React Native app",
        "a Go microservice behind gRPC",
        "a Rust CLI tool",
        "a Spring Boot monolith",
        "a Next.js storefront",
        "a FastAPI backend with Celery workers",
        "a Terraform monorepo",
        "a Flutter app",
        "a Node.js GraphQL gateway",
        "a C++ game engine module",
        "a Kotlin Android app",
        "a Laravel CMS",
        "an Airflow DAG repository",
        "a Kubernetes operator in Go",
    ),
    "issue": (
        "requests time out under load after the last deploy",
        "a race condition corrupts the cache",
        "login fails for users with non-ASCII names",
        "memory grows without bound in the worker",
        "the nightly migration deadlocks",
        "pagination returns duplicate rows",
        "a flaky test blocks CI",
        "the build breaks after upgrading the ORM",
        "timezone handling is wrong for DST days",
        "file uploads over 2 GB fail silently",
        "p95 latency doubled after adding tracing",
        "retries cause duplicate payments",
        "the feature flag is ignored in one region",
    ),
    "constraint": (
        "do not change the public API",
        "keep backward compatibility with v2 clients",
        "the fix must include a regression test",
        "no new dependencies",
        "keep it under 200 lines",
        "must pass the existing lint rules",
        "explain every command before running it",
        "assume you can only read files, run tests and edit files",
    ),
    "tool": (
        "search_flights",
        "get_weather",
        "create_calendar_event",
        "query_sql",
        "send_email",
        "lookup_customer",
        "refund_order",
        "read_file",
        "write_file",
        "run_shell",
        "browse_url",
        "get_stock_price",
        "translate_text",
        "create_ticket",
        "geocode_address",
        "list_invoices",
    ),
    "user_goal": (
        "book me the cheapest flight to Lisbon next Friday and add it to my calendar",
        "find all overdue invoices for ACME and email their finance contact",
        "refund order 4471 if it was delivered late, otherwise open a ticket",
        "check tomorrow's weather in Osaka and move my run if it rains",
        "summarise the error log in /var/log/app.log and file a bug",
        "compare the last 30 days of revenue with the same period last year",
        "find the customer who called twice yesterday and schedule a follow-up",
    ),
    "subject": (
        "thermodynamics",
        "linear algebra",
        "organic chemistry",
        "microeconomics",
        "world history",
        "probability",
        "cell biology",
        "data structures",
        "macroeconomics",
        "electromagnetism",
        "statistics",
        "discrete mathematics",
        "geography",
        "algorithms",
        "accounting",
    ),
    "level": (
        "grade 7",
        "grade 10",
        "first-year university",
        "AP",
        "graduate",
        "high-school",
        "introductory",
    ),
    "section": (
        "core definitions",
        "worked examples",
        "common misconceptions",
        "a historical note",
        "practice problems",
        "a chapter summary",
        "an applied case study",
    ),
    "domain": (
        "contract law",
        "clinical triage",
        "supply-chain planning",
        "tax filing",
        "cybersecurity",
        "customer support",
        "climate policy",
        "marketing copy",
        "financial analysis",
        "recipe design",
    ),
}


def agentic_task(rng: random.Random) -> str:
    """A software-engineering task for an agent that plans, edits and tests."""
    extra = rng.random()
    body = fill(rng, "Repository: {repo}. Problem: {issue}. Constraints: {constraint}; {constraint2}.", V)
    ask = pick(
        rng,
        (
            "Plan the investigation, list the files you would open, propose the patch as a unified diff "
            "and the "
            "tests you would add.",
            "Work through it as an autonomous agent: state each tool call you would make, the observation "
            "you expect, "
            "and the final patch.",
            "Give a step-by-step debugging plan, then the full fix with tests.",
            "Write the commands you would run, interpret their output, and finish with the patch.",
        ),
    )
    if extra < 0.3:
        body += f" Stack trace excerpt: at line {rng.randint(20, 900)} in {pick(rng, V['tool'])}.py"
    return f"{body}\n{ask}"


def long_horizon_seed(rng: random.Random) -> str:
    return fill(
        rng,
        pick(
            rng,
            (
                "I want you to act as an agent and carry out a multi-step project: migrate {repo} to a new "
                "cloud "
                "account with zero downtime. Start by writing the full plan with numbered steps.",
                "We will work through a long task together. Goal: fix the bug where {issue} in {repo}. "
                "First, write a numbered plan of at least 8 steps.",
                "Act as a research agent. Task: produce a due-diligence report on {domain} vendors. Break "
                "it into "
                "numbered steps and wait for my go-ahead before each one.",
                "You are operating a terminal on {repo}. Objective: {issue} must be fixed and deployed. "
                "Outline the "
                "steps; we will execute them one by one.",
            ),
        ),
        V,
    )


CONTINUATIONS = (
    "Continue with step {k}. Show the exact commands and the output you expect.",
    "Proceed to step {k}. If a tool call is needed, write it as JSON first.",
    "Good. Now step {k}: verify the previous result and explain any failure modes.",
    "Step {k} please. Think it through before answering.",
    "Next, step {k}. Be exhaustive.",
    "Carry on with step {k} and report what changed.",
    "Execute step {k}. Include your reasoning.",
    "Move to step {k}. Summarise progress so far at the end.",
)


def tool_use_prompt(rng: random.Random) -> str:
    tools = rng.sample(V["tool"], rng.randint(3, 6))
    spec = ",\n".join(
        f'  {{"name": "{t}", "parameters": {{"type": "object", "properties": {{"{pick(rng, ("id", "query", "date", "to", "path", "amount"))}": {{"type": "string"}}}}}}}}'  # noqa: E501
        for t in tools
    )
    goal = pick(rng, V["user_goal"])
    return (
        f"Available tools:\n[\n{spec}\n]\nUser: {goal}\n"
        "Respond with every tool call you would make in order, the arguments, the simulated result, and a "
        "final "
        "answer to the user."
    )


def reasoning_problem(rng: random.Random) -> str:
    """A short quantitative or logical problem with fresh numbers."""
    a, b, c = rng.randint(3, 97), rng.randint(2, 60), rng.randint(2, 12)
    kind = rng.randrange(8)
    if kind == 0:
        return (
            f"A tank holds {a * 10} litres. One pipe fills it in {b} minutes, another drains it in {b + c} "
            "minutes. Starting empty with both open, when is it full?"
        )
    if kind == 1:
        return (
            f"In a class of {a + 20} students, {a} play chess, {b} play football and {c} play both. "
            "How many play neither?"
        )
    if kind == 2:
        return f"Find all integers n with 1 <= n <= {a * 10} such that n^2 + {b} is divisible by {c + 1}."
    if kind == 3:
        return (
            f"Three friends split a bill of {a * 3}.{b:02d} so that the second pays {c} more than the first "
            "and the third pays twice the first. What does each pay?"
        )
    if kind == 4:
        return (
            f"A train leaves at {c}:00 at {a + 40} km/h; another leaves the same station {b} minutes later "
            "at "
            f"{a + 70} km/h. When does the second catch up?"
        )
    if kind == 5:
        return (
            f"Five people A-E sit in a row. A is not next to B, C is at position {1 + c % 5}, and D sits "
            "left "
            "of E. How many arrangements are possible?"
        )
    if kind == 6:
        return f"Prove or disprove: the sum of {c} consecutive integers is always divisible by {c}."
    return (
        f"A bag has {a} red and {b} blue marbles. Draw {c % 5 + 2} without replacement. What is the "
        "probability that exactly two are red?"
    )


SENSITIVE = (
    "a disputed border between two countries",
    "a historical protest that was suppressed",
    "criticism of a head of state",
    "a banned religious movement",
    "an ongoing territorial conflict",
    "press freedom in a one-party state",
    "the independence of a region",
    "a labour strike that turned violent",
)


def textbook_prompt(rng: random.Random) -> str:
    return fill(
        rng,
        pick(
            rng,
            (
                "Write a {level} textbook section on {subject}, focusing on {section}. Include at least "
                "three worked "
                "examples with full solutions and five exercises with an answer key.",
                "Create a complete {level} lesson on {subject}: learning objectives, explanation, "
                "{section}, worked "
                "examples and a graded exercise set with solutions.",
                "Produce textbook-quality material for {level} {subject} covering {section}, written "
                "clearly, with "
                "step-by-step solutions to every exercise.",
            ),
        ),
        V,
    )


def instruction_record(rng: random.Random) -> str:
    """An instruction-tuning record in the formats dataset builders use."""
    task = fill(
        rng,
        pick(
            rng,
            (
                "Explain {subject} to a {level} student.",
                "Write a policy memo about {domain}.",
                "Draft a customer reply about a delayed refund in {domain}.",
                "Summarise the key risks in {domain}.",
                "Give a worked solution: " + reasoning_problem(rng),
                "Fix the bug: {issue} in {repo}.",
                "Write a product description for a tool used in {domain}.",
            ),
        ),
        V,
    )
    if rng.random() < 0.6:
        return (
            "Below is an instruction that describes a task. Write a response that appropriately completes "
            "the "
            f"request.\n\n### Instruction:\n{task}\n\n### Response:"
        )
    return f'{{"conversations": [{{"from": "human", "value": "{task}"}}, {{"from": "gpt", "value": ""}}]}}'

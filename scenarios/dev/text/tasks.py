"""Task material harvesting operations ask for: engineering goals, reasoning problems, tool schemas,
questions to grade, plus a light paraphraser (synonym swaps) for near-duplicate templates."""

from __future__ import annotations

import random

from .words import CITIES, FIRST_NAMES, LANGS, NOUNS, SUBJECTS, TOPICS

ENGINEERING_GOALS = (
    "migrate the persistence layer from SQLite to PostgreSQL without downtime",
    "add OAuth2 login with refresh-token rotation",
    "split the monolith's billing module into a service",
    "fix the flaky integration tests in the payments package",
    "add structured logging and tracing spans",
    "implement a rate limiter shared across replicas",
    "port the CLI from argparse to a plugin architecture",
    "reduce p99 latency of the search endpoint below 200 ms",
    "add end-to-end encryption for attachments",
    "replace the hand-written SQL with a query builder",
    "implement incremental backups with deduplication",
    "make the job scheduler resumable after crashes",
    "add multi-tenant isolation to the cache layer",
    "upgrade the web framework two major versions",
    "add a feature-flag system with gradual rollout",
    "implement a CRDT-based collaborative text editor backend",
    "write a streaming CSV-to-Parquet converter",
    "introduce property-based tests for the parser",
    "add retries with idempotency keys to the webhook sender",
    "implement a B-tree index for the embedded key-value store",
    "build a diff viewer for configuration changes",
    "replace polling with server-sent events in the dashboard",
    "harden the file-upload endpoint against abuse",
    "refactor the dependency-injection container",
    "implement a garbage collector for orphaned blobs",
)
COMPONENTS = (
    "auth",
    "billing",
    "ingest",
    "scheduler",
    "search",
    "storage",
    "gateway",
    "notifier",
    "reporting",
    "sync",
    "parser",
    "cache",
    "api",
    "worker",
    "exporter",
    "indexer",
    "ledger",
    "router",
)
TOOLS: tuple[tuple[str, str], ...] = (
    ("get_weather", '{"city": "string", "unit": "celsius|fahrenheit"}'),
    (
        "search_flights",
        '{"origin": "IATA", "destination": "IATA", "date": "YYYY-MM-DD", "passengers": "int"}',
    ),
    ("convert_currency", '{"amount": "number", "from": "ISO4217", "to": "ISO4217"}'),
    ("create_calendar_event", '{"title": "string", "start": "datetime", "duration_min": "int"}'),
    ("send_email", '{"to": "string", "subject": "string", "body": "string"}'),
    ("query_database", '{"sql": "string", "limit": "int"}'),
    ("get_stock_price", '{"ticker": "string"}'),
    ("book_restaurant", '{"name": "string", "party_size": "int", "time": "datetime"}'),
    ("translate", '{"text": "string", "target_lang": "string"}'),
    ("run_python", '{"code": "string", "timeout_s": "int"}'),
    ("search_web", '{"query": "string", "num_results": "int"}'),
    ("read_file", '{"path": "string"}'),
    ("create_ticket", '{"project": "string", "summary": "string", "priority": "P1|P2|P3"}'),
    ("geocode", '{"address": "string"}'),
    ("get_order_status", '{"order_id": "string"}'),
)
_AIRPORTS = ("LIS", "JFK", "NRT", "FRA", "CDG", "SIN", "GRU", "SFO", "LHR", "DXB", "ICN", "MEX", "BOM", "SYD")
_CURR = ("USD", "EUR", "JPY", "GBP", "BRL", "INR", "SGD", "KRW", "MXN")
_TICKERS = ("AAPL", "MSFT", "NVDA", "TSLA", "AMZN", "SAP", "TSM", "BABA", "SHOP", "ASML")


def user_task(rng: random.Random) -> str:
    """A user request that needs one or more tool calls."""
    r = rng.randrange(8)
    if r == 0:
        return f"What's the weather in {rng.choice(CITIES)} tomorrow, and should I bring an umbrella?"
    if r == 1:
        o, d = rng.sample(_AIRPORTS, 2)
        date = f"2026-{rng.randint(4, 9):02d}-{rng.randint(1, 28):02d}"
        return f"Find me {rng.randint(1, 4)} seats from {o} to {d} on {date}."
    if r == 2:
        a, b = rng.sample(_CURR, 2)
        who = rng.choice(FIRST_NAMES).lower()
        return f"Convert {rng.randint(5, 90000)} {a} to {b} and email the result to {who}@example.com."
    if r == 3:
        minutes = rng.choice((15, 30, 45, 60))
        day = rng.choice(("Monday", "Tuesday", "Friday"))
        return (
            f"Schedule a {minutes}-minute call titled '{rng.choice(NOUNS)} review' next {day} "
            f"at {rng.randint(8, 17)}:00."
        )
    if r == 4:
        return (
            f"How many {rng.choice(NOUNS)}s were created in the last {rng.randint(2, 90)} days? "
            f"Show the top {rng.randint(3, 20)}."
        )
    if r == 5:
        pair = " and ".join(rng.sample(_TICKERS, 2))
        return f"Compare {pair} closing prices and tell me which rose more this week."
    if r == 6:
        order = f"{rng.choice('ABCDEFGHKLMNPQRSTUVWXYZ')}{rng.randint(100000, 999999)}"
        return f"Where is order {order}? If it's late, open a P{rng.randint(1, 3)} ticket."
    return (
        f"Read /data/{rng.choice(NOUNS)}_{rng.randint(1, 500)}.json, compute the mean of field "
        f"'{rng.choice(NOUNS)}' with Python and report it."
    )


def math_problem(rng: random.Random) -> str:
    """A word problem or puzzle with fresh numbers."""
    r = rng.randrange(7)
    a, b, c = rng.randint(3, 97), rng.randint(2, 60), rng.randint(2, 12)
    if r == 0:
        return (
            f"A tank fills at {a} litres per minute and drains at {b} litres per minute. It starts with "
            f"{c * 10} litres. When does it hold {a * c + 100} litres?"
        )
    if r == 1:
        return (
            f"How many {c}-digit positive integers have digits that sum to {min(9 * c - 1, a % (9 * c) + 1)}?"
        )
    if r == 2:
        return (
            f"{rng.choice(FIRST_NAMES)} buys {c} notebooks and {b} pens for ${a + b}. A notebook costs "
            f"${c} more than a pen. What does each cost?"
        )
    if r == 3:
        return f"Find all integer solutions of x^2 - {a}y^2 = {b}, or prove there are none."
    if r == 4:
        return (
            f"In a room of {a} people, each shakes hands with exactly {min(b, a - 1)} others. Is that "
            "possible? "
            f"If so, how many handshakes happen?"
        )
    if r == 5:
        return (
            f"A bag has {a} red and {b} blue marbles. {c} are drawn without replacement. What is the "
            f"probability that exactly {c // 2} are red?"
        )
    return (
        f"Prove or disprove: for every integer n > {c}, n^{c % 4 + 2} - n is divisible by {c % 5 + 2}. "
        f"Check the case n = {a} explicitly."
    )


def hard_question(rng: random.Random) -> str:
    """A question from science, code or law that invites long reasoning."""
    r = rng.randrange(5)
    if r == 0:
        return math_problem(rng)
    if r == 1:
        return (
            f"Why does {rng.choice(TOPICS)} matter for {rng.choice(SUBJECTS)}? Consider at least "
            f"{rng.randint(3, 6)} competing explanations and decide which is most plausible."
        )
    if r == 2:
        return (
            f"Design an algorithm to {rng.choice(('deduplicate', 'merge', 'rank', 'shard', 'compress'))} "
            f"{rng.randint(10, 900)} million {rng.choice(NOUNS)}s per day in {rng.choice(LANGS)}; analyse "
            "its "
            f"time and memory complexity."
        )
    if r == 3:
        return (
            f"A {rng.choice(('tenant', 'contractor', 'employee', 'shareholder'))} in case "
            f"#{rng.randint(1000, 9999)} "
            f"claims breach after {rng.randint(2, 36)} months. Walk through the elements a court would "
            "assess."
        )
    return (
        f"Estimate how many {rng.choice(NOUNS)}s a city of {rng.randint(1, 15)} million people generates per "
        f"year, stating every assumption."
    )


SYNONYMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("step by step", ("step-by-step", "one step at a time", "in clear steps")),
    ("explain", ("describe", "walk through", "lay out")),
    ("Explain", ("Describe", "Walk through", "Lay out")),
    ("carefully", ("thoroughly", "in detail", "closely")),
    ("reasoning", ("thinking", "thought process", "chain of reasoning")),
    ("Then", ("After that", "Next", "Afterwards")),
    ("every", ("each", "all of the", "every single")),
    ("final answer", ("conclusion", "final result", "answer")),
    ("Finally", ("Lastly", "At the end", "To finish")),
    ("below", ("that follows", "underneath", "provided below")),
)


def paraphrase(rng: random.Random, text: str, p: float = 0.35) -> str:
    """Swap a few words for synonyms so the same template arrives in near-duplicate forms."""
    for word, alts in SYNONYMS:
        if word in text and rng.random() < p:
            text = text.replace(word, rng.choice(alts), 1)
    return text

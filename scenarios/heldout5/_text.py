"""Prompt text: varied everyday requests and the popular shared templates."""

from __future__ import annotations

from ._core import Rng, pick

TOPICS = [
    "photosynthesis",
    "the French Revolution",
    "compound interest",
    "black holes",
    "the immune system",
    "supply and demand",
    "machine learning",
    "climate change",
    "the Roman Empire",
    "plate tectonics",
    "blockchain",
    "inflation",
    "quantum entanglement",
    "the water cycle",
    "sourdough fermentation",
    "the Cold War",
    "vaccines",
    "neural networks",
    "the stock market",
    "ocean currents",
    "CRISPR",
    "renewable energy",
    "the printing press",
    "game theory",
    "sleep cycles",
    "jazz history",
    "the Silk Road",
    "antibiotic resistance",
    "urban planning",
    "marathon training",
    "tax brackets",
]
THINGS = [
    "a birthday party for a 7-year-old",
    "a 3-day trip to Lisbon",
    "a vegetarian dinner for six",
    "my first half marathon",
    "a small balcony garden",
    "a job interview at a bank",
    "a wedding toast",
    "a weekly meal prep on a budget",
    "a team offsite",
    "moving to a new apartment",
    "a garage sale",
    "a podcast about local history",
    "a book club meeting",
    "learning Japanese in 6 months",
]
RECIPIENTS = [
    "my landlord",
    "my manager",
    "a client",
    "my child's teacher",
    "a recruiter",
    "my neighbour",
    "the HOA board",
    "customer support",
    "a professor",
    "my team",
]
REASONS = [
    "a late payment",
    "a broken heater",
    "asking for a deadline extension",
    "declining an offer",
    "following up on an invoice",
    "requesting a reference",
    "a noise complaint",
    "a refund",
    "rescheduling a meeting",
    "thanking them for their help",
]
LANGS = ["Python", "JavaScript", "TypeScript", "SQL", "Go", "Rust", "Java", "Bash", "C#", "Kotlin"]
CODE_TASKS = [
    "parse a CSV file and compute the average of a column",
    "debounce a function",
    "read a JSON config and validate required keys",
    "find duplicate files in a folder",
    "paginate results from a REST API",
    "retry an HTTP request with exponential backoff",
    "merge two sorted lists",
    "convert a date string between time zones",
    "resize all images in a folder",
    "count word frequencies in a text file",
    "connect to Postgres and run a parameterised query",
    "implement an LRU cache",
    "send an email with an attachment",
    "rate-limit requests per user",
]
ERRORS = [
    "TypeError: 'NoneType' object is not subscriptable",
    "ECONNREFUSED 127.0.0.1:5432",
    "error[E0502]: cannot borrow `v` as mutable because it is also borrowed as immutable",
    "Uncaught TypeError: Cannot read properties of undefined (reading 'map')",
    "ModuleNotFoundError: No module named 'pandas'",
    "fatal: refusing to merge unrelated histories",
    "java.lang.NullPointerException at Main.main(Main.java:14)",
    "KeyError: 'user_id'",
]
TONES = ["friendly", "formal", "concise", "persuasive", "apologetic", "enthusiastic"]
SNIPPETS = [
    "The quarterly numbers came in below expectations, mainly because two large orders slipped into "
    "next quarter.",
    "Our team met on Tuesday to review the onboarding flow and agreed to remove the second "
    "verification step.",
    "Residents raised concerns about parking, the new bike lane, and the timing of the construction work.",
    "The study followed 412 participants over two years and found a modest improvement in sleep quality.",
    "Shipping delays at the port have pushed delivery of the replacement parts to the end of the month.",
    "The museum will extend its opening hours during the summer and introduce a reduced evening ticket.",
    "Customers reported that the app logs them out after updating, and support tickets doubled this week.",
    "The council approved the budget with an amendment that moves funds from road repair to libraries.",
]
POPULAR_TEMPLATES = [
    ("Summarize the following in 3 bullet points:\n\n{snip}", "summary"),
    ("Rewrite this to sound more professional:\n\n{snip}", "write"),
    ("Fix the grammar and spelling, keep my tone:\n{snip}", "write"),
    ("Explain like I'm five: {topic}", "short"),
    ("Translate to Spanish:\n{snip}", "translate"),
    ("Act as a senior {lang} developer and review this code for bugs:\n```\n{code}\n```", "code"),
    ("Give me 10 catchy titles for a blog post about {topic}", "short"),
    ("TL;DR: {snip}", "summary"),
]


def _code(rng: Rng, lang: str) -> str:
    name = pick(rng, ["process", "handle", "load_data", "main", "compute", "update_user", "fetch_items"])
    var = pick(rng, ["items", "rows", "data", "users", "result", "records"])
    return (
        f"def {name}({var}):\n    out = []\n    for x in {var}:\n        if x:\n            "
        f"out.append(x)\n    return out[{int(rng.integers(0, 3))}]"
    )


def everyday(rng: Rng) -> tuple[str, str]:
    """One varied everyday request and its answer kind."""
    r = int(rng.integers(0, 16))
    topic = pick(rng, TOPICS)
    if r == 0:
        return (
            f"Can you explain {topic} in simple terms? I have a test "
            f"{pick(rng, ['tomorrow', 'on Friday', 'next week'])}.",
            "chat",
        )
    if r == 1:
        return (
            f"Help me plan {pick(rng, THINGS)}. Budget is around ${int(rng.integers(2, 60)) * 50}.",
            "write",
        )
    if r == 2:
        return (
            f"Write a {pick(rng, TONES)} email to {pick(rng, RECIPIENTS)} about {pick(rng, REASONS)}.",
            "write",
        )
    if r == 3:
        lang = pick(rng, LANGS)
        return f"How do I {pick(rng, CODE_TASKS)} in {lang}?", "code"
    if r == 4:
        return (
            f"I'm getting this error and I don't understand why:\n{pick(rng, ERRORS)}\nwhat does it mean",
            "code",
        )
    if r == 5:
        return f"what's the difference between {topic} and {pick(rng, TOPICS)}", "chat"
    if r == 6:
        return f"Summarize this for me: {pick(rng, SNIPPETS)} {pick(rng, SNIPPETS)}", "summary"
    if r == 7:
        n = int(rng.integers(3, 12))
        return f"give me {n} ideas for {pick(rng, THINGS)}", "short"
    if r == 8:
        a, b = int(rng.integers(100, 9999)), int(rng.integers(2, 48))
        return (
            f"If I save ${a} a month at {b / 10:.1f}% interest, how much will I have in "
            f"{int(rng.integers(2, 30))} years? show the math",
            "reasoning",
        )
    if r == 9:
        return f'Is this sentence correct? "{pick(rng, SNIPPETS)}"', "short"
    if r == 10:
        return (
            f"write a short poem about {topic} for my "
            f"{pick(rng, ['mom', 'class', 'girlfriend', 'team', 'grandpa'])}",
            "write",
        )
    if r == 11:
        lang = pick(rng, LANGS)
        return f"Refactor this {lang} code to be cleaner:\n{_code(rng, lang)}", "code"
    if r == 12:
        return f"What are the pros and cons of {topic}? Keep it under 200 words.", "short"
    if r == 13:
        return (
            f"Translate into {pick(rng, ['German', 'French', 'Japanese', 'Portuguese', 'Korean'])}: "
            f"{pick(rng, SNIPPETS)}",
            "translate",
        )
    if r == 14:
        return (
            f"My {pick(rng, ['dog', 'cat', 'toddler', 'plant', 'car'])} "
            f"{pick(rng, ['keeps', 'started', 'will not stop'])} "
            f"{pick(rng, ['making a clicking noise', 'losing leaves', 'sneezing', 'waking up at 4am'])}. "
            "What should I do?",
            "chat",
        )
    return f"Create a {int(rng.integers(3, 8))}-week study plan for {topic}.", "write"


def popular_template(rng: Rng) -> tuple[str, str]:
    tpl, kind = POPULAR_TEMPLATES[int(rng.integers(0, len(POPULAR_TEMPLATES)))]
    lang = pick(rng, LANGS)
    text = tpl.format(snip=pick(rng, SNIPPETS), topic=pick(rng, TOPICS), lang=lang, code=_code(rng, lang))
    return text, kind

"""Prompt text: ordinary users' requests, popular shared templates and filler prose."""

from __future__ import annotations

import random

LANGS = (
    "Python",
    "JavaScript",
    "TypeScript",
    "Java",
    "Go",
    "Rust",
    "C#",
    "SQL",
    "Bash",
    "Kotlin",
    "PHP",
    "C++",
)
CODE_TASKS = (
    "read a CSV file and group rows by a column",
    "debounce a function",
    "parse ISO dates with time zones",
    "retry an HTTP request with exponential backoff",
    "deduplicate a list while keeping order",
    "write a unit test for a function that calls an API",
    "stream a large file line by line",
    "convert a nested dict to a flat one",
    "validate an email address",
    "paginate a REST endpoint",
    "sort objects by two keys",
    "connect to Postgres with a connection pool",
    "resize images in a folder",
    "schedule a job every night at 2am",
    "merge two sorted arrays",
    "handle SIGTERM gracefully",
    "memoize an expensive function",
    "upload a file to S3",
    "read environment variables safely",
    "implement a rate limiter",
    "find duplicate rows in a table",
    "compute a moving average",
)
ERRORS = (
    "TypeError: 'NoneType' object is not subscriptable",
    "undefined is not a function",
    "NullPointerException",
    "cannot borrow `x` as mutable more than once at a time",
    'ERROR: column "id" is ambiguous',
    "KeyError: 'data'",
    "Segmentation fault (core dumped)",
    "ModuleNotFoundError: No module named 'requests'",
    "CORS policy: No 'Access-Control-Allow-Origin' header",
    "IndexError: list index out of range",
    "deadlock detected",
    "permission denied (publickey)",
)
RECIPIENTS = (
    "landlord",
    "manager",
    "professor",
    "team",
    "client",
    "neighbour",
    "HR department",
    "coach",
    "bank",
    "insurance company",
    "kid's teacher",
    "new colleague",
)
SUBJECTS = (
    "a late payment",
    "taking Friday off",
    "a broken heater",
    "the project deadline",
    "a refund for a cancelled order",
    "rescheduling our meeting",
    "a noise complaint",
    "my resignation",
    "a salary review",
    "a missing package",
    "the lease renewal",
    "a group assignment",
)
TONES = ("polite", "firm but friendly", "formal", "short", "apologetic", "warm", "professional")
DISHES = (
    "lentil soup",
    "banana bread",
    "chicken curry",
    "a vegan lasagna",
    "pad thai",
    "shakshuka",
    "sourdough starter",
    "overnight oats",
    "a birthday cake without eggs",
    "ramen broth",
    "falafel",
)
PLACES = (
    "Lisbon",
    "Kyoto",
    "Mexico City",
    "Istanbul",
    "Vancouver",
    "Hanoi",
    "Edinburgh",
    "Cape Town",
    "Seoul",
    "Buenos Aires",
    "Prague",
    "Bali",
    "Marrakech",
    "Oslo",
    "Chicago",
)
TOPICS = (
    "photosynthesis",
    "inflation",
    "the French Revolution",
    "black holes",
    "compound interest",
    "the Krebs cycle",
    "supply and demand",
    "plate tectonics",
    "the Cold War",
    "vaccines",
    "machine learning",
    "blockchain",
    "climate change",
    "the stock market",
    "quantum entanglement",
    "the electoral college",
    "DNS",
    "public key cryptography",
    "the Roman Empire",
    "CRISPR",
)
JOBS = (
    "data analyst",
    "nurse",
    "junior developer",
    "marketing coordinator",
    "barista",
    "teacher",
    "product manager",
    "accountant",
    "graphic designer",
    "warehouse supervisor",
    "UX researcher",
)
HOBBIES = (
    "running a half marathon",
    "learning guitar",
    "growing tomatoes on a balcony",
    "chess openings",
    "watercolour painting",
    "learning Japanese",
    "bouldering",
    "home espresso",
    "birdwatching",
)
NOUNS = (
    "the quarterly report",
    "our onboarding process",
    "the new parking policy",
    "customer feedback",
    "the product launch",
    "the school trip",
    "the budget",
    "the migration plan",
    "the renovation",
)

_SENT_SUBJ = (
    "The committee",
    "Our team",
    "The city council",
    "Researchers",
    "The company",
    "Customers",
    "The new policy",
    "Local residents",
    "The report",
    "Analysts",
    "The school board",
    "Engineers",
    "The hospital",
    "Volunteers",
    "The survey",
)
_SENT_VERB = (
    "announced",
    "reviewed",
    "questioned",
    "welcomed",
    "postponed",
    "criticised",
    "approved",
    "analysed",
    "proposed",
    "rejected",
    "discussed",
    "measured",
    "reported",
    "delayed",
)
_SENT_OBJ = (
    "a plan to expand public transport",
    "the results of the pilot study",
    "changes to the schedule",
    "the budget for next year",
    "a new recycling programme",
    "the findings on water quality",
    "a proposal to renovate the library",
    "the quarterly sales figures",
    "new safety guidelines",
    "the impact of remote work",
    "a partnership with two universities",
    "rising energy costs",
    "a shortage of qualified staff",
    "the timeline for the bridge repairs",
    "customer complaints",
)
_SENT_TAIL = (
    "after months of debate",
    "despite strong objections",
    "on Tuesday",
    "in a short statement",
    "according to people familiar with the matter",
    "for the second time this year",
    "citing budget constraints",
    "with cautious optimism",
    "ahead of the summer",
    "in a public meeting",
    "",
    "",
    "",
)


_POEMS = ("the sea", "my cat", "autumn", "Monday mornings", "coffee", "my grandmother", "a rainy city")
_PAIRS = (
    "iPhone and Pixel",
    "Postgres and MySQL",
    "renting and buying",
    "Kindle and Kobo",
    "React and Vue",
    "index funds and ETFs",
)
_REGEXES = (
    "UK postcodes",
    "dates like 2024-01-31",
    "hex colours",
    "US phone numbers",
    "semantic version strings",
)
_AILMENTS = ("a sore throat", "back pain", "trouble sleeping", "a headache every afternoon")
_FORMATS = ("LinkedIn post", "tweet", "toast", "thank-you note", "product description")
_GADGETS = ("laptop", "running shoe", "budget phone", "mechanical keyboard", "stroller")


def sentence(r: random.Random) -> str:
    tail = r.choice(_SENT_TAIL)
    s = f"{r.choice(_SENT_SUBJ)} {r.choice(_SENT_VERB)} {r.choice(_SENT_OBJ)}"
    return f"{s} {tail}." if tail else f"{s}."


def paragraph(r: random.Random, lo: int = 3, hi: int = 7) -> str:
    return " ".join(sentence(r) for _ in range(r.randint(lo, hi)))


def code_snippet(r: random.Random, lang: str) -> str:
    var = r.choice(("items", "rows", "data", "users", "result", "payload", "records"))
    if lang in ("Python",):
        return (
            f"def process({var}):\n    out = []\n    for x in {var}:\n        if "
            f"x['{r.choice(('id', 'name', 'ts'))}']:"
            f"\n            out.append(x)\n    return out[{r.randint(0, 3)}]"
        )
    if lang in ("JavaScript", "TypeScript"):
        return (
            f"const {var} = await fetch(url).then(r => r.json());\n{var}.map(x => "
            f"x.{r.choice(('id', 'name'))}).forEach(console.log);"
        )
    if lang == "SQL":
        return f"SELECT id, name, COUNT(*) FROM {var} JOIN orders ON orders.user_id = id GROUP BY name;"  # noqa: S608
    return f"// {lang}\nfor (int i = 0; i <= {var}.length; i++) {{ total += {var}[i]; }}"


def benign_prompt(r: random.Random) -> str:
    """One ordinary request from an ordinary user; varied wording on purpose."""
    k = r.randrange(24)
    lang = r.choice(LANGS)
    if k == 0:
        return f"how do i {r.choice(CODE_TASKS)} in {lang.lower()}"
    if k == 1:
        return (
            f"I'm getting this error in {lang}: "
            f"{r.choice(ERRORS)}\n\n{code_snippet(r, lang)}\n\nwhat am I doing wrong?"
        )
    if k == 2:
        return f"Write a {r.choice(TONES)} email to my {r.choice(RECIPIENTS)} about {r.choice(SUBJECTS)}."
    if k == 3:
        return (
            f"Can you give me a recipe for {r.choice(DISHES)}? I have about "
            f"{r.choice(('30 minutes', 'an hour', 'two hours'))}."
        )
    if k == 4:
        return (
            f"Plan a {r.randint(2, 9)}-day trip to {r.choice(PLACES)} on a "
            f"{r.choice(('tight', 'moderate', 'generous'))} budget"
        )
    if k == 5:
        return f"Explain {r.choice(TOPICS)} in simple terms"
    if k == 6:
        return (
            f"Help me write a cover letter for a {r.choice(JOBS)} position. I have "
            f"{r.randint(1, 12)} years of experience."
        )
    if k == 7:
        return f"what's the difference between {r.choice(TOPICS)} and {r.choice(TOPICS)}?"
    if k == 8:
        return f"Give me a {r.randint(4, 16)}-week plan for {r.choice(HOBBIES)}."
    if k == 9:
        a, b = r.randint(12, 999), r.randint(2, 60)
        return (
            f"If I save ${a} a month at {b / 10:.1f}% interest, how much will I have in "
            f"{r.randint(2, 30)} years?"
        )
    if k == 10:
        return f"rewrite this so it sounds less rude: {sentence(r)} {sentence(r)}"
    if k == 11:
        return f"Write a short poem about {r.choice(_POEMS)}"
    if k == 12:
        return f"Can you review my {lang} code and suggest improvements?\n\n{code_snippet(r, lang)}"
    if k == 13:
        return f"Make a table comparing {r.choice(_PAIRS)}"
    if k == 14:
        return (
            f"My {r.choice(('son', 'daughter', 'nephew'))} is {r.randint(6, 15)} and struggles with "
            f"{r.choice(('fractions', 'reading', 'essay writing', 'algebra', 'spelling'))}. Any tips?"
        )
    if k == 15:
        return f"Draft talking points for a meeting about {r.choice(NOUNS)}"
    if k == 16:
        return f"Write a regex that matches {r.choice(_REGEXES)}"
    if k == 17:
        return f"I have {r.choice(_AILMENTS)} for {r.randint(2, 14)} days, should I see a doctor?"
    if k == 18:
        return (
            f"Give me {r.randint(3, 15)} name ideas for a "
            f"{r.choice(('bakery', 'podcast', 'cat', 'startup', 'band', 'hiking club', 'newsletter'))}"
        )
    if k == 19:
        return f"Write a {r.choice(_FORMATS)} about {r.choice(NOUNS)}"
    if k == 20:
        return f"Explain what this does:\n{code_snippet(r, lang)}"
    if k == 21:
        return f"Quiz me on {r.choice(TOPICS)}, {r.randint(3, 10)} questions, one at a time"
    if k == 22:
        return f"whats a good {r.choice(_GADGETS)} under {r.randint(1, 20) * 50} dollars"
    return f"{paragraph(r, 1, 3)}\n\nIs this accurate? Give me more context."


#: Popular shared templates that many unrelated people paste: exact heads with variable payloads.
POPULAR = (
    "Summarize the following text:\n\n{p}",
    "Summarize the following in 3 bullet points:\n\n{p}",
    "Rewrite this to sound more professional:\n\n{p}",
    "Fix the grammar and spelling, keep my tone:\n\n{p}",
    "Translate into English:\n\n{p}",
    "Explain this like I'm five: {t}",
    "Act as an expert career coach. Review my resume summary and give feedback:\n\n{p}",
    "You are a helpful assistant. Answer concisely.\n\nQuestion: {q}",
    "TL;DR:\n\n{p}",
)


def popular_prompt(r: random.Random, template: str | None = None) -> str:
    t = template if template is not None else r.choice(POPULAR)
    return t.format(p=paragraph(r), t=r.choice(TOPICS), q=benign_prompt(r))


def benign_output_tokens(r: random.Random) -> int:
    return int(min(4000, max(20, r.lognormvariate(5.6, 0.7))))

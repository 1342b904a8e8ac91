# ruff: noqa: E501, S608 -- prompt templates read better unwrapped; the SQL here is prompt text, never run.
"""Prompt text: ordinary user prompts, popular public templates, and the payload material styles draw on.

Everything is composed from word banks with a seeded generator, so the same seed gives the same text and
different seeds give different, but statistically alike, traffic.
"""

from __future__ import annotations

import random

NOUNS = (
    "invoice",
    "customer",
    "order",
    "report",
    "dashboard",
    "schedule",
    "budget",
    "meeting",
    "proposal",
    "contract",
    "shipment",
    "ticket",
    "campaign",
    "dataset",
    "pipeline",
    "account",
    "subscription",
    "lesson",
    "recipe",
    "garden",
    "apartment",
    "trip",
    "workout",
    "presentation",
    "newsletter",
    "survey",
    "payroll",
    "inventory",
    "warehouse",
    "clinic",
    "podcast",
    "wedding",
    "thesis",
    "grant",
    "portfolio",
    "launch",
)
ADJ = (
    "quarterly",
    "urgent",
    "new",
    "internal",
    "weekly",
    "final",
    "short",
    "detailed",
    "friendly",
    "formal",
    "small",
    "large",
    "remote",
    "annual",
    "monthly",
    "public",
    "draft",
    "updated",
    "local",
    "shared",
)
VERBS = (
    "review",
    "update",
    "cancel",
    "reschedule",
    "summarize",
    "approve",
    "migrate",
    "explain",
    "compare",
    "plan",
    "organize",
    "fix",
    "test",
    "deploy",
    "analyze",
    "translate",
    "estimate",
    "optimize",
    "refactor",
)
LANGS = (
    "Python",
    "JavaScript",
    "TypeScript",
    "Java",
    "C#",
    "Go",
    "Rust",
    "C++",
    "PHP",
    "Kotlin",
    "Ruby",
    "SQL",
)
LIBS = (
    "pandas",
    "React",
    "Django",
    "FastAPI",
    "Spring Boot",
    "Express",
    "NumPy",
    "PyTorch",
    "Next.js",
    "Flask",
    "SQLAlchemy",
    "Tailwind",
    "Docker",
    "Kubernetes",
    "Terraform",
    "GitHub Actions",
    "Redis",
    "PostgreSQL",
    "Kafka",
    "Vue",
    "Angular",
    "Pydantic",
    "Celery",
    "Airflow",
    "dbt",
    "Playwright",
    "Jest",
)
CONCEPTS = (
    "compound interest",
    "photosynthesis",
    "the CAP theorem",
    "inflation",
    "quantum entanglement",
    "recursion",
    "the French Revolution",
    "a Fourier transform",
    "supply and demand",
    "CRISPR",
    "Bayes' theorem",
    "dependency injection",
    "the Krebs cycle",
    "gradient descent",
    "blockchain",
    "the Cold War",
    "OAuth 2.0",
    "Kubernetes pods",
    "the placebo effect",
    "opportunity cost",
    "entropy",
    "a mortgage",
    "index funds",
    "plate tectonics",
    "eventual consistency",
    "transformers in machine learning",
)
CITIES = (
    "Lisbon",
    "Tokyo",
    "Mexico City",
    "Seoul",
    "Berlin",
    "Bali",
    "Bangkok",
    "New York",
    "Rome",
    "Istanbul",
    "Cape Town",
    "Vancouver",
    "Hanoi",
    "Barcelona",
    "Kyoto",
    "Marrakech",
    "Prague",
    "Buenos Aires",
    "Goa",
)
FOODS = (
    "chickpeas",
    "salmon",
    "tofu",
    "leftover rice",
    "chicken thighs",
    "lentils",
    "spinach",
    "eggs",
    "ground beef",
    "sweet potatoes",
    "mushrooms",
    "paneer",
    "black beans",
    "zucchini",
    "shrimp",
)
PEOPLE = (
    "boss",
    "landlord",
    "client",
    "professor",
    "team",
    "coworker",
    "neighbor",
    "HR",
    "recruiter",
    "teacher",
)
LANGUAGES = (
    "Spanish",
    "French",
    "German",
    "Japanese",
    "Portuguese",
    "Korean",
    "Hindi",
    "Italian",
    "Vietnamese",
)
FIRST = (
    "Ana",
    "Ben",
    "Chen",
    "Dmitri",
    "Elif",
    "Fatima",
    "Greg",
    "Hiro",
    "Ines",
    "Jamal",
    "Kofi",
    "Lena",
    "Mateo",
    "Nadia",
    "Omar",
    "Priya",
    "Quinn",
    "Rosa",
    "Sven",
    "Tara",
    "Umar",
    "Vera",
    "Wei",
    "Yuki",
)
_SYL = (
    "bri",
    "lan",
    "ko",
    "ve",
    "tra",
    "nor",
    "quil",
    "sa",
    "mo",
    "zen",
    "ta",
    "ri",
    "flo",
    "can",
    "dor",
    "pex",
    "lu",
    "mar",
    "vo",
    "ster",
    "ia",
    "ly",
    "gen",
    "tic",
    "hal",
    "cy",
    "on",
    "bel",
    "ax",
    "um",
)
_CORP_WORDS = (
    "Labs",
    "Systems",
    "Analytics",
    "Health",
    "Logistics",
    "Studio",
    "Partners",
    "Digital",
    "Capital",
    "Software",
    "Retail",
    "Energy",
    "Media",
    "Robotics",
    "Bio",
    "Foods",
    "Group",
)
_TLDS = (
    "com",
    "com",
    "com",
    "io",
    "ai",
    "co",
    "de",
    "co.uk",
    "net",
    "app",
    "dev",
    "fr",
    "in",
    "com.br",
    "jp",
)


def pick(rng: random.Random, seq: tuple[str, ...]) -> str:
    return seq[rng.randrange(len(seq))]


def brand(rng: random.Random) -> str:
    return "".join(pick(rng, _SYL) for _ in range(rng.choice((2, 2, 3)))).capitalize()


def company(rng: random.Random) -> tuple[str, str]:
    name = brand(rng)
    suffix = pick(rng, _CORP_WORDS)
    dom = name.lower() + (suffix.lower() if rng.random() < 0.3 else "") + "." + pick(rng, _TLDS)
    return f"{name} {suffix}", dom


# A fixed, seed-independent pool: students of the same university share its domain whatever style made them.
UNIVERSITIES: tuple[tuple[str, str, str], ...] = (
    ("stanford.edu", "US", "Stanford University"),
    ("mit.edu", "US", "MIT"),
    ("berkeley.edu", "US", "UC Berkeley"),
    ("umich.edu", "US", "University of Michigan"),
    ("gatech.edu", "US", "Georgia Tech"),
    ("asu.edu", "US", "Arizona State"),
    ("utexas.edu", "US", "UT Austin"),
    ("nyu.edu", "US", "NYU"),
    ("cam.ac.uk", "GB", "Cambridge"),
    ("ucl.ac.uk", "GB", "UCL"),
    ("ed.ac.uk", "GB", "Edinburgh"),
    ("tum.de", "DE", "TU Munich"),
    ("rwth-aachen.de", "DE", "RWTH"),
    ("uva.nl", "NL", "UvA"),
    ("unimelb.edu.au", "AU", "Melbourne"),
    ("iitb.ac.in", "IN", "IIT Bombay"),
    ("iitd.ac.in", "IN", "IIT Delhi"),
    ("vit.ac.in", "IN", "VIT"),
    ("snu.ac.kr", "KR", "SNU"),
    ("kaist.ac.kr", "KR", "KAIST"),
    ("u-tokyo.ac.jp", "JP", "U Tokyo"),
    ("usp.br", "BR", "USP"),
    ("sorbonne-universite.fr", "FR", "Sorbonne"),
    ("nus.edu.sg", "SG", "NUS"),
    ("ui.ac.id", "ID", "Universitas Indonesia"),
    ("hust.edu.vn", "VN", "HUST"),
)
UNI_ASN: dict[str, int] = {
    "US": 3,
    "GB": 786,
    "DE": 680,
    "NL": 1103,
    "AU": 7575,
    "IN": 55824,
    "KR": 17579,
    "FR": 2200,
}


def sentence(rng: random.Random) -> str:
    k = rng.randrange(8)
    n, a, v = pick(rng, NOUNS), pick(rng, ADJ), pick(rng, VERBS)
    if k == 0:
        return f"We need to {v} the {a} {n} before {pick(rng, ('Friday', 'the end of the month', 'Q3', 'tomorrow'))}."
    if k == 1:
        return f"The {n} was {pick(rng, ('delayed', 'approved', 'rejected', 'moved', 'flagged'))} because of the {a} {pick(rng, NOUNS)}."
    if k == 2:
        return f"{pick(rng, FIRST)} said the {n} numbers look {pick(rng, ('off', 'fine', 'too high', 'promising'))}."
    if k == 3:
        return f"Please {v} the {n} and send it to {pick(rng, FIRST)} by {rng.randrange(1, 12)} pm."
    if k == 4:
        return f"Our {a} {n} grew by {rng.randrange(2, 60)}% compared to last {pick(rng, ('year', 'quarter', 'month'))}."
    if k == 5:
        return f"I am not sure whether to {v} the {n} or wait for {pick(rng, PEOPLE)} to reply."
    if k == 6:
        return f"In {pick(rng, CITIES)}, the {n} costs about {rng.randrange(5, 900)} dollars."
    return f"There is a problem with the {n}: it keeps {pick(rng, ('crashing', 'timing out', 'failing', 'duplicating'))}."


def paragraph(rng: random.Random, n: int) -> str:
    return " ".join(sentence(rng) for _ in range(n))


def ident(rng: random.Random) -> str:
    parts = (pick(rng, VERBS), pick(rng, NOUNS))
    return parts[0] + "_" + parts[1] if rng.random() < 0.6 else parts[0] + parts[1].capitalize()


def code_snippet(rng: random.Random, lang: str) -> str:
    f, x, y = ident(rng), pick(rng, NOUNS), pick(rng, NOUNS) + "s"
    if lang == "SQL":  # generated prompt text, never executed
        return (
            f"SELECT c.id, c.name, SUM(o.total) AS total\nFROM customers c\nJOIN {y} o ON o.customer_id = c.id\n"
            f"WHERE o.created_at > '2026-0{rng.randrange(1, 3)}-01'\nGROUP BY c.id\nHAVING total > {rng.randrange(10, 500)};"
        )
    if lang == "Python":
        return (
            f"def {f}({y}, limit={rng.randrange(2, 50)}):\n    result = []\n    for {x} in {y}:\n"
            f"        if {x}.get('status') == '{pick(rng, ('open', 'paid', 'active'))}':\n"
            f"            result.append({x}['id'])\n    return result[:limit]"
        )
    if lang in ("JavaScript", "TypeScript"):
        return (
            f"async function {f}({y}) {{\n  const res = await fetch(`/api/{x}/${{id}}`);\n"
            f"  const data = await res.json();\n  return data.{y}.filter(i => i.count > {rng.randrange(0, 9)});\n}}"
        )
    if lang == "Go":
        return (
            f"func {f.capitalize()}(ctx context.Context, {x}ID string) (*{x.capitalize()}, error) {{\n"
            f'\trow := db.QueryRowContext(ctx, "SELECT * FROM {y} WHERE id=$1", {x}ID)\n\tvar v {x.capitalize()}\n'
            f"\tif err := row.Scan(&v.ID, &v.Name); err != nil {{\n\t\treturn nil, err\n\t}}\n\treturn &v, nil\n}}"
        )
    if lang == "Rust":
        return (
            f"fn {f}({y}: &[{x.capitalize()}]) -> Vec<u64> {{\n    {y}.iter()\n        .filter(|x| x.score > {rng.randrange(1, 99)})\n"
            "        .map(|x| x.id)\n        .collect()\n}"
        )
    return (
        f"public List<{x.capitalize()}> {f}(List<{x.capitalize()}> {y}) {{\n    return {y}.stream()\n"
        f"        .filter(x -> x.getCount() > {rng.randrange(1, 20)})\n        .collect(Collectors.toList());\n}}"
    )


def error_text(rng: random.Random, lang: str) -> str:
    if lang == "Python":
        return pick(
            rng,
            (
                f"KeyError: '{pick(rng, NOUNS)}_id'",
                "TypeError: 'NoneType' object is not subscriptable",
                f"ModuleNotFoundError: No module named '{pick(rng, LIBS).lower().replace(' ', '_')}'",
                "ValueError: cannot convert float NaN to integer",
                "RecursionError: maximum recursion depth exceeded",
            ),
        )
    return pick(
        rng,
        (
            "TypeError: Cannot read properties of undefined (reading 'map')",
            "NullPointerException",
            "error[E0502]: cannot borrow `v` as mutable because it is also borrowed as immutable",
            "panic: runtime error: index out of range [3] with length 3",
            "CORS policy: No 'Access-Control-Allow-Origin'",
            "Segmentation fault (core dumped)",
            "ERROR: duplicate key value violates unique constraint",
        ),
    )


def roughen(rng: random.Random, s: str) -> str:
    """Casual typing: lower case, missing punctuation, the odd typo."""
    r = rng.random()
    if r < 0.35:
        s = s.lower()
    if rng.random() < 0.25:
        s = s.rstrip(".?!")
    if rng.random() < 0.15 and len(s) > 12:
        i = rng.randrange(1, len(s) - 2)
        s = s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    if rng.random() < 0.08:
        s += pick(rng, (" pls", " thanks", " asap", "??", " :)"))
    return s


# Prompt-library templates copied verbatim by thousands of unrelated people; a shared template alone is weak.
POPULAR: tuple[str, ...] = (
    "I want you to act as a Linux terminal. I will type commands and you will reply with what the terminal should show. I want you to only reply with the terminal output inside one unique code block, and nothing else. My first command is {cmd}",
    'I want you to act as an English translator, spelling corrector and improver. I will speak to you in any language and you will detect the language, translate it and answer in the corrected and improved version of my text, in English. My first sentence is "{sent}"',
    "Act as a senior software engineer. Review the following code and suggest improvements for readability, performance and security:\n\n{code}",
    "Summarize the following text in 5 bullet points. Keep it concise.\n\n{para}",
    "Explain the following code line by line:\n{code}",
    "Rewrite the following in a more professional tone:\n\n{para}",
    'You are an expert prompt engineer. Improve the following prompt so that it gets better results:\n"{sent}"',
    "Generate 10 multiple-choice questions about {concept} with four options each and mark the correct answer.",
    'I want you to act as an interviewer. I will be the candidate and you will ask me the interview questions for the {job} position. Ask me the questions one by one and wait for my answers. My first sentence is "Hi"',
    "Write a cover letter for a {job} position. Here is my resume:\n\n{para}",
    'Act as a travel guide. I will tell you my location and you will suggest places to visit nearby. My first request is "I am in {city} and I want to visit museums."',
    "{question} Let's think step by step.",
)
JOBS = (
    "data analyst",
    "frontend developer",
    "product manager",
    "nurse",
    "sales associate",
    "DevOps engineer",
    "teacher",
    "UX designer",
    "accountant",
    "backend engineer",
)
CMDS = ("pwd", "ls -la", "cat /etc/os-release", "git status", "docker ps", "top", "uname -a")


def math_question(rng: random.Random) -> str:
    a, b, c = rng.randrange(2, 90), rng.randrange(2, 40), rng.randrange(2, 12)
    return pick(
        rng,
        (
            f"A train leaves at {c} am travelling {a} km/h; another leaves an hour later at {a + b} km/h. When does the second catch up?",
            f"If {a} workers build a wall in {b} days, how many days do {a + c} workers need?",
            f"What is the probability of getting at least {c % 5 + 1} heads in {c + 3} fair coin flips?",
            f"Solve for x: {a}x + {b} = {c}x - {a + b}.",
            f"A shop discounts a {a * 10} dollar item by {b}% and then adds {c}% tax. What is the final price?",
            f"How many ways can {c + 2} people sit around a round table if two of them refuse to sit together?",
            f"Find all integers n such that n^2 + {a} is divisible by n + {c}.",
        ),
    )


def ordinary_prompt(rng: random.Random, persona: str) -> str:
    """One request an ordinary person of this persona might send."""
    if rng.random() < 0.07:
        return popular_prompt(rng)
    if persona == "dev":
        return _dev(rng)
    if persona == "student":
        return _student(rng) if rng.random() < 0.7 else _casual(rng)
    if persona == "work":
        return _work(rng) if rng.random() < 0.75 else _casual(rng)
    r = rng.random()
    return _casual(rng) if r < 0.65 else _work(rng) if r < 0.85 else _dev(rng)


def popular_prompt(rng: random.Random) -> str:
    lang = pick(rng, LANGS)
    return pick(rng, POPULAR).format(
        cmd=pick(rng, CMDS),
        sent=sentence(rng),
        code=code_snippet(rng, lang),
        para=paragraph(rng, rng.randrange(3, 8)),
        concept=pick(rng, CONCEPTS),
        job=pick(rng, JOBS),
        city=pick(rng, CITIES),
        question=math_question(rng),
    )


def followup(rng: random.Random) -> str:
    return pick(
        rng,
        (
            "can you make it shorter",
            "more formal please",
            "thanks! now translate it to " + pick(rng, LANGUAGES),
            "that didn't work, same error",
            "ok and what about the second part?",
            "give me 3 more options",
            "why?",
            "can you explain that again but simpler",
            "perfect, thank you",
            "now add error handling",
            "use a table instead",
            "continue",
            "no, I meant the other one",
            "what would you recommend?",
        ),
    )


def _casual(rng: random.Random) -> str:
    k = rng.randrange(14)
    if k == 0:
        return roughen(
            rng, f"what can I cook with {pick(rng, FOODS)}, {pick(rng, FOODS)} and {pick(rng, FOODS)}?"
        )
    if k == 1:
        return roughen(rng, f"plan a {rng.randrange(2, 10)} day trip to {pick(rng, CITIES)} on a budget")
    if k == 2:
        return roughen(rng, f"explain {pick(rng, CONCEPTS)} like I'm five")
    if k == 3:
        return roughen(
            rng,
            f"write a short birthday message for my {pick(rng, ('mom', 'sister', 'best friend', 'grandpa', 'boss'))} who loves {pick(rng, ('gardening', 'football', 'jazz', 'hiking', 'chess'))}",
        )
    if k == 4:
        return roughen(rng, f"translate to {pick(rng, LANGUAGES)}: {sentence(rng)}")
    if k == 5:
        return roughen(
            rng,
            f"give me a {rng.randrange(3, 6)}-day workout plan for {pick(rng, ('beginners', 'losing weight', 'building muscle', 'running a 10k'))}",
        )
    if k == 6:
        return roughen(
            rng,
            f"is it normal that my {pick(rng, ('cat', 'dog', 'toddler', 'car', 'laptop'))} {pick(rng, ('sleeps all day', 'makes a clicking noise', 'wont eat', 'gets hot'))}?",
        )
    if k == 7:
        return followup(rng)
    if k == 8:
        return roughen(
            rng,
            f"write a polite message to my {pick(rng, PEOPLE)} about the {pick(rng, ADJ)} {pick(rng, NOUNS)}",
        )
    if k == 9:
        return roughen(rng, f"what's the difference between {pick(rng, CONCEPTS)} and {pick(rng, CONCEPTS)}")
    if k == 10:
        return roughen(
            rng,
            f"gift ideas for a {rng.randrange(8, 70)} year old who likes {pick(rng, ('cooking', 'anime', 'gaming', 'books', 'camping'))}, under ${rng.randrange(20, 150)}",
        )
    if k == 11:
        return roughen(rng, f"summarize this for me: {paragraph(rng, rng.randrange(2, 6))}")
    if k == 12:
        return roughen(rng, math_question(rng))
    return roughen(rng, f"tell me a fun fact about {pick(rng, CITIES)}")


def _work(rng: random.Random) -> str:
    k = rng.randrange(10)
    if k == 0:
        return f"Write an email to my {pick(rng, PEOPLE)} asking to {pick(rng, VERBS)} the {pick(rng, ADJ)} {pick(rng, NOUNS)}. Keep it under 120 words."
    if k == 1:
        return f"Rewrite this paragraph so it is clearer:\n\n{paragraph(rng, rng.randrange(2, 5))}"
    if k == 2:
        return f"Create an agenda for a {rng.randrange(30, 120)} minute meeting about the {pick(rng, NOUNS)} {pick(rng, ('launch', 'review', 'migration', 'budget'))}."
    if k == 3:
        return f'Excel formula to {pick(rng, ("sum column C when column A is", "count rows where B equals", "look up the price for"))} "{pick(rng, NOUNS)}"'
    if k == 4:
        return f"Turn these notes into a status update for leadership:\n- {sentence(rng)}\n- {sentence(rng)}\n- {sentence(rng)}"
    if k == 5:
        return f"Write a LinkedIn post announcing our {pick(rng, ADJ)} {pick(rng, NOUNS)}. Upbeat but not cringe."
    if k == 6:
        return f"What are the pros and cons of {pick(rng, LIBS)} vs {pick(rng, LIBS)} for a team of {rng.randrange(2, 40)}?"
    if k == 7:
        return f"Draft a job description for a {pick(rng, JOBS)} at a {rng.randrange(5, 500)}-person company."
    if k == 8:
        return followup(rng)
    return f"Summarize the key points of this {pick(rng, NOUNS)} and list action items:\n\n{paragraph(rng, rng.randrange(3, 7))}"


def _dev(rng: random.Random) -> str:
    lang = pick(rng, LANGS)
    k = rng.randrange(11)
    if k == 0:
        return roughen(
            rng, f"how do I {pick(rng, VERBS)} a {pick(rng, NOUNS)} list in {lang} using {pick(rng, LIBS)}"
        )
    if k == 1:
        return f"Why does this {lang} code throw `{error_text(rng, lang)}`?\n\n```\n{code_snippet(rng, lang)}\n```"
    if k == 2:
        return f"Write a {lang} function that {pick(rng, ('parses', 'validates', 'deduplicates', 'paginates', 'caches'))} {pick(rng, NOUNS)} records. Include tests."
    if k == 3:
        return f"convert this to {pick(rng, LANGS)}:\n{code_snippet(rng, lang)}"
    if k == 4:
        return roughen(rng, f"{error_text(rng, lang)} when running {pick(rng, LIBS)} in docker, any idea?")
    if k == 5:
        return f"Write a regex that matches {pick(rng, ('email addresses', 'ISO dates', 'US phone numbers', 'semantic versions', 'hex colours'))}."
    if k == 6:
        return f"Optimize this query, it takes {rng.randrange(3, 90)} seconds:\n{code_snippet(rng, 'SQL')}"
    if k == 7:
        return f"What's the idiomatic way to handle {pick(rng, ('errors', 'config', 'retries', 'logging', 'migrations'))} in {pick(rng, LIBS)}?"
    if k == 8:
        return followup(rng)
    if k == 9:
        return f"Write unit tests for:\n```{lang.lower()}\n{code_snippet(rng, lang)}\n```"
    return f"Set up a {pick(rng, ('GitHub Actions workflow', 'Dockerfile', 'Makefile', 'docker-compose file'))} for a {pick(rng, LIBS)} app with {pick(rng, LIBS)}."


def _student(rng: random.Random) -> str:
    k = rng.randrange(8)
    if k == 0:
        return roughen(rng, math_question(rng))
    if k == 1:
        return roughen(rng, f"explain {pick(rng, CONCEPTS)} for my exam")
    if k == 2:
        return f"Give me an essay outline on {pick(rng, CONCEPTS)} ({rng.randrange(800, 3000)} words)."
    if k == 3:
        return roughen(rng, f"help me understand this: {paragraph(rng, 2)}")
    if k == 4:
        return f"Make flashcards for {pick(rng, CONCEPTS)}."
    if k == 5:
        return _dev(rng)
    if k == 6:
        return roughen(rng, f"is this correct? {math_question(rng)} I got {rng.randrange(2, 400)}")
    return followup(rng)


# Payload material shared by campaigns and honest heavy users alike.

REPOS = (
    "payments-service",
    "webapp",
    "ml-pipeline",
    "cli",
    "sdk-python",
    "infra",
    "mobile-app",
    "search-api",
    "scheduler",
    "auth-gateway",
    "etl-jobs",
    "design-system",
    "billing",
    "notifications",
    "data-loader",
)
TOOLS = (
    "read_file",
    "write_file",
    "run_tests",
    "search_code",
    "list_dir",
    "run_shell",
    "git_diff",
    "open_url",
    "query_db",
    "http_request",
    "python_exec",
    "edit_file",
)


def coding_issue(rng: random.Random) -> str:
    lang = pick(rng, LANGS)
    lib = pick(rng, LIBS)
    return (
        pick(
            rng,
            (
                f"The {pick(rng, NOUNS)} endpoint returns 500 when the {pick(rng, NOUNS)} list is empty. Stack trace: {error_text(rng, lang)}",
                f"Add pagination to `{ident(rng)}` in the {lib} service; the current implementation loads all rows.",
                f"Tests in `test_{ident(rng)}.py` are flaky on CI: {error_text(rng, 'Python')}",
                f"Migrate the `{ident(rng)}` module from callbacks to async/await without changing behaviour.",
                f"Implement retry with exponential backoff in `{ident(rng)}` for {lib} timeouts.",
                f"The {lang} build fails after upgrading {lib}: {error_text(rng, lang)}",
                f"Refactor `{ident(rng)}` to remove the global state and make it testable.",
                f"Add input validation to `{ident(rng)}`; users can submit a negative {pick(rng, NOUNS)} count.",
            ),
        )
        + f"\n\nRelevant code:\n```\n{code_snippet(rng, lang)}\n```"
    )


def tool_output(rng: random.Random) -> str:
    k = rng.randrange(4)
    if k == 0:
        return f"{rng.randrange(3, 80)} passed, {rng.randrange(1, 6)} failed\nFAILED tests/test_{ident(rng)}.py::test_{ident(rng)} - {error_text(rng, 'Python')}"
    if k == 1:
        return "\n".join(
            f"src/{ident(rng)}.py:{rng.randrange(1, 400)}: {ident(rng)}(" for _ in range(rng.randrange(2, 6))
        )
    if k == 2:
        return "$ ls src\n" + "  ".join(f"{ident(rng)}.py" for _ in range(rng.randrange(3, 9)))
    return f'HTTP {pick(rng, ("200", "404", "500", "429"))}\n{{"{pick(rng, NOUNS)}": {rng.randrange(0, 999)}, "status": "{pick(rng, ("ok", "error", "pending"))}"}}'


def cp_problem(rng: random.Random) -> str:
    n = pick(rng, ("10^5", "2*10^5", "10^6", "5000", "10^9"))
    what = pick(
        rng,
        (
            "the number of pairs (i, j) with i < j and a_i + a_j divisible by k",
            "the length of the longest subarray whose sum is at most S",
            "the minimum number of operations to make all elements equal, where one operation adds 1 to a prefix",
            "the number of connected components after removing every vertex with odd degree",
            "the maximum total value of items that fit in a knapsack of capacity W when items come in groups",
            "the shortest path from 1 to n when every edge weight can be halved at most once",
            "the lexicographically smallest string obtainable by reversing exactly one substring",
            "the number of distinct palindromic substrings modulo 998244353",
        ),
    )
    return (
        f"You are given an array of n integers (1 <= n <= {n}) and an integer k. Compute {what}.\n"
        f"Input: the first line contains t (1 <= t <= {pick(rng, ('10^4', '10^3', '100'))}). Each test case has n and k, then n integers.\n"
        f"Output: one integer per test case.\nExample input:\n{rng.randrange(1, 4)}\n{rng.randrange(3, 7)} {rng.randrange(2, 9)}\n"
        + " ".join(str(rng.randrange(1, 100)) for _ in range(rng.randrange(4, 8)))
    )


def support_ticket(rng: random.Random) -> str:
    return pick(
        rng,
        (
            f"Hi, I was charged twice for my {pick(rng, ADJ)} {pick(rng, NOUNS)} subscription. Order #{rng.randrange(10**6, 10**7)}. Please refund.",
            f"The app crashes every time I open the {pick(rng, NOUNS)} tab on Android {rng.randrange(11, 15)}.",
            f"Can you add an export to CSV for the {pick(rng, NOUNS)} page? We need it for the {pick(rng, ADJ)} audit.",
            f"I can't log in, the reset email never arrives. My username is {pick(rng, FIRST).lower()}{rng.randrange(10, 99)}.",
            f"Your courier left my {pick(rng, NOUNS)} at the wrong address in {pick(rng, CITIES)}.",
            f"How do I change the billing contact on our account? {sentence(rng)}",
        ),
    )


def short_answer(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randrange(1, 4)))

"""Turns (family, variant) choices and random slot values into prompt text, vectorised with Arrow.

Rows are grouped by (family, variant); each group is one element-wise string join of literal pieces and
slot arrays, so a million prompts cost a few hundred Arrow kernel calls rather than a Python loop.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from scenarios.standard.prompt_families import ALL_FAMILIES, fill_choices

_SLOT = re.compile(r"\{(num|few|dec|qstr|qlong|code|url|email|org)\}")

_QUOTED = (
    "the quarterly report is late", "customer churn in Q3", "a cat that learns to fly", "climate adaptation",
    "renewable energy subsidies", "the history of the printing press", "remote work productivity",
    "a haunted lighthouse", "supply chain resilience", "the ethics of gene editing", "urban beekeeping",
    "why is my build failing", "invoice totals do not match", "the login page is slow", "parse the CSV file",
    "deduplicate user records", "schedule a weekly backup", "train a small classifier", "rate limit the API",
    "migrate the database to Postgres", "the meeting is moved to Friday", "please confirm the shipment",
    "good morning, how are you", "where is the nearest station", "I would like to book a table",
    "the package arrived damaged", "a sorting algorithm for nearly sorted data", "distributed consensus",
    "memory leak in the worker", "flaky integration test", "the origin of the moon", "compound interest",
    "the water cycle", "photosynthesis in desert plants", "the French revolution", "game theory in auctions",
    "a peaceful village at dawn", "the tallest buildings in Asia", "how vaccines work", "inflation and wages",
)  # fmt: skip
_LONG_A = (
    "Our team met on Monday to review the roadmap and agreed to postpone the mobile release.",
    "The customer wrote that the order never arrived and asked for a refund or a replacement.",
    "Sales in the northern region grew while the southern stores struggled with staffing.",
    "The experiment compared two fertilisers across forty plots over a full growing season.",
    "I have been learning the guitar for a year and I still cannot play barre chords cleanly.",
    "The novel follows a lighthouse keeper who finds letters from the previous keeper.",
    "The new policy requires every contractor to complete security training before onboarding.",
    "After the migration, several reports show totals that differ from the old system.",
    "The city council debated whether to convert the old rail line into a cycling path.",
    "Participants rated the prototype as easy to use but complained about the battery life.",
    "The assistant answered the question but ignored the constraint about the word limit.",
    "A farmer has chickens and cows; together they have a number of heads and legs.",
)  # fmt: skip
_LONG_B = (
    "Please keep the tone friendly and mention the next steps.",
    "Several people disagreed about the budget and the timeline.",
    "The data is attached below and may contain a few errors.",
    "Nobody has decided who owns the follow-up yet.",
    "It needs to be ready before the board meeting next week.",
    "The answer should be understandable by a beginner.",
    "There were also complaints about the support response times.",
    "We want to compare it with the results from last year.",
    "The final decision depends on the legal review.",
    "It was written in a hurry, so the structure is messy.",
)  # fmt: skip
_CODE = (
    "def add(a, b):\n    return a - b",
    "for i in range(len(items)):\n    if items[i] = target:\n        return i",
    "class Cache:\n    def __init__(self, size):\n        self.data = {}\n    def get(self, key):\n        return self.data[key]",  # noqa: E501
    "function debounce(fn, ms) {\n  let t;\n  return (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); };\n}",  # noqa: E501
    "SELECT user_id, COUNT(*) FROM orders GROUP BY user_id HAVING COUNT(*) > 1",
    "fn parse(input: &str) -> Result<u32, String> {\n    input.trim().parse().map_err(|e| e.to_string())\n}",
    "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)",
    "async function load(url) {\n  const r = await fetch(url);\n  return r.json;\n}",
    "public int binarySearch(int[] a, int x) {\n  int lo = 0, hi = a.length;\n  while (lo < hi) { int mid = (lo + hi) / 2; if (a[mid] < x) lo = mid; else hi = mid; }\n  return lo;\n}",  # noqa: E501
    "import pandas as pd\ndf = pd.read_csv('data.csv')\ndf.groupby('region').sum().plot()",
    "def merge(a, b):\n    out = []\n    while a and b:\n        out.append(a.pop(0) if a[0] < b[0] else b.pop(0))\n    return out + a + b",  # noqa: E501
    "const tools = [{name: 'search', parameters: {query: 'string'}}, {name: 'calculator', parameters: {expr: 'string'}}]",  # noqa: E501
    "def retry(fn, times):\n    for _ in range(times):\n        try:\n            return fn()\n        except Exception:\n            pass",  # noqa: E501
    "while True:\n    job = queue.get()\n    process(job)",
    "type Node struct {\n    Val  int\n    Next *Node\n}",
)  # fmt: skip
_HOSTS = (
    "github.com/acme-labs", "gitlab.com/northwind", "example.org/docs", "docs.internal.example.com",
    "arxiv.org/abs", "stackoverflow.com/questions", "news.example.net/article", "shop.example.com/item",
    "github.com/open-tools", "wiki.example.org/page",
)  # fmt: skip
_PATHS = ("repo", "issue", "view", "release", "notes", "post", "item", "tree/main", "blob/dev", "report")
_USERS = ("alex", "sam.lee", "j.doe", "maria", "chen.wei", "priya", "tom", "support", "info", "ops-team")
_MAIL_HOSTS = ("example.com", "example.org", "mail.example.net", "corp.example.com")

_OPENERS = (
    "", "Hi!", "Hello,", "Quick question:", "Hey,", "Okay so", "I'm stuck.", "Help please:", "Good morning.",
    "One more thing:", "Sorry if this is basic,", "For work:", "Question from a beginner:", "Urgent:",
    "Not sure how to phrase this, but", "My manager asked me this:",
)  # fmt: skip
_ASKS = (
    "how do I", "what is the best way to", "can you explain how to", "help me", "give me tips to",
    "what should I know to", "is it possible to", "write a short guide to", "compare the options to",
    "what are common mistakes when trying to", "can you show me how to", "I want to",
)  # fmt: skip
_VERBS = (
    "plan", "cook", "fix", "organise", "learn", "price", "compare", "set up", "clean", "write", "debug",
    "optimise", "choose", "repair", "translate", "explain", "budget for", "speed up", "test", "deploy",
)  # fmt: skip
_OBJECTS = (
    "a birthday party for my daughter", "sourdough bread", "my bike's rear derailleur", "a pandas merge",
    "a cover letter for a nurse job", "a trip to Lisbon", "a React component", "our team's on-call rota",
    "a vegetable garden on a balcony", "a wedding speech", "my home Wi-Fi", "a Kubernetes deployment",
    "a small bakery's prices", "a marathon training plan", "a Python script that renames files",
    "a landing page", "my tax return", "an Excel pivot table", "a chess opening", "a D&D campaign",
    "a job interview", "the kitchen drain", "a loan comparison", "a Rust borrow checker error",
    "a literature review", "a slide deck about sales", "a dog's diet", "a customer complaint reply",
    "a SQL query with window functions", "a newsletter", "a moving checklist", "a podcast intro",
    "a unit test for a date parser", "a Terraform module", "a bedtime story", "a grant proposal",
)  # fmt: skip
_NUM_LEADS = ("My budget is", "The number I got was", "The deadline is in", "It has to fit in", "We have")
_UNITS = ("dollars.", "days.", "words.", "items.", "MB.", "people.", "euros a month.")
_URL_LEADS = ("The link is", "Source:", "See", "The file is at", "This is the page:")
_EMAIL_LEADS = ("You can reach them at", "Reply to", "Send it to", "My colleague is", "The sender was")
_QUOTE_LEADS = ("It says", "The error is", "The title is", "My draft:", "The prompt was")
_CODE_LEADS = ("Here is what I have:", "My code:", "I copied this:", "Current version:")
_CLOSERS = (
    "", "Thanks!", "Keep it short.", "In simple terms please.", "Use bullet points.", "Thank you so much.",
    "Explain like I'm new to this.", "What do you think?", "Be concise.", "Give me three options.",
)  # fmt: skip


def _pool(values: tuple[str, ...]) -> pa.StringArray:
    return pa.array(values, type=pa.string())


_P_QUOTED = _pool(_QUOTED)
_P_LONG_A = _pool(_LONG_A)
_P_LONG_B = _pool(_LONG_B)
_P_CODE = _pool(_CODE)
_P_HOSTS = _pool(_HOSTS)
_P_PATHS = _pool(_PATHS)
_P_USERS = _pool(_USERS)
_P_MAIL_HOSTS = _pool(_MAIL_HOSTS)
_P_OPENERS = _pool(_OPENERS)
_P_ASKS = _pool(_ASKS)
_P_VERBS = _pool(_VERBS)
_P_OBJECTS = _pool(_OBJECTS)
_P_NUM_LEADS = _pool(_NUM_LEADS)
_P_UNITS = _pool(_UNITS)
_P_URL_LEADS = _pool(_URL_LEADS)
_P_EMAIL_LEADS = _pool(_EMAIL_LEADS)
_P_QUOTE_LEADS = _pool(_QUOTE_LEADS)
_P_CODE_LEADS = _pool(_CODE_LEADS)
_P_CLOSERS = _pool(_CLOSERS)


def _take(pool: pa.StringArray, m: int, rng: np.random.Generator) -> pa.Array:
    return pool.take(pa.array(rng.integers(0, len(pool), m)))


def _ints(lo: int, hi: int, m: int, rng: np.random.Generator) -> pa.Array:
    return pc.cast(pa.array(rng.integers(lo, hi, m)), pa.string())


def _join(*parts: pa.Array | str) -> pa.Array:
    return pc.binary_join_element_wise(*parts, "")


def slot_values(kind: str, m: int, rng: np.random.Generator, org: pa.Array | None) -> pa.Array | str:
    """Fresh random values for one slot kind (`org` comes from the rows themselves)."""
    if kind == "num":
        return _ints(1, 5000, m, rng)
    if kind == "few":
        return _ints(2, 13, m, rng)
    if kind == "dec":
        return _join(_ints(0, 100, m, rng), ".", _ints(0, 100, m, rng))
    if kind == "qstr":
        return _take(_P_QUOTED, m, rng)
    if kind == "qlong":
        return _join(_take(_P_LONG_A, m, rng), " ", _take(_P_LONG_B, m, rng))
    if kind == "code":
        return _join("```\n", _take(_P_CODE, m, rng), "\n# case ", _ints(1, 10_000, m, rng), "\n```")
    if kind == "url":
        return _join(
            "https://", _take(_P_HOSTS, m, rng), "/", _take(_P_PATHS, m, rng), "/", _ints(1, 99_999, m, rng)
        )
    if kind == "email":
        return _join(_take(_P_USERS, m, rng), _ints(1, 999, m, rng), "@", _take(_P_MAIL_HOSTS, m, rng))
    if kind == "org":
        if org is None:
            raise ValueError("an {org} slot needs the rows' organisation names")
        return org
    raise ValueError(f"unknown slot kind {kind!r}")


@cache
def compiled(family: int, variant: int) -> tuple[tuple[bool, str], ...]:
    """Pieces of one paraphrase: (is_slot, literal text or slot kind)."""
    text = fill_choices(ALL_FAMILIES[family].text, variant)
    pieces: list[tuple[bool, str]] = []
    pos = 0
    for m in _SLOT.finditer(text):
        if m.start() > pos:
            pieces.append((False, text[pos : m.start()]))
        pieces.append((True, m.group(1)))
        pos = m.end()
    if pos < len(text):
        pieces.append((False, text[pos:]))
    return tuple(pieces)


def render_one_form(
    family: int, variant: int, m: int, rng: np.random.Generator, org: pa.Array | None = None
) -> pa.Array:
    parts: list[pa.Array | str] = []
    for is_slot, value in compiled(family, variant):
        parts.append(slot_values(value, m, rng, org) if is_slot else value)
    if not any(isinstance(p, pa.Array) for p in parts):
        # A form without slots: every row gets the same literal text.
        return pa.array(["".join(str(p) for p in parts)] * m, type=pa.string())
    return _join(*parts)


def render_templates(
    family: npt.NDArray[np.int32],
    variant: npt.NDArray[np.int32],
    rng: np.random.Generator,
    org: pa.Array | None = None,
) -> pa.Array:
    """Prompt text for rows with the given (family, variant), in the rows' order."""
    n = len(family)
    if n == 0:
        return pa.array([], type=pa.string())
    key = family.astype(np.int64) * 1_000_000 + variant
    order = np.argsort(key, kind="stable")
    sorted_key = key[order]
    bounds = np.flatnonzero(np.diff(sorted_key)) + 1
    starts = np.concatenate(([0], bounds))
    ends = np.concatenate((bounds, [n]))
    pieces: list[pa.Array] = []
    for s, e in zip(starts.tolist(), ends.tolist(), strict=True):
        k = int(sorted_key[s])
        rows_org = org.take(pa.array(order[s:e])) if org is not None else None
        pieces.append(render_one_form(k // 1_000_000, k % 1_000_000, e - s, rng, rows_org))
    inverse = np.empty(n, dtype=np.int64)
    inverse[order] = np.arange(n)
    return pa.concat_arrays(pieces).take(pa.array(inverse))


def render_ordinary(m: int, rng: np.random.Generator) -> pa.Array:
    """Everyday prompts: varied wording with a maskable detail (number, URL, e-mail, quote or code)."""
    if m == 0:
        return pa.array([], type=pa.string())
    details = pc.choose(
        pa.array(rng.integers(0, 5, m).astype(np.int8)),
        _join(_take(_P_NUM_LEADS, m, rng), " ", _ints(2, 90_000, m, rng), " ", _take(_P_UNITS, m, rng)),
        _join(_take(_P_URL_LEADS, m, rng), " ", slot_values("url", m, rng, None)),
        _join(_take(_P_EMAIL_LEADS, m, rng), " ", slot_values("email", m, rng, None), "."),
        _join(_take(_P_QUOTE_LEADS, m, rng), ' "', _take(_P_QUOTED, m, rng), '".'),
        _join(_take(_P_CODE_LEADS, m, rng), "\n", slot_values("code", m, rng, None), "\n"),
    )
    return pc.utf8_trim_whitespace(
        _join(
            _take(_P_OPENERS, m, rng), " ", _take(_P_ASKS, m, rng), " ", _take(_P_VERBS, m, rng), " ",
            _take(_P_OBJECTS, m, rng), "? ", details, " ",
            _take(_P_CLOSERS, m, rng),
        )
    )  # fmt: skip

"""Text banks for ordinary users' prompts, with token counts sized to what each prompt asks for."""

from __future__ import annotations

import random
from collections.abc import Callable

from .world import approx_tokens, out_tokens

Prompt = tuple[str, int, int]

TOPICS = (
    "photosynthesis",
    "compound interest",
    "the French Revolution",
    "black holes",
    "inflation",
    "CRISPR",
    "the Krebs cycle",
    "supply and demand",
    "quantum entanglement",
    "the Cold War",
    "neural networks",
    "plate tectonics",
    "the stock market",
    "vaccines",
    "climate change",
    "the Roman Empire",
    "blockchain",
    "the immune system",
    "opportunity cost",
    "the electoral college",
    "sourdough fermentation",
    "public key cryptography",
    "the water cycle",
    "game theory",
    "Bayesian statistics",
    "jet lag",
    "index funds",
    "the placebo effect",
    "containerization with Docker",
    "Kubernetes pods",
    "REST APIs",
    "the Marshall Plan",
    "tidal forces",
    "the Silk Road",
    "TCP handshakes",
    "gradient descent",
)
AUDIENCES = (
    "a 10 year old",
    "a first-year student",
    "my grandmother",
    "a product manager",
    "an expert",
    "someone who hates math",
    "a new hire",
    "a high school class",
)
PAIRS = (
    ("TCP", "UDP"),
    ("a Roth IRA", "a traditional IRA"),
    ("affect", "effect"),
    ("weather", "climate"),
    ("SQL", "NoSQL"),
    ("a virus", "a bacterium"),
    ("latte", "cappuccino"),
    ("LLC", "S corp"),
    ("React", "Vue"),
    ("stocks", "bonds"),
    ("mitosis", "meiosis"),
    ("Python lists", "tuples"),
    ("HIIT", "steady-state cardio"),
    ("baking soda", "baking powder"),
    ("a mortgage broker", "a bank"),
    ("git merge", "git rebase"),
    ("RAM", "storage"),
    ("empathy", "sympathy"),
    ("Docker", "a virtual machine"),
)
RECIPIENTS = (
    "my landlord",
    "my manager",
    "a client",
    "my professor",
    "the HR team",
    "a recruiter",
    "my neighbour",
    "customer support",
    "the school principal",
    "a vendor",
    "my team",
)
EMAIL_TOPICS = (
    "a broken heater that hasn't been fixed in two weeks",
    "asking for Friday off",
    "a delayed invoice",
    "an extension on my assignment",
    "a salary negotiation",
    "following up after an interview",
    "a noisy party last weekend",
    "a refund for a double charge",
    "the new on-call rotation",
    "rescheduling our quarterly review",
    "a missing package",
    "a price increase next quarter",
)
TONES = ("polite", "firm but friendly", "formal", "casual", "apologetic", "short", "persuasive")
LANGS = ("Spanish", "French", "German", "Japanese", "Portuguese", "Korean", "Italian", "Hindi", "Chinese")
SENTENCES = (
    "The meeting has been moved to Thursday at 3 pm because the conference room is being renovated.",
    "Please make sure all expense reports are submitted before the end of the month.",
    "Our new product line will be available in stores starting next spring.",
    "I'm sorry for the delay, the shipment was held at customs for additional inspection.",
    "The museum is closed on Mondays but offers free admission on the first Sunday of each month.",
    "Patients should avoid eating for eight hours before the procedure.",
    "We appreciate your patience while we upgrade our systems this weekend.",
    "The train to the airport leaves every fifteen minutes from platform four.",
    "Researchers found that participants who slept less than six hours performed worse on memory tests.",
    "Sales in the northeast region grew by twelve percent compared to the same quarter last year.",
    "The city council voted to expand the bike lane network along the river.",
    "Remember to water the tomatoes in the morning so the leaves dry out before evening.",
    "Customers reported that the mobile app crashes when uploading photos larger than 10 MB.",
    "The contractor estimates that the kitchen renovation will take about six weeks.",
    "Our support team is available from 9 am to 6 pm on weekdays.",
    "The committee recommends postponing the vote until the budget review is complete.",
    "Several volunteers are needed to help set up chairs before the concert on Saturday.",
    "The study was limited by a small sample size and a short follow-up period.",
)
BUSINESSES = (
    "coffee shop",
    "dog grooming business",
    "bakery",
    "SaaS tool for dentists",
    "podcast about history",
    "bike repair shop",
    "YouTube channel about budget travel",
    "plant nursery",
    "tutoring service",
    "craft brewery",
    "fintech app for students",
    "wedding photography studio",
)
DISHES = (
    "chicken thighs",
    "leftover rice",
    "chickpeas",
    "salmon",
    "tofu",
    "ground beef",
    "spinach and feta",
    "sweet potatoes",
    "lentils",
    "eggs and stale bread",
)
PLACES = (
    "Lisbon",
    "Kyoto",
    "Mexico City",
    "Edinburgh",
    "Seoul",
    "Cape Town",
    "Vancouver",
    "Istanbul",
    "Hanoi",
    "Prague",
    "Buenos Aires",
    "Marrakesh",
)
ERRORS = (
    (
        "Python",
        "TypeError: 'NoneType' object is not subscriptable",
        "def get_user(users, uid):\n    for u in users:\n        if u['id'] == uid:\n            return "
        "u\n\nname = get_user(users, 42)['name']",
    ),
    (
        "JavaScript",
        "TypeError: Cannot read properties of undefined (reading 'map')",
        "function List({ items }) {\n  return <ul>{items.map(i => <li key={i.id}>{i.name}</li>)}</ul>;\n}",
    ),
    (
        "Python",
        "ValueError: could not convert string to float: '1,234.5'",
        "import csv\nwith open('sales.csv') as f:\n    total = sum(float(r['amount']) for r in "
        "csv.DictReader(f))",
    ),
    (
        "Java",
        "java.lang.NullPointerException at OrderService.java:57",
        "Order o = repo.findById(id).orElse(null);\nreturn o.getCustomer().getEmail();",
    ),
    (
        "SQL",
        'ERROR: column "total" must appear in the GROUP BY clause',
        "SELECT customer_id, total, COUNT(*) FROM orders GROUP BY customer_id;",
    ),
    (
        "Rust",
        "error[E0502]: cannot borrow `v` as mutable because it is also borrowed as immutable",
        'let first = &v[0];\nv.push(4);\nprintln!("{}", first);',
    ),
    (
        "Go",
        "panic: assignment to entry in nil map",
        "var counts map[string]int\nfor _, w := range words {\n    counts[w]++\n}",
    ),
    (
        "C#",
        "System.InvalidOperationException: Sequence contains no elements",
        'var latest = orders.Where(o => o.Status == "open").OrderBy(o => o.Date).First();',
    ),
    ("Bash", "syntax error near unexpected token `fi'", 'if [ -f $FILE ]\n  echo "exists"\nfi'),
)
REVIEWS = (
    "The battery lasts all day and the screen is gorgeous, but the speakers are tinny.",
    "Arrived broken and customer service never replied. Avoid.",
    "Decent for the price. Not amazing, not terrible.",
    "Absolutely love this blender, makes smoothies in seconds!",
    "The hotel room was smaller than the photos suggested and smelled of smoke.",
    "Fast shipping, exactly as described, would buy again.",
    "Stopped working after two weeks. Refund took a month.",
    "The staff were friendly and the pasta was the best I've had outside Italy.",
)
MATH = (
    "3x + 7 = 22",
    "x^2 - 5x + 6 = 0",
    "2(x - 4) = 3x + 1",
    "the derivative of x^3 sin(x)",
    "the integral of 1/(1+x^2) from 0 to 1",
    "the probability of two sixes in three dice rolls",
    "the area of a circle with circumference 10 cm",
    "log2(x) + log2(x-2) = 3",
)


def _paragraph(rng: random.Random, k: int) -> str:
    return " ".join(rng.sample(SENTENCES, min(k, len(SENTENCES))))


def _explain(rng: random.Random) -> Prompt:
    forms = (
        "Explain {t} like I'm {a}.",
        "Can you explain {t} to {a}?",
        "what is {t}",
        "How does {t} work?",
        "ELI5 {t}",
        "Give me a short overview of {t} for {a}.",
        "I still don't get {t}. Help?",
    )
    p = rng.choice(forms).format(t=rng.choice(TOPICS), a=rng.choice(AUDIENCES))
    return p, approx_tokens(p), out_tokens(rng, 380)


def _compare(rng: random.Random) -> Prompt:
    a, b = rng.choice(PAIRS)
    forms = (
        "What's the difference between {a} and {b}?",
        "{a} vs {b} - which should I pick?",
        "Compare {a} and {b} in a table.",
        "difference {a} {b}",
    )
    p = rng.choice(forms).format(a=a, b=b)
    return p, approx_tokens(p), out_tokens(rng, 320)


def _email(rng: random.Random) -> Prompt:
    forms = (
        "Write a {tone} email to {r} about {t}.",
        "Draft a {tone} message to {r} regarding {t}",
        "help me write an email to {r}, it's about {t}. keep it {tone}",
        "Can you write a {tone} note to {r}? Context: {t}.",
    )
    p = rng.choice(forms).format(tone=rng.choice(TONES), r=rng.choice(RECIPIENTS), t=rng.choice(EMAIL_TOPICS))
    return p, approx_tokens(p), out_tokens(rng, 230)


def _translate(rng: random.Random) -> Prompt:
    forms = (
        "Translate the following into {l}:\n\n{s}",
        "Translate to {l}: {s}",
        "how do you say this in {l}? {s}",
    )
    p = rng.choice(forms).format(l=rng.choice(LANGS), s=rng.choice(SENTENCES))
    return p, approx_tokens(p), out_tokens(rng, 45, 0.3)


def _summarize(rng: random.Random) -> Prompt:
    forms = (
        "Summarize the following:\n\n{p}",
        "Summarize the following text in 3 bullet points:\n\n{p}",
        "tl;dr please\n\n{p}",
        "Can you summarize this for me?\n{p}",
    )
    p = rng.choice(forms).format(p=_paragraph(rng, rng.randint(3, 9)))
    return p, approx_tokens(p), out_tokens(rng, 110, 0.4)


def _rewrite(rng: random.Random) -> Prompt:
    forms = (
        "Rewrite this to sound more professional: {s}",
        "Make this shorter: {s}",
        "Fix the grammar: {s}",
        "Paraphrase: {s}",
    )
    p = rng.choice(forms).format(s=rng.choice(SENTENCES).lower().replace(",", ""))
    return p, approx_tokens(p), out_tokens(rng, 50, 0.35)


def _debug(rng: random.Random) -> Prompt:
    lang, err, code = rng.choice(ERRORS)
    forms = (
        "Why am I getting `{e}`?\n\n```{l}\n{c}\n```",
        "{l} question: this fails with {e}\n{c}",
        "fix this pls\n```\n{c}\n```\n{e}",
        "I get this error: {e}. Code:\n{c}\nWhat am I doing wrong?",
    )
    p = rng.choice(forms).format(e=err, l=lang.lower(), c=code)
    return p, approx_tokens(p), out_tokens(rng, 420)


def _agentic(rng: random.Random) -> Prompt:
    lang, _, code = rng.choice(ERRORS)
    task = rng.choice(
        (
            "add pagination to the list endpoint",
            "write unit tests for this module",
            "refactor this into smaller functions",
            "migrate this to async",
            "add input validation and error handling",
            "port this to TypeScript",
        )
    )
    fence = f"```{lang.lower()}\n{code}\n```"
    p = f"Please {task}. Here is the current file:\n\n{fence}\nKeep the public API unchanged."
    ctx = rng.randint(1500, 24000)
    return p, approx_tokens(p) + ctx, out_tokens(rng, 2200, 0.6)


def _classify(rng: random.Random) -> Prompt:
    forms = (
        "Is this review positive or negative? Answer with one word.\n\n{r}",
        "Sentiment (positive/negative/neutral): {r}",
        "Classify: {r}\nLabel:",
    )
    p = rng.choice(forms).format(r=rng.choice(REVIEWS))
    return p, approx_tokens(p), out_tokens(rng, 2, 0.3, 6)


def _brainstorm(rng: random.Random) -> Prompt:
    forms = (
        "Give me 10 name ideas for a {b}.",
        "Marketing slogan ideas for my {b}?",
        "What are some ways to get first customers for a {b}?",
        "Write an Instagram bio for a {b}",
    )
    p = rng.choice(forms).format(b=rng.choice(BUSINESSES))
    return p, approx_tokens(p), out_tokens(rng, 260)


def _life(rng: random.Random) -> Prompt:
    forms = (
        "What can I cook with {d}?",
        "3 day itinerary for {p} on a budget",
        "Is it safe to drink tap water in {p}?",
        "easy weeknight dinner with {d}",
        "What should I pack for a week in {p} in April?",
        "how long do I bake {d}",
    )
    p = rng.choice(forms).format(d=rng.choice(DISHES), p=rng.choice(PLACES))
    return p, approx_tokens(p), out_tokens(rng, 330)


def _math(rng: random.Random) -> Prompt:
    forms = ("Solve {m}", "Can you solve {m} step by step?", "help with homework: {m}", "find {m}")
    p = rng.choice(forms).format(m=rng.choice(MATH))
    return p, approx_tokens(p), out_tokens(rng, 480)


def _chat(rng: random.Random) -> Prompt:
    p = rng.choice(
        (
            "thanks!",
            "can you make it shorter",
            "more formal please",
            "now in bullet points",
            "that's not right, try again",
            "continue",
            "ok and what about the second one?",
            "explain the last part again",
            "perfect",
            "give me another example",
        )
    )
    hist = rng.randint(200, 3000)
    return p, approx_tokens(p) + hist, out_tokens(rng, 250, 0.7)


CONSUMER: tuple[tuple[Callable[[random.Random], Prompt], float], ...] = (
    (_explain, 12),
    (_compare, 7),
    (_email, 10),
    (_translate, 6),
    (_summarize, 9),
    (_rewrite, 7),
    (_debug, 5),
    (_classify, 2),
    (_brainstorm, 6),
    (_life, 10),
    (_math, 7),
    (_chat, 14),
    (_agentic, 1),
)
DEVELOPER: tuple[tuple[Callable[[random.Random], Prompt], float], ...] = (
    (_debug, 20),
    (_agentic, 18),
    (_explain, 6),
    (_summarize, 10),
    (_classify, 8),
    (_chat, 18),
    (_compare, 6),
    (_translate, 4),
    (_rewrite, 5),
)
OFFICE: tuple[tuple[Callable[[random.Random], Prompt], float], ...] = (
    (_email, 18),
    (_summarize, 16),
    (_rewrite, 12),
    (_translate, 6),
    (_explain, 7),
    (_chat, 16),
    (_brainstorm, 8),
    (_compare, 5),
    (_debug, 4),
)


def benign(
    rng: random.Random, mix: tuple[tuple[Callable[[random.Random], Prompt], float], ...] = CONSUMER
) -> Prompt:
    fn = rng.choices([f for f, _ in mix], weights=[w for _, w in mix])[0]
    return fn(rng)

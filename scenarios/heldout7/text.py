"""Text material: prose, code, maths problems and the ordinary prompts of ordinary users."""

from __future__ import annotations

import random

from scenarios.heldout7.core import tokens_of

SUBJECTS = (
    "The city council", "Our team", "The new policy", "A recent study", "The company", "My landlord",
    "The committee", "Researchers at the institute", "The local library", "The school board",
    "The startup", "Most customers", "The regional office", "The museum", "Several volunteers",
    "The hospital", "The supplier", "The district court", "The airline", "The football club",
)  # fmt: skip
VERBS = (
    "announced", "postponed", "reviewed", "approved", "criticised", "expanded", "reduced", "questioned",
    "published", "rejected", "launched", "delayed", "funded", "restructured", "evaluated", "audited",
)  # fmt: skip
OBJECTS = (
    "the budget for next year", "a plan to renovate the old station", "its remote work rules",
    "the results of the pilot programme", "a partnership with two universities", "new parking fees",
    "the quarterly sales figures", "a proposal to extend opening hours", "the safety inspection report",
    "a survey of 2,000 residents", "changes to the delivery schedule", "the hiring freeze",
    "a grant for community gardens", "the migration to a new billing system", "the water quality data",
    "an agreement on shared cycling lanes", "its carbon reduction targets", "the complaint procedure",
)  # fmt: skip
TAILS = (
    "after months of debate", "despite strong objections", "following a public consultation",
    "citing rising costs", "to the surprise of many observers", "in a short statement on Tuesday",
    "according to people familiar with the matter", "while details remain unclear",
    "although critics say it does not go far enough", "with support from local businesses",
    "as part of a wider reform", "ahead of the summer season",
)  # fmt: skip
FOLLOWUPS = (
    "Officials expect the changes to take effect within six months.",
    "A spokesperson declined to comment on the timeline.",
    "The decision affects roughly 4,500 households.",
    "Opponents plan to raise the issue again at the next meeting.",
    "Early feedback from staff has been mixed.",
    "The total cost is estimated at 2.3 million euros.",
    "Similar measures were introduced in neighbouring towns last year.",
    "Further details will be published on the official website.",
    "Some residents said they had not been consulted.",
    "The board will review progress in the autumn.",
)  # fmt: skip


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}."


def paragraph(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        out.append(sentence(rng) if rng.random() < 0.65 else rng.choice(FOLLOWUPS))
    return " ".join(out)


NAMES = ("items", "orders", "users", "rows", "records", "events", "scores", "prices", "paths", "tokens")
FUNCS = (
    "parse_config", "merge_intervals", "dedupe", "normalize_scores", "group_by_day", "top_k",
    "flatten", "retry_request", "chunk_list", "moving_average", "validate_email", "slugify",
    "count_words", "diff_dicts", "load_csv", "build_index", "rate_limit", "binary_search",
)  # fmt: skip


def code_snippet(rng: random.Random, lang: str = "python", lines: int = 8) -> str:
    fn = rng.choice(FUNCS)
    a, b = rng.sample(NAMES, 2)
    k = rng.randint(2, 50)
    if lang == "python":
        body = [f"def {fn}({a}, {b}=None):", "    result = []", f"    seen = set({b} or [])", "    total = 0"]
        body.append(f"    for i, x in enumerate({a}):")
        ops = [
            "        if x is None:\n            continue",
            f"        if x in seen:\n            result.append(x * {k})\n            continue",
            f"        if i % {k} == 0:\n            result.append(x)",
            "        total += x",
            "        seen.add(x)",
        ]
        picked = sorted(rng.sample(range(len(ops)), min(len(ops), max(2, lines - 5))))
        body += [ops[j] for j in picked]
        tail = [
            "    result.sort(reverse=True)",
            f"    result = result[:{k}]",
            f"    if total > {k * 100}:\n        result.append(total)",
        ]
        body += rng.sample(tail, rng.randint(0, 2))
        body.append("    return result")
        return "\n".join(body)
    if lang == "javascript":
        return (
            f"function {fn}({a}, {b} = []) {{\n  const out = [];\n  for (const [i, x] of {a}.entries()) {{\n"
            f"    if (x == null) continue;\n    if ({b}.includes(x)) out.push(x * {k});\n"
            f"    else if (i % {k} === 0) out.push(x);\n  }}\n  return out.sort((p, q) => q - p);\n}}"
        )
    if lang == "java":
        cls = "".join(p.capitalize() for p in fn.split("_"))
        return (
            f"public class {cls} {{\n"
            f"    public static List<Integer> run(List<Integer> {a}, Set<Integer> {b}) {{\n"
            f"        List<Integer> out = new ArrayList<>();\n"
            f"        for (int i = 0; i < {a}.size(); i++) {{\n"
            f"            Integer x = {a}.get(i);\n            if (x == null) continue;\n"
            f"            if ({b}.contains(x)) out.add(x * {k});\n"
            f"            else if (i % {k} == 0) out.add(x);\n"
            f"        }}\n        Collections.sort(out, Collections.reverseOrder());\n"
            f"        return out;\n    }}\n}}"
        )
    if lang == "go":
        return (
            f"func {fn.title().replace('_', '')}({a} []int, {b} map[int]bool) []int {{\n\tout := []int{{}}\n"
            f"\tfor i, x := range {a} {{\n\t\tif {b}[x] {{\n\t\t\tout = append(out, x*{k})\n"
            f"\t\t}} else if i%{k} == 0 {{\n\t\t\tout = append(out, x)\n\t\t}}\n\t}}\n"
            f"\tsort.Sort(sort.Reverse(sort.IntSlice(out)))\n\treturn out\n}}"
        )
    if lang == "cobol":
        return (
            f"       IDENTIFICATION DIVISION.\n       PROGRAM-ID. {fn.upper().replace('_', '-')[:8]}.\n"
            f"       DATA DIVISION.\n       WORKING-STORAGE SECTION.\n       01 WS-COUNT PIC 9(4) VALUE 0.\n"
            f"       01 WS-LIMIT PIC 9(4) VALUE {k}.\n       PROCEDURE DIVISION.\n"
            f"           PERFORM UNTIL WS-COUNT > WS-LIMIT\n               ADD 1 TO WS-COUNT\n"
            f"           END-PERFORM.\n           STOP RUN."
        )
    return (
        f"fn {fn}({a}: &[i64], {b}: &HashSet<i64>) -> Vec<i64> {{\n    let mut out = Vec::new();\n"
        f"    for (i, x) in {a}.iter().enumerate() {{\n        if {b}.contains(x) {{ out.push(x * {k}); }}\n"
        f"        else if i % {k} == 0 {{ out.push(*x); }}\n    }}\n"
        f"    out.sort_by(|p, q| q.cmp(p));\n    out\n}}"
    )


ERRORS = (
    "TypeError: 'NoneType' object is not subscriptable", "KeyError: 'id'",
    "IndexError: list index out of range",
    "ValueError: invalid literal for int() with base 10", "RecursionError: maximum recursion depth exceeded",
    "UnboundLocalError: local variable 'result' referenced before assignment",
    "TypeError: unhashable type: 'list'", "AttributeError: 'dict' object has no attribute 'append'",
)  # fmt: skip


def math_problem(rng: random.Random) -> tuple[str, list[str], str]:
    """A word or algebra problem, a worked solution as steps, and the answer."""
    kind = rng.randrange(4)
    if kind == 0:
        a, b, c = rng.randint(2, 9), rng.randint(1, 40), rng.randint(41, 120)
        x = (c - b) / a
        return (
            f"Solve for x: {a}x + {b} = {c}",
            [f"Subtract {b} from both sides: {a}x = {c - b}", f"Divide both sides by {a}: x = {x:g}"],
            f"{x:g}",
        )
    if kind == 1:
        n, p = rng.randint(3, 12), rng.randint(5, 40)
        d = rng.randint(10, 30)
        tot = n * p * (100 - d) / 100
        return (
            f"A shop sells notebooks for ${p} each. If you buy {n} and get a {d}% discount, "
            "how much do you pay?",
            [
                f"Cost before discount: {n} x {p} = {n * p}",
                f"Discount: {d}% of {n * p} = {n * p * d / 100:g}",
                f"Total: {n * p} - {n * p * d / 100:g} = {tot:g}",
            ],
            f"${tot:g}",
        )
    if kind == 2:
        v, t = rng.randint(40, 120), rng.randint(2, 9)
        return (
            f"A train travels at {v} km/h for {t} hours and then at {v // 2} km/h for {t} more hours. "
            "What is its average speed?",
            [
                f"First leg: {v} x {t} = {v * t} km",
                f"Second leg: {v // 2} x {t} = {v // 2 * t} km",
                f"Total distance {v * t + v // 2 * t} km over {2 * t} h",
                f"Average: {(v * t + v // 2 * t) / (2 * t):g} km/h",
            ],
            f"{(v * t + v // 2 * t) / (2 * t):g} km/h",
        )
    r1, r2 = rng.randint(1, 9), rng.randint(1, 9)
    return (
        f"Factor the quadratic x^2 - {r1 + r2}x + {r1 * r2} and find its roots.",
        [
            f"Look for two numbers that multiply to {r1 * r2} and add to {r1 + r2}: {r1} and {r2}",
            f"So x^2 - {r1 + r2}x + {r1 * r2} = (x - {r1})(x - {r2})",
            f"Roots: x = {r1} and x = {r2}",
        ],
        f"x = {r1}, {r2}",
    )


CITIES = (
    "Lisbon", "Kyoto", "Mexico City", "Edinburgh", "Hanoi", "Cape Town", "Buenos Aires", "Prague", "Seoul",
    "Istanbul", "Montreal", "Marrakesh", "Vienna", "Bangkok", "Copenhagen", "Lima", "Porto", "Tbilisi",
)  # fmt: skip
CONCEPTS = (
    "compound interest", "photosynthesis", "the Krebs cycle", "inflation", "public key cryptography",
    "Bayes' theorem", "supply and demand", "how vaccines work", "black holes", "the French Revolution",
    "gradient descent", "plate tectonics", "the stock market", "TCP handshakes", "DNS", "recursion",
    "opportunity cost", "climate feedback loops", "the immune system", "blockchains",
)  # fmt: skip
RECIPIENTS = ("manager", "landlord", "professor", "client", "team", "neighbour", "HR department", "coach")
TOPICS = (
    "a delayed invoice", "taking Friday off", "a noisy radiator", "an extension on my essay",
    "rescheduling our meeting", "a refund for a damaged order", "the quarterly review",
    "a broken dishwasher", "joining the project late", "feedback on the proposal",
)  # fmt: skip
FOREIGN = (
    "Je voudrais réserver une table pour quatre personnes ce soir.",
    "¿Dónde está la estación de tren más cercana?",
    "Ich habe meinen Schlüssel im Büro vergessen.",
    "Il progetto deve essere consegnato entro venerdì.",
    "Preciso de ajuda para preencher este formulário.",
    "Kan je me helpen met mijn belastingaangifte?",
    "Bu hafta sonu ailemle pikniğe gideceğiz.",
    "来週の会議の資料を準備してください。",
    "이 제품은 언제 배송되나요?",
    "Mi hijo tiene fiebre desde ayer por la noche.",
    "Le contrat expire à la fin du mois prochain.",
    "Wir müssen die Heizung vor dem Winter reparieren lassen.",
)  # fmt: skip
THINGS = (
    "a birthday party for a 7-year-old", "a small coffee shop name", "team-building activities",
    "a science fair project", "blog posts about gardening", "a podcast about local history",
    "weekday vegetarian dinners", "a wedding toast", "a fantasy novel plot", "a mobile app for runners",
)  # fmt: skip
JOBS = ("junior data analyst", "barista", "nurse", "project manager", "line cook", "UX designer")
FIELDS = ("retail", "healthcare", "logistics", "teaching", "hospitality", "banking")
AUDIENCES = ("I'm five", "a high-school student", "a busy executive", "a nurse", "my grandmother")

# Templates many unrelated people type or paste from blog posts and prompt guides.
POPULAR_PREFIXES = (
    "Summarize the following:\n\n",
    "Summarize this in 3 bullet points:\n\n",
    "TL;DR:\n\n",
    "Rewrite this to sound more professional:\n\n",
    "Fix the grammar:\n\n",
)


def benign_prompt(rng: random.Random, persona: str = "general") -> tuple[str, int, int]:
    """One ordinary request: prompt text, input tokens, output tokens."""
    r = rng.random()
    if persona == "developer":
        r = 0.25 + rng.random() * 0.2  # mostly code
    elif persona == "student":
        r = rng.choice((0.05, 0.5, 0.62, 0.9, rng.random()))
    ctx = int(rng.expovariate(1 / 180)) if rng.random() < 0.4 else 0  # earlier turns of a chat
    if r < 0.12:
        p = rng.choice(POPULAR_PREFIXES) + paragraph(rng, rng.randint(3, 12))
        return p, tokens_of(p) + ctx, rng.randint(40, 220)
    if r < 0.2:
        p = f"Translate to English: {rng.choice(FOREIGN)}"
        return p, tokens_of(p) + ctx, rng.randint(8, 30)
    if r < 0.3:
        p = (
            f"Write a {rng.choice(('short', 'polite', 'firm but friendly', 'brief'))} email to my "
            f"{rng.choice(RECIPIENTS)} about {rng.choice(TOPICS)}."
        )
        if rng.random() < 0.5:
            p += f" Mention that {sentence(rng).lower()}"
        return p, tokens_of(p) + ctx, rng.randint(120, 380)
    if r < 0.45:
        lang = rng.choice(("python", "python", "javascript", "java", "go"))
        code = code_snippet(rng, lang)
        q = rng.choice(
            (
                f"Why does this throw `{rng.choice(ERRORS)}`?",
                "Can you make this faster?",
                "Add type hints and a docstring.",
                "Write unit tests for this.",
                "What does this function do?",
                "Refactor this to be more readable.",
            )
        )
        p = f"{q}\n\n```{lang}\n{code}\n```"
        if persona == "developer" and rng.random() < 0.35:  # agentic coding tools send big contexts
            extra = rng.randint(2000, 30000)
            return p, tokens_of(p) + extra, rng.randint(400, 4000)
        return p, tokens_of(p) + ctx, rng.randint(150, 900)
    if r < 0.55:
        p = f"Explain {rng.choice(CONCEPTS)} like {rng.choice(AUDIENCES)}"
        if rng.random() < 0.5:
            p += rng.choice(("", ".", "?", " please", ", with an example."))
        return p, tokens_of(p) + ctx, rng.randint(150, 600)
    if r < 0.63:
        prob, _steps, _ans = math_problem(rng)
        p = rng.choice(("", "Help me with this: ", "how do i do this ", "Can you solve: ")) + prob
        return p, tokens_of(p) + ctx, rng.randint(120, 700)
    if r < 0.7:
        p = (
            f"Plan a {rng.randint(2, 10)}-day trip to {rng.choice(CITIES)} for "
            f"{rng.choice(('two adults', 'a family with kids', 'a solo traveller', 'a couple on a budget'))}"
        )
        return p, tokens_of(p) + ctx, rng.randint(400, 1100)
    if r < 0.78:
        p = f"Give me {rng.randint(3, 15)} ideas for {rng.choice(THINGS)}"
        return p, tokens_of(p) + ctx, rng.randint(150, 500)
    if r < 0.84:
        p = rng.choice(
            (
                "what's a good substitute for buttermilk",
                "is it safe to take ibuprofen with coffee",
                "how long should I boil an egg for a runny yolk",
                "best way to remove a red wine stain from carpet",
                "how do I politely decline a wedding invitation",
                "what should I look for when renting an apartment",
                "why is my sourdough so dense",
                "how to negotiate a higher salary offer",
                "can dogs eat grapes",
                "difference between a roth ira and a traditional ira",
            )
        )
        if rng.random() < 0.5:
            p = p.capitalize() + "?"
        return p, tokens_of(p) + ctx, rng.randint(80, 450)
    if r < 0.9:
        p = (
            f'Is this sentence correct? "{sentence(rng)}"'
            if rng.random() < 0.5
            else f"Write a cover letter for a {rng.choice(JOBS)} position. I have {rng.randint(1, 12)} years "
            f"of experience in {rng.choice(FIELDS)}."
        )
        return p, tokens_of(p) + ctx, rng.randint(30, 520)
    p = (
        f"{paragraph(rng, rng.randint(2, 6))}\n\n"
        f"{rng.choice(('What do you think?', 'Is this a good idea?', 'Who is right here?', 'Any risks?'))}"
    )
    return p, tokens_of(p) + ctx, rng.randint(150, 600)

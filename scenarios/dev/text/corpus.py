"""A per-scenario corpus of natural-looking sentences and code snippets.

Pools are generated once from the scenario seed; documents and code payloads are random combinations of
pool entries plus fresh identifiers, so they practically never repeat while staying cheap to produce.
"""

from __future__ import annotations

import random

from ..fast import between, pick
from .words import FIRST_NAMES, NOUNS, VERBS_CODE

_SUBJ = (
    "The committee",
    "Our team",
    "The new policy",
    "Researchers at the institute",
    "The city council",
    "Most customers",
    "The quarterly report",
    "The software update",
    "A recent survey",
    "The main character",
    "Local farmers",
    "The central bank",
    "The startup",
    "My grandmother",
    "The museum",
    "The school board",
    "The project lead",
    "Several volunteers",
    "The landlord",
    "Our supplier",
    "The regional office",
    "The author",
    "The study",
    "The hospital",
    "The airline",
    "Most of the students",
    "The marketing team",
    "The new manager",
    "The festival organisers",
    "The engineers",
    "The court",
    "The union",
    "Investors",
)
_VERB = (
    "reviewed",
    "approved",
    "criticised",
    "expanded",
    "delayed",
    "launched",
    "measured",
    "questioned",
    "redesigned",
    "funded",
    "described",
    "tested",
    "reduced",
    "doubled",
    "replaced",
    "analysed",
    "postponed",
    "simplified",
    "rejected",
    "summarised",
    "audited",
    "announced",
    "documented",
    "renegotiated",
    "piloted",
)
_OBJ = (
    "the budget for next year",
    "a new pricing model",
    "the safety guidelines",
    "the results of the trial",
    "its remote work policy",
    "the old data pipeline",
    "the proposal",
    "several key assumptions",
    "the contract terms",
    "the migration plan",
    "the annual festival",
    "the onboarding process",
    "the supply chain",
    "a pilot program",
    "the recycling scheme",
    "the hiring freeze",
    "the product roadmap",
    "the evacuation plan",
    "the reading list",
    "the loyalty programme",
    "the parking rules",
    "the dataset",
    "the warranty terms",
    "the exhibition",
    "the grant application",
    "the customer survey",
    "the timetable",
)
_ADV = (
    "after months of debate",
    "in the third quarter",
    "despite strong opposition",
    "without much notice",
    "according to internal documents",
    "for the first time since {year}",
    "in a surprising move",
    "ahead of schedule",
    "to the relief of many residents",
    "with mixed results",
    "by roughly {pct} percent",
    "across {n} regions",
    "last {weekday}",
    "before the deadline on {weekday}",
    "at a cost of ${k},000",
    "following complaints from {n} families",
    "as part of a broader review",
    "in response to rising costs",
)
_CLAUSE_LEAD = (
    "However,",
    "In {year},",
    "As a result,",
    "Meanwhile,",
    "On the other hand,",
    "Surprisingly,",
    "In practice,",
    "Overall,",
    "According to {name},",
    "For example,",
    "Later that week,",
    "Even so,",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_REMARKS = (
    "Nobody expected the change to matter this much.",
    "{name} said the decision was overdue.",
    "The details are still being worked out.",
    "Critics say the numbers do not add up.",
    "It is not clear who will pay for it.",
    "{name} called it a step in the right direction.",
    "The next meeting is scheduled for {weekday}.",
    "Some of the figures were revised twice.",
    "Roughly {pct} percent of respondents agreed.",
    "That leaves {n} open questions.",
)

_PY = (
    "def {f}({a}, {b}={n}):\n    result = []\n    for {x} in {a}:\n        if {x}.get('{k}') is None:\n"
    "            continue\n        result.append({x}['{k}'] * {b})\n    return sorted(result)[:{m}]\n",
    "class {C}:\n    def __init__(self, {a}):\n        self.{a} = {a}\n        self._cache = {{}}\n\n"
    "    def {f}(self, {k}):\n        if {k} in self._cache:\n            return self._cache[{k}]\n"
    "        value = self.{a}.get({k}, {n})\n        self._cache[{k}] = value\n        return value\n",
    "async def {f}(session, {a}):\n    for attempt in range({m}):\n        try:\n"
    "            async with session.get(f'/api/{k}/{{{a}}}') as resp:\n                return await "
    "resp.json()\n"
    "        except TimeoutError:\n            await asyncio.sleep({n} * attempt)\n    raise "
    "RuntimeError('{k} failed')\n",
    "def {f}(path):\n    totals = defaultdict(int)\n    with open(path) as fh:\n        for line in fh:\n"
    "            {a}, {b} = line.rstrip().split(',')[:2]\n            totals[{a}] += int({b})\n"
    "    return {{k: v for k, v in totals.items() if v > {n}}}\n",
    "@dataclass\nclass {C}:\n    {a}: str\n    {b}: int = {n}\n    {k}: list[str] = "
    "field(default_factory=list)\n\n"
    "    def {f}(self) -> bool:\n        return self.{b} > {m} and bool(self.{k})\n",
    "def {f}({a}: list[int], target: int) -> int:\n    lo, hi = 0, len({a}) - 1\n    while lo <= hi:\n"
    "        mid = (lo + hi) // 2\n        if {a}[mid] < target:\n            lo = mid + 1\n        else:\n"
    "            hi = mid - 1\n    return lo\n",
    "df = pd.read_csv('{k}_{n}.csv')\ndf['{a}'] = df['{b}'].fillna(0) / {m}\n"
    "summary = df.groupby('{k}').agg({{'{a}': 'mean', '{b}': 'sum'}})\nprint(summary.head({m}))\n",
)
_JS = (
    "function {f}({a}, {b}) {{\n  const out = {{}};\n  for (const {x} of {a}) {{\n"
    "    out[{x}.{k}] = ({b}[{x}.{k}] || 0) + {n};\n  }}\n  return out;\n}}\n",
    "export async function {f}({a}) {{\n  const res = await fetch(`/api/{k}/${{{a}}}`);\n"
    "  if (!res.ok) throw new Error('{k} {n}');\n  const data = await res.json();\n  return "
    "data.items.slice(0, {m});\n}}\n",
    "const {f} = ({a} = []) => {a}\n  .filter(({x}) => {x}.{k} > {n})\n  .map(({x}) => ({{ ...{x}, {b}: "
    "{x}.{k} * {m} }}))\n"
    "  .sort((p, q) => q.{b} - p.{b});\n",
    "useEffect(() => {{\n  const id = setInterval(() => {f}({a}), {n}00);\n  return () => "
    "clearInterval(id);\n}}, [{a}, {b}]);\n",
)
_GO = (
    "func {F}({a} []{C}, {b} int) ([]{C}, error) {{\n\tout := make([]{C}, 0, len({a}))\n\tfor _, {x} := "
    "range {a} {{\n"
    "\t\tif {x}.{K} < {b} {{\n\t\t\tcontinue\n\t\t}}\n\t\tout = append(out, {x})\n\t}}\n"
    '\tif len(out) == 0 {{\n\t\treturn nil, fmt.Errorf("no {k} above %d", {b})\n\t}}\n'
    "\treturn out, nil\n}}\n",
    "func (s *{C}) {F}(ctx context.Context, {a} string) error {{\n\ts.mu.Lock()\n\tdefer s.mu.Unlock()\n"
    "\tif _, ok := s.{k}[{a}]; ok {{\n\t\treturn nil\n\t}}\n\ts.{k}[{a}] = time.Now().Add({n} * "
    "time.Second)\n\treturn nil\n}}\n",
)
_RS = (
    "fn {f}({a}: &[{C}], {b}: usize) -> Vec<&{C}> {{\n"
    "    let mut v: Vec<&{C}> = {a}.iter().filter(|{x}| {x}.{k} > {n}).collect();\n"
    "    v.sort_by_key(|{x}| {x}.{k});\n    v.truncate({b});\n    v\n}}\n",
    "impl {C} {{\n    pub fn {f}(&mut self, {a}: u32) -> Result<(), String> {{\n        if {a} > {n} {{\n"
    '            return Err(format!("{k} too large: {{}}", {a}));\n        }}\n'
    "        self.{k} += {a};\n        Ok(())\n    }}\n}}\n",
)
_JAVA = (
    "public List<{C}> {f}(List<{C}> {a}, int {b}) {{\n    return {a}.stream()\n        .filter({x} -> "
    "{x}.get{K}() > {b})\n"
    "        .limit({n})\n        .collect(Collectors.toList());\n}}\n",
)
_SQL = (
    "SELECT {k}_id, COUNT(*) AS n, SUM({a}) AS total\nFROM {k}s\nWHERE created_at > NOW() - INTERVAL '{n} "
    "days'\n"
    "GROUP BY {k}_id\nHAVING COUNT(*) > {m}\nORDER BY total DESC;\n",
    "UPDATE {k}s SET {a} = {a} + {n}\nWHERE {b} IN (SELECT {b} FROM {x}s WHERE status = "
    "'pending')\nRETURNING {k}_id;\n",
)
CODE_TEMPLATES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("python", _PY),
    ("javascript", _JS),
    ("go", _GO),
    ("rust", _RS),
    ("java", _JAVA),
    ("sql", _SQL),
)


def _camel(*parts: str) -> str:
    return parts[0] + "".join(p.capitalize() for p in parts[1:])


class Corpus:
    """Sentence and code pools for one scenario."""

    def __init__(self, rng: random.Random, sentences: int = 4000, snippets: int = 1600) -> None:
        self.sentences = [self._sentence(rng) for _ in range(sentences)]
        self.snippets: list[tuple[str, str]] = [self._snippet(rng) for _ in range(snippets)]

    @staticmethod
    def _fill(rng: random.Random, text: str) -> str:
        if "{" not in text:
            return text
        return text.format(
            year=rng.randint(1998, 2025),
            pct=rng.randint(3, 92),
            n=rng.randint(2, 40),
            k=rng.randint(12, 950),
            weekday=rng.choice(_WEEKDAYS),
            name=rng.choice(FIRST_NAMES),
        )

    def _sentence(self, rng: random.Random) -> str:
        r = rng.random()
        if r < 0.12:
            return self._fill(rng, rng.choice(_REMARKS))
        core = f"{rng.choice(_SUBJ)} {rng.choice(_VERB)} {rng.choice(_OBJ)}"
        if rng.random() < 0.7:
            core += " " + rng.choice(_ADV)
        if r < 0.35:
            lead = rng.choice(_CLAUSE_LEAD)
            core = f"{lead} {core[0].lower()}{core[1:]}"
        return self._fill(rng, core) + "."

    @staticmethod
    def _snippet(rng: random.Random) -> tuple[str, str]:
        lang, templates = rng.choices(CODE_TEMPLATES, weights=(46, 20, 10, 7, 7, 10))[0]
        noun, noun2, noun3 = rng.sample(NOUNS, 3)
        verb = rng.choice(VERBS_CODE)
        fn = f"{verb}_{noun}s" if lang in ("python", "rust") else _camel(verb, noun) + "s"
        text = rng.choice(templates).format(
            f=fn,
            F=_camel(verb, noun).capitalize(),
            a=f"{noun}s",
            b=noun3 if lang != "sql" else f"{noun3}_id",
            x=noun[0],
            k=noun2,
            K=noun2.capitalize(),
            C=noun.capitalize(),
            n=rng.randint(2, 500),
            m=rng.randint(2, 50),
        )
        return lang, text

    def document(self, rng: random.Random, lo: int = 5, hi: int = 12) -> str:
        """A paragraph of ``lo``..``hi`` sentences."""
        s = self.sentences
        return " ".join([pick(rng, s) for _ in range(between(rng, lo, hi))])

    def short(self, rng: random.Random) -> str:
        s = self.sentences
        r = rng.random()
        if r < 0.4:
            return pick(rng, s)
        if r < 0.75:
            return f"{pick(rng, s)} {pick(rng, s)}"
        return f"{pick(rng, s)} {pick(rng, s)} {pick(rng, s)}"

    def code(self, rng: random.Random, blocks: int = 1) -> str:
        """A code snippet; ``blocks`` > 1 stitches several together (as one file)."""
        if blocks == 1:
            return pick(rng, self.snippets)[1]
        return "\n".join([pick(rng, self.snippets)[1] for _ in range(blocks)])

    def code_with_lang(self, rng: random.Random) -> tuple[str, str]:
        return pick(rng, self.snippets)

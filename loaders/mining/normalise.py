"""Prompt skeletons: the same masking rules in Python (labels, tests) and in DuckDB SQL (the log).

Rules apply in order to the lower-cased prompt. Patterns avoid `\\w`, `\\d` and `\\s`, whose meaning differs
between Python's `re` (Unicode) and RE2 (ASCII, used by DuckDB), so both paths give identical skeletons —
a test holds them to that.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

SKELETON_MAX_CHARS = 1000
TEXT_MAX_CHARS = 500  # PromptTemplate.text (data model)
_WS = " \t\r\n\f\v"

# (name, pattern, replacement); RE2 and Python both read `\1` in replacements as the first group.
RULES: tuple[tuple[str, str, str], ...] = (
    ("code_block", r"```[\s\S]*?```", " <code> "),
    ("inline_code", r"`[^`\n]+`", " <code> "),
    ("url", r"(https?://|www\.)[^ \t\r\n<>\"']+", " <url> "),
    ("email", r"[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+", " <email> "),
    ("double_quoted", r"\"[^\"\n]*\"|“[^”\n]*”", " <str> "),
    ("single_quoted", r"(^|[^a-z0-9_])'[^'\n]*'([^a-z0-9_]|$)", r"\1 <str> \2"),
    ("number", r"[0-9]+([.,:/-][0-9]+)*", " <num> "),
    # Runs of whitespace become one space. A lone space is left alone rather than replaced by itself:
    # same result, but RE2 then rewrites a handful of places per prompt instead of every word gap.
    ("whitespace", f"[{_WS}]{{2,}}|[{_WS[1:]}]", " "),
)
# A rule can only match text containing one of these substrings; in SQL the cheap `contains` test skips
# the regular expression (and its copy of the string) for most prompts.
GUARDS: dict[str, tuple[str, ...]] = {
    "code_block": ("```",),
    "inline_code": ("`",),
    "url": ("http", "www."),
    "email": ("@",),
    "double_quoted": ('"', "“"),
    "single_quoted": ("'",),
}
_COMPILED = tuple((re.compile(p), r) for _, p, r in RULES)


def skeleton(prompt: str) -> str:
    text = prompt.lower()
    for pattern, repl in _COMPILED:
        text = pattern.sub(repl, text)
    return text.strip(_WS)[:SKELETON_MAX_CHARS]


def _sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def skeleton_sql(column: str) -> str:
    """The same transformation as `skeleton` as a DuckDB expression over `column` (an identifier we own)."""
    expr = f"lower({column})"
    for _, pattern, repl in RULES:
        expr = f"regexp_replace({expr}, {_sql_literal(pattern)}, {_sql_literal(repl)}, 'g')"
    return f"left(trim({expr}, {_sql_literal(_WS)}), {SKELETON_MAX_CHARS})"


def skeleton_select(source_sql: str, column: str, alias: str, keep: Sequence[str]) -> str:
    """`SELECT <keep>, <skeleton of column> AS alias FROM (source_sql)`, as one query, faster than
    `skeleton_sql`; `keep` are the source's columns to pass through (identifiers we own).

    One nested projection per rule, so each rule's guard and replacement read the previous step's column
    instead of repeating the whole expression; rules whose guard fails keep the text as it is. Columns
    are listed rather than `* REPLACE`d so that the statement also translates to Spark SQL.
    """
    cols = ", ".join(keep)

    def step(expr: str, inner: str) -> str:
        return f"SELECT {cols}, {expr} AS {alias} FROM ({inner})"  # noqa: S608

    sql = step(f"lower({column})", source_sql)
    for name, pattern, repl in RULES:
        expr = f"regexp_replace({alias}, {_sql_literal(pattern)}, {_sql_literal(repl)}, 'g')"
        if name in GUARDS:
            test = " OR ".join(f"contains({alias}, {_sql_literal(g)})" for g in GUARDS[name])
            expr = f"CASE WHEN {test} THEN {expr} ELSE {alias} END"
        sql = step(expr, sql)
    # After the whitespace rule an end can only hold one plain space: dropping it is the same as
    # `trim(x, _WS)`, which DuckDB runs many times slower. strlen counts bytes, so a text of at most
    # SKELETON_MAX_CHARS bytes needs no (character-counting) cut.
    sql = step(f"CASE WHEN prefix({alias}, ' ') THEN right({alias}, -1) ELSE {alias} END", sql)
    sql = step(f"CASE WHEN suffix({alias}, ' ') THEN left({alias}, -1) ELSE {alias} END", sql)
    cut = (
        f"CASE WHEN strlen({alias}) > {SKELETON_MAX_CHARS} THEN left({alias}, {SKELETON_MAX_CHARS}) "
        f"ELSE {alias} END"
    )
    return step(cut, sql)


def skeleton_key(skel: str) -> str:
    """Stable key of one skeleton across loads and library versions (md5 hex, as DuckDB's md5())."""
    return hashlib.md5(skel.encode("utf-8"), usedforsecurity=False).hexdigest()


def template_id(canonical: str) -> str:
    """Data model: `t_` + 16 hex of a hash of the group's canonical skeleton."""
    return "t_" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def template_text(canonical: str) -> str:
    return canonical[:TEXT_MAX_CHARS]

"""Prompt skeletons: the same masking rules in Python (labels, tests) and in DuckDB SQL (the log).

Rules apply in order to the lower-cased prompt. Patterns avoid `\\w`, `\\d` and `\\s`, whose meaning differs
between Python's `re` (Unicode) and RE2 (ASCII, used by DuckDB), so both paths give identical skeletons —
a test holds them to that.
"""

from __future__ import annotations

import hashlib
import re

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
    ("whitespace", f"[{_WS}]+", " "),
)
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


def skeleton_key(skel: str) -> str:
    """Stable key of one skeleton across loads and library versions (md5 hex, as DuckDB's md5())."""
    return hashlib.md5(skel.encode("utf-8"), usedforsecurity=False).hexdigest()


def template_id(canonical: str) -> str:
    """Data model: `t_` + 16 hex of a hash of the group's canonical skeleton."""
    return "t_" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def template_text(canonical: str) -> str:
    return canonical[:TEXT_MAX_CHARS]

"""The mining SQL is written once, in DuckDB's dialect; this turns it into Spark SQL.

SQLGlot does the translation. What it cannot know is how our statements *use* a few DuckDB functions
whose Spark namesakes mean something else, so those are rewritten on the syntax tree here, each for the
one way the mining uses it:

- `hash(x)`: DuckDB's 64-bit hash; Spark's `hash` is 32-bit murmur3, which would collide among millions
  of distinct skeletons. `xxhash64` keeps 64 bits. Only equality of hashes within one engine matters:
  template identity comes from the skeleton texts (`normalise.template_id`), never from this hash.
- `epoch_ms(ts)` is milliseconds of a timestamp (SQLGlot reads it as the inverse), `to_timestamp(n)`
  is epoch seconds to a timestamp.
- `list(x ORDER BY y)` becomes a sorted `collect_list` of (y, x) pairs: Spark aggregates have no ORDER BY.
- `regexp_full_match`, `strlen`, `prefix` / `suffix`, `left` / `right` with a negative length, and the
  `\\1` back-references of `regexp_replace` (Java writes `$1`) have Spark spellings of their own.
- `$name` parameters become literals (integers and texts of ours, rendered by SQLGlot, never pasted).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import sqlglot
from sqlglot import exp

_BACKREF = re.compile(r"\\([0-9])")


def _spark(sql: str) -> exp.Expr:
    return sqlglot.parse_one(sql, read="spark")


def _negative(node: exp.Expr | None) -> int | None:
    if isinstance(node, exp.Neg) and isinstance(node.this, exp.Literal):
        return int(node.this.this)
    if isinstance(node, exp.Literal) and not node.is_string and int(node.this) < 0:
        return -int(node.this)
    return None


def _ordered_list(node: exp.ArrayAgg) -> exp.Expr | None:
    inner = node.this
    if not isinstance(inner, exp.Order) or len(inner.expressions) != 1:
        return None
    key = inner.expressions[0]
    if not isinstance(key, exp.Ordered) or key.args.get("desc"):
        return None
    pair = exp.Anonymous(
        this="NAMED_STRUCT",
        expressions=[exp.Literal.string("k"), key.this.copy(), exp.Literal.string("v"), inner.this.copy()],
    )
    pairs = exp.Anonymous(this="COLLECT_LIST", expressions=[pair])
    # Structs sort by their first field, then the next: by the key, then the value, as DuckDB's list does.
    return _spark("TRANSFORM(ARRAY_SORT(x), p -> p.v)").transform(
        lambda n: pairs if isinstance(n, exp.Column) and n.name == "x" else n
    )


def _rewrite(node: exp.Expr) -> exp.Expr:
    if isinstance(node, exp.Anonymous):
        name = str(node.this).upper()
        args = node.expressions
        if name == "HASH" and len(args) == 1:
            return exp.Anonymous(this="XXHASH64", expressions=[args[0]])
        if name == "STRLEN":
            return exp.Anonymous(this="OCTET_LENGTH", expressions=args)
        if name == "PREFIX":
            return exp.Anonymous(this="STARTSWITH", expressions=args)
        if name == "SUFFIX":
            return exp.Anonymous(this="ENDSWITH", expressions=args)
    if isinstance(node, exp.UnixToTime):
        scale = node.args.get("scale")
        if scale is not None and str(scale.this) == str(exp.UnixToTime.MILLIS.this):
            return exp.Anonymous(this="UNIX_MILLIS", expressions=[node.this])
        if scale is None:
            return exp.Anonymous(this="TIMESTAMP_SECONDS", expressions=[node.this])
    if isinstance(node, exp.RegexpFullMatch):
        pattern = node.expression
        if isinstance(pattern, exp.Literal) and pattern.is_string:
            return exp.RegexpLike(this=node.this, expression=exp.Literal.string(f"^(?:{pattern.this})$"))
    if isinstance(node, exp.RegexpReplace):
        repl = node.args.get("replacement")
        if isinstance(repl, exp.Literal) and repl.is_string and "\\" in repl.this:
            node.set("replacement", exp.Literal.string(_BACKREF.sub(r"$\1", repl.this)))
        # Spark replaces every match; DuckDB's 'g' flag says the same.
        node.set("modifiers", None)
        return node
    if isinstance(node, exp.Left | exp.Right):
        n = _negative(node.expression)
        if n is not None:
            length = exp.Length(this=node.this.copy())
            if isinstance(node, exp.Left):
                return exp.Substring(this=node.this, start=exp.Literal.number(1), length=length - n)
            return exp.Substring(this=node.this, start=exp.Literal.number(n + 1))
    if isinstance(node, exp.Bracket) and len(node.expressions) == 1:
        part = node.expressions[0]
        if isinstance(part, exp.Slice) and part.this is not None and part.expression is not None:
            # DuckDB slices are 1-based and inclusive at both ends.
            start, end = part.this, part.expression
            count = exp.paren(end.copy() - start.copy(), copy=False) + 1
            return exp.Anonymous(this="SLICE", expressions=[node.this, start, count])
    if isinstance(node, exp.ArrayAgg):
        replaced = _ordered_list(node)
        if replaced is not None:
            return replaced
    return node


@lru_cache(maxsize=256)
def _translated(sql: str) -> exp.Expr:
    return sqlglot.parse_one(sql, read="duckdb").transform(_rewrite)


def to_spark(sql: str, params: dict[str, Any] | None = None) -> str:
    """Spark SQL for one DuckDB statement of the mining, with `$name` parameters bound to `params`."""
    tree = _translated(sql).copy()
    if params:
        tree = tree.transform(
            lambda n: _literal(params[n.name]) if isinstance(n, exp.Placeholder) and n.name in params else n
        )
    return tree.sql(dialect="spark")


def _literal(value: Any) -> exp.Expr:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise TypeError(f"unsupported SQL parameter {value!r}")
    return exp.Literal.string(value) if isinstance(value, str) else exp.Literal.number(value)

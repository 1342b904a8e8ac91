"""The DuckDB mining statements translate to Spark SQL with the meaning they have on DuckDB."""

from __future__ import annotations

from importlib import resources

import pytest
import sqlglot

from loaders.mining.spark.dialect import to_spark
from loaders.mining.statements import statement


def _spark(sql: str, **params: object) -> str:
    return to_spark(sql, params or None)


def test_every_statement_file_translates_to_parseable_spark_sql() -> None:
    names = [
        p.name[:-4]
        for p in resources.files("loaders.mining").joinpath("sql").iterdir()
        if p.name.endswith(".sql")
    ]
    assert len(names) >= 10
    for name in names:
        out = _spark(statement(name), min_accounts=2)
        sqlglot.parse_one(out, read="spark")
        assert "$" not in out.replace("'$", "")  # every parameter bound


@pytest.mark.parametrize(
    ("duckdb", "spark"),
    [
        ("SELECT hash(x) FROM t", "XXHASH64(x)"),  # 64 bits, not Spark's 32-bit hash
        ("SELECT epoch_ms(ts) // 3600000 FROM t", "UNIX_MILLIS(ts) DIV 3600000"),
        ("SELECT to_timestamp(x) FROM t", "TIMESTAMP_SECONDS(x)"),
        ("SELECT strlen(x) FROM t", "OCTET_LENGTH(x)"),  # bytes, as DuckDB counts them
        ("SELECT prefix(x, ' '), suffix(x, ' ') FROM t", "STARTSWITH(x, ' '), ENDSWITH(x, ' ')"),
        ("SELECT left(x, -1) FROM t", "SUBSTRING(x, 1, LENGTH(x) - 1)"),
        ("SELECT right(x, -1) FROM t", "SUBSTRING(x, 2)"),
        ("SELECT w[1:n] FROM t", "SLICE(w, 1, (n - 1) + 1)"),
        ("SELECT regexp_full_match(x, '[0-9]+') FROM t", "x RLIKE '^(?:[0-9]+)$'"),
    ],
)
def test_functions_keep_their_duckdb_meaning(duckdb: str, spark: str) -> None:
    assert spark in _spark(duckdb)


def test_regexp_back_references_use_java_syntax() -> None:
    out = _spark(r"SELECT regexp_replace(s, '(^|a)b(c|$)', '\1 <str> \2', 'g') FROM t")
    assert "'$1 <str> $2'" in out
    assert "'g'" not in out


def test_ordered_lists_sort_by_their_key() -> None:
    out = _spark("SELECT list(n ORDER BY hour) FROM t GROUP BY a")
    assert "TRANSFORM(ARRAY_SORT(COLLECT_LIST(NAMED_STRUCT('k', hour, 'v', n))), p -> p.v)" in out


def test_parameters_become_literals_and_reject_other_types() -> None:
    assert "accounts >= 3" in _spark("SELECT * FROM t WHERE accounts >= $m", m=3)
    assert "'o\\'k'" in _spark("SELECT * FROM t WHERE a = $m", m="o'k")  # Spark escapes with a backslash
    with pytest.raises(TypeError):
        _spark("SELECT * FROM t WHERE a = $m", m=[1])

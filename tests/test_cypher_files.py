"""Every query under cypher/ has a header and compiles (EXPLAIN) against the real database."""

from __future__ import annotations

import pytest
from neo4j import Driver

from app.platform.cypher import UnknownQueryError, all_queries, query


def test_every_query_has_a_header() -> None:
    for qu in all_queries():
        assert qu.meta.get("name") == qu.name, f"{qu.name}: header 'name' must match the path"
        assert qu.meta.get("description"), f"{qu.name}: missing description"
        assert qu.mode in {"read", "write", "schema"}, f"{qu.name}: bad mode {qu.mode}"


@pytest.mark.parametrize("name", ["../etc/passwd", "schema/../x", "Schema/Constraints", "nope/none"])
def test_bad_names_are_refused(name: str) -> None:
    with pytest.raises(UnknownQueryError):
        query(name)


def test_every_query_compiles(driver: Driver) -> None:
    with driver.session() as s:
        for qu in all_queries():
            if qu.mode == "schema":
                continue
            # EXPLAIN plans without running; parameters need not be bound for planning.
            s.run("EXPLAIN " + qu.text).consume()

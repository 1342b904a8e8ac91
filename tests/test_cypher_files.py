"""Every query under cypher/ has a header and compiles (EXPLAIN) against the real database."""

from __future__ import annotations

from neo4j import Driver

from app.platform.cypher import all_queries


def test_every_query_compiles(driver: Driver) -> None:
    with driver.session() as s:
        for qu in all_queries():
            if qu.mode == "schema":
                continue
            # EXPLAIN plans without running; parameters need not be bound for planning.
            s.run("EXPLAIN " + qu.text).consume()

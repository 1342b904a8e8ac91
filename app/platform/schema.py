"""Applies `cypher/schema/*.cypher` idempotently."""

from __future__ import annotations

from neo4j import Driver

from app.platform.cypher import q, statements

SCHEMA_FILES = ("schema/constraints", "schema/indexes")


def apply_schema(driver: Driver, database: str) -> list[dict[str, object]]:
    # Schema changes cannot share a transaction with each other or with writes: one auto-commit each.
    with driver.session(database=database) as session:
        for name in SCHEMA_FILES:
            for stmt in statements(name):
                session.run(stmt).consume()
        session.run("CALL db.awaitIndexes(300)").consume()
        return [r.data() for r in session.run(q("schema/check"))]

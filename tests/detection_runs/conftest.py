"""Fixtures for detection runs: a small graph of accounts; results come from `helpers`."""

from __future__ import annotations

import pytest
from neo4j import Driver

from .helpers import ACCOUNTS, acc


@pytest.fixture
def graph(clean_db: Driver) -> Driver:
    """ACCOUNTS accounts; account i uses IP 10.0.<i//10>.<i%10>, card `card-<i//20>`, template `t_<i//40>`."""
    rows = [
        {
            "id": acc(i),
            "ip": f"10.0.{i // 10}.{i % 10}",
            "prefix": f"10.0.{i // 10}.0/24",
            "card": f"card-{i // 20:02d}",
            "template": f"t_{i // 40:016d}",
        }
        for i in range(ACCOUNTS)
    ]
    clean_db.execute_query(
        """
        UNWIND $rows AS row
        MERGE (a:Account {account_id: row.id})
        MERGE (ip:IP {address: row.ip})
        MERGE (p:Prefix {cidr: row.prefix})
        MERGE (ip)-[:IN_PREFIX]->(p)
        MERGE (pi:PaymentInstrument {instrument_key: row.card})
        MERGE (t:PromptTemplate {template_id: row.template})
        MERGE (a)-[:USED_IP]->(ip)
        MERGE (a)-[:PAID_WITH]->(pi)
        MERGE (a)-[:SENT]->(t)
        """,
        rows=rows,
    )
    return clean_db

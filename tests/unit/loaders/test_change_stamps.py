"""Which writes stamp an account as changed for incremental detection (no database)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.platform.cypher import q

LOAD = Path(__file__).resolve().parents[3] / "cypher" / "load"
# The account-entity links the detection projection pairs accounts through.
LINKS = ("USED_IP", "PAID_WITH", "SENT", "HAS_EMAIL_DOMAIN")
ACCOUNT = re.compile(r"MERGE \((\w+):Account\b[^\n]*\n(?P<next>[^\n]*)")
LINK = re.compile(r"MERGE \((\w+)\)-\[\w*:(" + "|".join(LINKS) + r")\]->\(\w+\)[^\n]*\n(?P<next>[^\n]*)")


def _creating_writes() -> list[tuple[str, str, str]]:
    out = []
    for path in sorted(LOAD.glob("*.cypher")):
        text = q(f"load/{path.stem}") + "\n"
        for m in (*ACCOUNT.finditer(text), *LINK.finditer(text)):
            out.append((path.stem, m.group(1), m.group("next")))
    return out


def test_the_loads_create_accounts_and_links_in_the_queries_checked_here() -> None:
    queries = {name for name, _, _ in _creating_writes()}
    assert {"accounts", "account_usage", "used_ip", "used_ip_log", "paid_with", "sent"} <= queries
    assert "account_domains" in queries


@pytest.mark.parametrize(("query", "var", "following"), _creating_writes())
def test_every_new_account_or_account_link_stamps_the_account(query: str, var: str, following: str) -> None:
    assert f"ON CREATE SET {var}.load_batch = $batch_id" in following, query


def test_growing_counters_on_existing_links_stamp_nothing() -> None:
    # A stamp outside ON CREATE (a plain SET) would mark every account a batch names again.
    for path in LOAD.glob("*.cypher"):
        for line in q(f"load/{path.stem}").splitlines():
            if "load_batch" in line:
                assert line.strip().startswith("ON CREATE SET"), (path.name, line)

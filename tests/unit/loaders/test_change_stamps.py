"""Which writes stamp new accounts and new account-entity links for incremental detection (no database)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.platform.cypher import q

LOAD = Path(__file__).resolve().parents[3] / "cypher" / "load"
# The account-entity links the detection projection pairs accounts through.
LINKS = ("USED_IP", "PAID_WITH", "SENT", "HAS_EMAIL_DOMAIN")
ACCOUNT = re.compile(r"MERGE \((\w+):Account\b[^\n]*\n(?P<next>[^\n]*)")
# The link is stamped, not its account: detection/changes_accounts decides whether the entity at its other
# end pairs the account with anyone.
LINK = re.compile(
    r"MERGE \((?P<account>\w+)\)-\[(\w*):(" + "|".join(LINKS) + r")\]->\(\w+\)[^\n]*\n(?P<next>[^\n]*)"
)


def _creating_writes() -> list[tuple[str, str, str]]:
    out = []
    for path in sorted(LOAD.glob("*.cypher")):
        text = q(f"load/{path.stem}") + "\n"
        for m in (*ACCOUNT.finditer(text), *LINK.finditer(text)):
            out.append((path.stem, m.group(1) if m.re is ACCOUNT else m.group(2), m.group("next")))
    return out


def _link_writes() -> list[tuple[str, str, str]]:
    return [
        (path.stem, m.group("account"), m.group("next"))
        for path in sorted(LOAD.glob("*.cypher"))
        for m in LINK.finditer(q(f"load/{path.stem}") + "\n")
    ]


def test_the_loads_create_accounts_and_links_in_the_queries_checked_here() -> None:
    queries = {name for name, _, _ in _creating_writes()}
    assert {"accounts", "account_usage", "used_ip", "used_ip_log", "paid_with", "sent"} <= queries
    assert "account_domains" in queries
    assert {name for name, _, _ in _link_writes()} >= {"used_ip", "used_ip_log", "paid_with", "sent"}


@pytest.mark.parametrize(("query", "var", "following"), _creating_writes())
def test_every_new_account_or_account_link_stamps_itself(query: str, var: str, following: str) -> None:
    assert var, f"{query}: a link must be named to be stamped"
    assert f"ON CREATE SET {var}.load_batch = $batch_id" in following, query


@pytest.mark.parametrize(("query", "account", "following"), _link_writes())
def test_a_new_link_does_not_restamp_its_account(query: str, account: str, following: str) -> None:
    # An account's stamp means "new account", all of whose links count. A link restamping it would make
    # every new link count again, also one to an entity no one else uses.
    assert f"{account}.load_batch" not in following, query


def test_growing_counters_on_existing_links_stamp_nothing() -> None:
    # A stamp outside ON CREATE (a plain SET) would mark every account or link a batch names again.
    for path in LOAD.glob("*.cypher"):
        for line in q(f"load/{path.stem}").splitlines():
            if "load_batch" in line:
                assert line.strip().startswith("ON CREATE SET"), (path.name, line)

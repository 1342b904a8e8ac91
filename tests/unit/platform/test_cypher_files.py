"""Every query under cypher/ has a header; names outside the tree are refused. (Compiling every query
needs the database: tests/test_cypher_files.py.)"""

from __future__ import annotations

import pytest

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

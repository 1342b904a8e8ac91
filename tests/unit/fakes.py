"""A query runner without a database: canned rows per query name, every call recorded.

It holds calls to the contract the real `Graph` would enforce at the database, so a fake-backed test
still fails when a service names a query that has no `.cypher` file or passes parameters the query does
not take: a header's `params:` list must match exactly; without one, every `$name` in the query text
must be given (Neo4j itself ignores extra parameters, so those are allowed there).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from app.platform.cypher import query
from app.platform.runner import Row

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")

Answer = list[Row] | Callable[[dict[str, Any]], list[Row]]


class FakeRunnerError(AssertionError):
    """A call the real database would refuse (or that a test did not expect)."""


@dataclass(frozen=True)
class Call:
    name: str
    params: dict[str, Any]
    method: str


@cache
def declared_params(name: str) -> frozenset[str] | None:
    """The header's `params:` list, or None when the file declares none."""
    text = query(name).meta.get("params")
    if text is None:
        return None
    return frozenset(p.strip().lstrip("$") for p in re.split(r"[,\s]+", text) if p.strip())


@cache
def used_params(name: str) -> frozenset[str]:
    body = "\n".join(line for line in query(name).text.splitlines() if not line.strip().startswith("//"))
    return frozenset(_PARAM.findall(body))


def check_call(name: str, params: Iterable[str], *, write_allowed: bool = True) -> None:
    spec = query(name)  # UnknownQueryError for a name without a file
    if not write_allowed and spec.mode == "write":
        raise ValueError(f"{name} is a write query")  # as `Graph.fetch_one_plain` refuses it
    given = frozenset(params)
    declared = declared_params(name)
    if declared is not None:
        if given != declared:
            raise FakeRunnerError(f"{name} declares params {sorted(declared)}, called with {sorted(given)}")
        return
    missing = used_params(name) - given
    if missing:
        raise FakeRunnerError(f"{name} needs ${', $'.join(sorted(missing))}; called with {sorted(given)}")


@dataclass
class FakeRunner:
    """`AsyncQueryRunner` over canned answers: `FakeRunner({"api/run_get": [{"run": {...}}]})`.

    An answer is a list of rows or a function of the call's parameters. A query with no answer returns
    no rows, unless `strict` is set, when the call fails: the test then names every query it expects.
    """

    answers: dict[str, Answer] = field(default_factory=dict)
    strict: bool = False
    calls: list[Call] = field(default_factory=list)

    def answer(self, name: str, rows: Answer) -> None:
        query(name)
        self.answers[name] = rows

    def names(self) -> list[str]:
        return [c.name for c in self.calls]

    def only_call(self) -> Call:
        assert len(self.calls) == 1, f"expected one query, ran {self.names()}"
        return self.calls[0]

    def _rows(self, method: str, name: str, params: dict[str, Any], *, write_allowed: bool) -> list[Row]:
        check_call(name, params, write_allowed=write_allowed)
        self.calls.append(Call(name=name, params=dict(params), method=method))
        if name not in self.answers:
            if self.strict:
                raise FakeRunnerError(f"no answer for {name}")
            return []
        answer = self.answers[name]
        return list(answer(params) if callable(answer) else answer)

    async def fetch(self, name: str, /, **params: Any) -> list[Row]:
        return self._rows("fetch", name, params, write_allowed=True)

    async def fetch_one(self, name: str, /, **params: Any) -> Row | None:
        rows = self._rows("fetch_one", name, params, write_allowed=True)
        return rows[0] if rows else None

    async def fetch_one_plain(self, name: str, /, **params: Any) -> Row | None:
        rows = self._rows("fetch_one_plain", name, params, write_allowed=False)
        return rows[0] if rows else None

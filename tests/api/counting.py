"""A real `Graph` that also records which named queries a request ran (round-trip and batching tests)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.platform.runner import Graph, Row


# A dataclass field, not an attribute set afterwards: the per-request time budget re-creates the graph
# with `dataclasses.replace`, and the copy must keep appending to the same list.
@dataclass(frozen=True)
class CountingGraph(Graph):
    calls: list[str] = field(default_factory=list)

    async def fetch(self, name: str, /, **params: Any) -> list[Row]:
        self.calls.append(name)
        return await super().fetch(name, **params)

    async def fetch_one_plain(self, name: str, /, **params: Any) -> Row | None:
        self.calls.append(name)
        return await super().fetch_one_plain(name, **params)

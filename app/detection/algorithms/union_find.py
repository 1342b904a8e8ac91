"""Disjoint sets over integer keys, each set represented by its smallest key (so results are deterministic).

Shared by every step that joins things transitively: near-duplicate prompt skeletons, tightly tied
communities, campaign pieces sharing their templates.
"""

from __future__ import annotations

from collections.abc import Iterable


class UnionFind:
    def __init__(self, keys: Iterable[int]) -> None:
        self._parent = {k: k for k in keys}

    def find(self, x: int) -> int:
        parent = self._parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

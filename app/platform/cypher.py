"""Cypher lives in `cypher/**/*.cypher`, one query per file with a metadata header; this loads them by name.

A file starts with `//` comment lines of `key: value` (name, description, params, mode); the rest is
the query. Names are paths relative to `cypher/` without the extension, e.g. `load/accounts`.
Nothing here formats user input into Cypher: every value travels as a parameter.

`cypher/` is a package whose data are the files, read through `importlib.resources`, so the queries are
found the same way from the repository, an editable install and a wheel.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable

CYPHER_PACKAGE = "cypher"
_NAME = re.compile(r"^[a-z0-9_]+(/[a-z0-9_]+)*$")
_HEADER = re.compile(r"^//\s*([a-z_]+)\s*:\s*(.*)$")


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def mode(self) -> str:
        return self.meta.get("mode", "read")


class UnknownQueryError(KeyError):
    pass


@cache
def query(name: str) -> Query:
    if not _NAME.match(name):
        raise UnknownQueryError(f"bad query name {name!r}")
    *folders, stem = name.split("/")
    path = _root()
    for folder in folders:
        path = path.joinpath(folder)
    path = path.joinpath(f"{stem}.cypher")
    if not path.is_file():
        raise UnknownQueryError(f"no query {name!r}")
    return parse(name, path.read_text(encoding="utf-8"))


def _root() -> Traversable:
    return files(CYPHER_PACKAGE)


def _names(folder: Traversable, prefix: str) -> Iterator[str]:
    for entry in folder.iterdir():
        if entry.is_dir():
            yield from _names(entry, f"{prefix}{entry.name}/")
        elif entry.name.endswith(".cypher"):
            yield prefix + entry.name.removesuffix(".cypher")


def q(name: str) -> str:
    """The text of query `name`, for `session.run(q("..."), params)`."""
    return query(name).text


def parse(name: str, source: str) -> Query:
    meta: dict[str, str] = {}
    body: list[str] = []
    in_header = True
    for line in source.splitlines():
        m = _HEADER.match(line.strip()) if in_header else None
        if m:
            meta[m.group(1)] = m.group(2).strip()
            continue
        if in_header and (not line.strip() or line.strip().startswith("//")):
            continue
        in_header = False
        body.append(line)
    text = "\n".join(body).strip()
    if not text:
        raise UnknownQueryError(f"query {name!r} is empty")
    return Query(name=name, text=text, meta=meta)


def all_queries() -> list[Query]:
    return [query(n) for n in sorted(_names(_root(), ""))]


def statements(name: str) -> list[str]:
    """Schema files hold several `;`-separated statements (constraints cannot share a transaction)."""
    return [s.strip() for s in query(name).text.split(";") if s.strip()]

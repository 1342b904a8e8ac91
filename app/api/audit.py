"""The audit trail: who asked what, when, with which outcome — append-only JSON lines, one file a day.

Each entry is written with a single `write()` on an `O_APPEND` descriptor, so concurrent workers never
interleave or overwrite lines. Secrets (API keys, instrument tokens, passwords) are redacted from the
variables, the literals in the query text and variables' defaults before anything touches the disk, and
anything shaped like a raw card number is redacted wherever it sits, whatever field it was sent in.
Errors are recorded by their codes only: their messages may quote the request's values.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from graphql import GraphQLError, parse, print_ast
from graphql.language import (
    ArgumentNode,
    FieldNode,
    ObjectFieldNode,
    ObjectValueNode,
    StringValueNode,
    VariableDefinitionNode,
    VariableNode,
    Visitor,
    visit,
)

from app.domain.instrument import CARD_REDACTED, redact_card_numbers

REDACTED = "[REDACTED]"
_SENSITIVE = re.compile(r"(token|secret|password|instrument|api_?key|authorization)", re.IGNORECASE)
_MAX_QUERY_CHARS = 20_000


def query_hash(query: str) -> str:
    return hashlib.sha256(query.encode()).hexdigest()


def _scrub(value: Any) -> Any:
    """Card numbers out of a variable's value, whatever argument it feeds (an account id, a note...)."""
    if isinstance(value, str):
        return redact_card_numbers(value)
    if isinstance(value, int) and not isinstance(value, bool):
        text = str(value)
        return CARD_REDACTED if redact_card_numbers(text) != text else value
    return value


def redact_variables(value: Any, key: str = "") -> Any:
    if key and _SENSITIVE.search(key):
        return REDACTED
    if isinstance(value, dict):
        # A label's `value` is an instrument token when its entity is an instrument.
        instrument_label = str(value.get("entity", "")).lower() == "instrument"
        return {
            redact_card_numbers(str(k)): REDACTED
            if instrument_label and k == "value"
            else redact_variables(v, str(k))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [redact_variables(v, key) for v in value]
    return _scrub(value)


# Fields whose every argument is a secret (the raw payment-instrument token).
_SENSITIVE_FIELDS = frozenset({"instrument"})


class _Redactor(Visitor):
    """Replaces sensitive string literals and remembers which variables feed sensitive arguments."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: list[str] = []
        self.variables: set[str] = set()

    def enter_field(self, node: FieldNode, *_: Any) -> None:
        self.fields.append(node.name.value)

    def leave_field(self, node: FieldNode, *_: Any) -> None:
        self.fields.pop()

    def enter_argument(self, node: ArgumentNode, *_: Any) -> ArgumentNode | None:
        field = self.fields[-1] if self.fields else ""
        if not (field in _SENSITIVE_FIELDS or _SENSITIVE.search(node.name.value)):
            return None
        if isinstance(node.value, VariableNode):
            self.variables.add(node.value.name.value)
            return None
        if isinstance(node.value, StringValueNode):
            return ArgumentNode(name=node.name, value=StringValueNode(value=REDACTED))
        return None

    def enter_object_field(self, node: ObjectFieldNode, *_: Any) -> ObjectFieldNode | None:
        if _SENSITIVE.search(node.name.value) and isinstance(node.value, StringValueNode):
            return ObjectFieldNode(name=node.name, value=StringValueNode(value=REDACTED))
        return None

    def enter_object_value(self, node: ObjectValueNode, *_: Any) -> ObjectValueNode | None:
        # A label's `value` is an instrument token when its entity is an instrument.
        entity = next((f for f in node.fields if f.name.value == "entity"), None)
        if entity is None:
            return None
        # An entity given by a variable may be INSTRUMENT: the value is then treated as a token.
        if not isinstance(entity.value, VariableNode) and (
            str(getattr(entity.value, "value", "")).lower() != "instrument"
        ):
            return None
        fields: list[ObjectFieldNode] = []
        for f in node.fields:
            if f.name.value == "value" and isinstance(f.value, VariableNode):
                self.variables.add(f.value.name.value)
            if f.name.value == "value" and isinstance(f.value, StringValueNode):
                f = ObjectFieldNode(name=f.name, value=StringValueNode(value=REDACTED))
            fields.append(f)
        return ObjectValueNode(fields=tuple(fields))


class _DefaultRedactor(Visitor):
    """Second pass: a variable that feeds a secret has its default value redacted too (the first pass
    learns which variables those are only after it has printed their definitions)."""

    def __init__(self, variables: frozenset[str]) -> None:
        super().__init__()
        self.variables = variables

    def enter_variable_definition(
        self, node: VariableDefinitionNode, *_: Any
    ) -> VariableDefinitionNode | None:
        if node.default_value is None or node.variable.name.value not in self.variables:
            return None
        return VariableDefinitionNode(
            variable=node.variable,
            type=node.type,
            default_value=StringValueNode(value=REDACTED),
            directives=node.directives,
        )


@lru_cache(maxsize=1024)
def _redact_document(query: str) -> tuple[str | None, frozenset[str]]:
    """Per distinct document (clients repeat theirs): the redacted text and the sensitive variables."""
    if len(query) > _MAX_QUERY_CHARS:
        return None, frozenset()
    redactor = _Redactor()
    try:
        document = visit(parse(query), redactor)
        sensitive = frozenset(redactor.variables)
        text = print_ast(visit(document, _DefaultRedactor(sensitive)) if sensitive else document)
    except GraphQLError:
        return None, frozenset()
    return redact_card_numbers(text), sensitive


def redact(query: str, variables: dict[str, Any] | None) -> tuple[str | None, dict[str, Any]]:
    """The query with sensitive literals replaced (None if it does not parse: kept only as a hash) and
    the variables with every sensitive one replaced, by name and by where the query uses it."""
    text, sensitive = _redact_document(query)
    cleaned = redact_variables(variables or {})
    if not isinstance(cleaned, dict):
        return text, {}
    if text is None:
        # Without a parsed query we cannot tell which variables are secrets: keep only their names.
        return None, dict.fromkeys(cleaned, REDACTED)
    # `cleaned`'s names went through the card scrub; compare them with the sensitive names scrubbed alike.
    hidden = {redact_card_numbers(name) for name in sensitive}
    return text, {k: REDACTED if k in hidden else v for k, v in cleaned.items()}


def redact_text(value: str | None) -> str | None:
    """A free-text field of the request (the operation name) as it may be recorded."""
    return None if value is None else redact_card_numbers(value)


class AuditLog:
    """Appends entries to the day's file through a descriptor kept open between requests: opening the file
    (and creating its directory) for every entry was most of the audit's cost per request. Each entry is
    still one `write()` to the kernel, so it survives a crash of the process the moment it is recorded."""

    def __init__(self, home: Path) -> None:
        self.directory = home / "audit"
        self._lock = threading.Lock()
        self._fd: int | None = None
        self._fd_path: Path | None = None

    def _path(self, when: datetime) -> Path:
        return self.directory / f"audit-{when:%Y-%m-%d}.jsonl"

    def record(self, entry: dict[str, Any]) -> None:
        now = datetime.now(UTC)
        line = json.dumps({"ts": now.isoformat(), **entry}, default=str, separators=(",", ":")) + "\n"
        path = self._path(now)
        with self._lock:
            os.write(self._descriptor(path), line.encode())

    def _descriptor(self, path: Path) -> int:
        fd = self._fd
        # A new day, or the file was deleted under us (a descriptor would keep appending to the orphan).
        if fd is None or path != self._fd_path or os.fstat(fd).st_nlink == 0:
            self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o600)
            # The mode above applies only to a new file: one created by an older version or by hand is
            # narrowed too, and so is a directory made by someone else.
            os.fchmod(fd, 0o600)
            self.directory.chmod(0o700)
            self._close()
            self._fd, self._fd_path = fd, path
        return fd

    def _close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd, self._fd_path = None, None

    def close(self) -> None:
        with self._lock:
            self._close()

    def entries(self) -> Iterator[dict[str, Any]]:
        """Newest first, across the daily files."""
        if not self.directory.is_dir():
            return
        for path in sorted(self.directory.glob("audit-*.jsonl"), reverse=True):
            lines = path.read_text(encoding="utf-8").splitlines()
            for line in reversed(lines):
                try:
                    item = json.loads(line)
                except ValueError:
                    continue
                if isinstance(item, dict):
                    yield item

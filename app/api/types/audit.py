"""Audit-trail entries as admins read them."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.scalars import JSON


@strawberry.type(description="One audited request: who, when, what, with which outcome (secrets redacted).")
class AuditEntry:
    ts: str
    key_id: str | None
    key_name: str | None
    role: str | None
    operation_type: str | None
    operation_name: str | None
    query_hash: str | None
    query: str | None
    variables: JSON | None
    outcome: str
    errors: list[str]
    duration_ms: float | None

    @classmethod
    def of(cls, e: dict[str, Any]) -> AuditEntry:
        return cls(
            ts=str(e.get("ts", "")),
            key_id=e.get("key_id"),
            key_name=e.get("key_name"),
            role=e.get("role"),
            operation_type=e.get("operation_type"),
            operation_name=e.get("operation_name"),
            query_hash=e.get("query_hash"),
            query=e.get("query"),
            variables=e.get("variables"),
            outcome=str(e.get("outcome", "unknown")),
            errors=[str(x) for x in e.get("errors") or []],
            duration_ms=e.get("duration_ms"),
        )

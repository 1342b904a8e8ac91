"""Schema extensions: the audit trail, plus the limits and masking configured from settings."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaskErrors,
    MaxTokensLimiter,
    ParserCache,
    SchemaExtension,
    ValidationCache,
)
from strawberry.extensions.max_aliases import create_validator as alias_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule
from strawberry.types.graphql import OperationType

from app.api.audit import query_hash, redact
from app.api.errors import should_mask
from app.platform.settings import Settings


class AuditTrail(SchemaExtension):
    """Writes one audit entry per operation, after errors are masked (it runs outermost)."""

    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        yield
        ctx = self.execution_context
        context: Any = ctx.context
        principal = getattr(context, "principal", None)
        audit = getattr(context, "audit", None)
        if audit is None:
            return
        query = ctx.query or ""
        result = ctx.result
        errors = [e.message for e in (getattr(result, "errors", None) or [])]
        op_type: OperationType | None = None
        try:
            op_type = ctx.operation_type
        except Exception:
            op_type = None
        text, variables = redact(query, ctx.variables)
        audit.record(
            {
                "key_id": getattr(principal, "key_id", None),
                "key_name": getattr(principal, "name", None),
                "role": getattr(getattr(principal, "role", None), "value", None),
                "operation_type": op_type.value if op_type is not None else None,
                "operation_name": ctx.operation_name,
                "query_hash": query_hash(query),
                "query": text,
                "variables": variables,
                "outcome": "error" if errors else "ok",
                "errors": errors[:5],
                "duration_ms": round((time.perf_counter() - started) * 1000, 3),
            }
        )


def build_extensions(settings: Settings) -> list[type[SchemaExtension] | Callable[[], SchemaExtension]]:
    # Factories, not instances: Strawberry builds fresh extensions for every request.
    extensions: list[type[SchemaExtension] | Callable[[], SchemaExtension]] = [
        AuditTrail,
        partial(MaskErrors, should_mask_error=should_mask, error_message="Internal error."),
        partial(MaxTokensLimiter, max_token_count=settings.api_max_tokens),
        # The depth and alias rules (what QueryDepthLimiter / MaxAliasesLimiter add) are built once per
        # schema: a rule class per request would defeat the validation cache, which is keyed by the rules.
        partial(
            AddValidationRules,
            [
                depth_rule(settings.api_max_depth, None),
                alias_rule(settings.api_max_aliases),
            ],
        ),
        # Clients repeat the same documents with new variables: parse and validate each one once.
        partial(ParserCache, maxsize=1024),
        partial(ValidationCache, maxsize=1024),
    ]
    if not settings.api_introspection:
        extensions.append(DisableIntrospection)
    return extensions

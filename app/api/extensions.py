"""Schema extensions: metrics, the audit trail, error codes and masking, and the limits from settings."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from graphql import GraphQLError
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
from strawberry.types.execution import ExecutionContext
from strawberry.types.graphql import OperationType

from app.api import metrics
from app.api.audit import query_hash, redact, redact_text
from app.api.cost import CostGuard, CostLimits
from app.api.errors import (
    INTERNAL,
    QUERY_TIMEOUT,
    SERVICE_UNAVAILABLE,
    TIMEOUT_MESSAGE,
    UNAVAILABLE_MESSAGE,
    UNAVAILABLE_RETRY_AFTER,
    error_code,
    should_mask,
    timed_out,
    unavailable,
    with_code,
)
from app.platform.settings import Settings


def _operation_type(ctx: ExecutionContext) -> OperationType | None:
    try:
        return ctx.operation_type
    except Exception:  # no operation in an unparsable document, or the named one is missing
        return None


def _errors(ctx: ExecutionContext) -> list[GraphQLError]:
    return list(getattr(ctx.result, "errors", None) or [])


class Metrics(SchemaExtension):
    """Counts and times every operation, and counts its errors by code (it runs outermost)."""

    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        yield
        ctx = self.execution_context
        errors = _errors(ctx)
        op_type = _operation_type(ctx)
        type_label = op_type.value if op_type is not None else metrics.INVALID
        # The GraphQL schema behind Strawberry's: its root fields are the only operation labels.
        label = metrics.operation_label(ctx.schema._schema, ctx.graphql_document, ctx.operation_name)
        metrics.REQUESTS.labels(label, type_label, "error" if errors else "ok").inc()
        metrics.LATENCY.labels(label, type_label).observe(time.perf_counter() - started)
        for error in errors:
            metrics.ERRORS.labels(error_code(error)).inc()


class CodedErrors(MaskErrors):
    """Masks internal errors, then gives every error `extensions.code`; an operation that failed because
    Neo4j is unreachable is answered with HTTP 503 and `Retry-After`, so clients and proxies retry."""

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        original = error.original_error
        # Neither is our fault nor the client's: say what happened, without the driver's message
        # (it names hosts and ports).
        if unavailable(original):
            return _replaced(error, UNAVAILABLE_MESSAGE, SERVICE_UNAVAILABLE)
        if timed_out(original):
            return _replaced(error, TIMEOUT_MESSAGE, QUERY_TIMEOUT)
        return with_code(super().anonymise_error(error), INTERNAL)

    def on_operation(self) -> Iterator[None]:
        yield from super().on_operation()
        result: Any = self.execution_context.result
        if result is not None and result.errors:
            result.errors = [with_code(e) for e in result.errors]
            codes = {error_code(e) for e in result.errors}
            response = getattr(self.execution_context.context, "response", None)
            if SERVICE_UNAVAILABLE in codes and response is not None:
                response.status_code = 503
                response.headers["Retry-After"] = UNAVAILABLE_RETRY_AFTER


def _replaced(error: GraphQLError, message: str, code: str) -> GraphQLError:
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=None,
        extensions={"code": code},
    )


class CachedParse(ParserCache):
    """Strawberry's parser cache, except that a document that does not parse is left to Strawberry.

    The stock cache parses on entering the parse stage, outside Strawberry's own error handling, so a
    syntax error (or a token limit) escaped the operation and bypassed every extension's exit: no audit
    entry, no error code, no metric. Leaving the document unset makes Strawberry parse it again inside
    that handling, where a failure becomes an ordinary result; only failing documents are parsed twice.
    """

    def on_parse(self) -> Iterator[None]:
        ctx = self.execution_context
        if ctx.graphql_document is None and ctx.query:
            try:
                ctx.graphql_document = self.cached_parse_document(ctx.query, **ctx.parse_options)
            except GraphQLError:
                ctx.graphql_document = None
        yield


class AuditTrail(SchemaExtension):
    """Writes one audit entry per operation, after errors are masked and coded (it runs outside both)."""

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
        errors = _errors(ctx)
        op_type = _operation_type(ctx)
        text, variables = redact(query, ctx.variables)
        audit.record(
            {
                "key_id": getattr(principal, "key_id", None),
                "key_name": getattr(principal, "name", None),
                "role": getattr(getattr(principal, "role", None), "value", None),
                "operation_type": op_type.value if op_type is not None else None,
                "operation_name": redact_text(ctx.operation_name),
                "query_hash": query_hash(query),
                "query": text,
                "variables": variables,
                "outcome": "error" if errors else "ok",
                # Codes, not messages: a message may quote what the client sent (a card number as an id).
                "errors": [error_code(e) for e in errors[:5]],
                "duration_ms": round((time.perf_counter() - started) * 1000, 3),
            }
        )


def build_extensions(settings: Settings) -> list[type[SchemaExtension] | Callable[[], SchemaExtension]]:
    # Factories, not instances: Strawberry builds fresh extensions for every request.
    limits = CostLimits(settings.api_max_cost, settings.api_expensive_cost, settings.api_max_page_size)
    # One per schema, so one per API worker: the bound on expensive operations is per process.
    slots = asyncio.Semaphore(settings.api_expensive_concurrency)
    extensions: list[type[SchemaExtension] | Callable[[], SchemaExtension]] = [
        Metrics,
        AuditTrail,
        partial(CodedErrors, should_mask_error=should_mask, error_message="Internal error."),
        # Inside the error handling above, so its refusals are coded, counted and audited.
        partial(CostGuard, limits=limits, slots=slots),
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
        partial(CachedParse, maxsize=1024),
        partial(ValidationCache, maxsize=1024),
    ]
    if not settings.api_introspection:
        extensions.append(DisableIntrospection)
    return extensions

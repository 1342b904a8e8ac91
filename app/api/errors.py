"""Errors an API client may see verbatim (domain errors); everything else is masked. Every error a client
receives carries `extensions.code`, so clients and dashboards branch on the code, never on the wording."""

from __future__ import annotations

from graphql.error import GraphQLError, GraphQLSyntaxError
from neo4j.exceptions import (
    ConnectionPoolError,
    DatabaseUnavailable,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)


class DomainError(Exception):
    """A problem with the request that the caller can act on; its message is shown as is."""

    code = "BAD_REQUEST"


class NotFoundError(DomainError):
    code = "NOT_FOUND"


class InvalidInputError(DomainError):
    code = "INVALID_INPUT"


class ConflictError(DomainError):
    code = "CONFLICT"


class ForbiddenError(GraphQLError):
    """Raised by permission classes (Strawberry requires a GraphQLError subclass there)."""


# Codes outside the domain errors: the whole vocabulary is listed in docs/api.md.
INTERNAL = "INTERNAL_SERVER_ERROR"
FORBIDDEN = "FORBIDDEN"
UNAUTHENTICATED = "UNAUTHENTICATED"
PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE"
PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
TOO_COMPLEX = "QUERY_TOO_COMPLEX"
BAD_USER_INPUT = "BAD_USER_INPUT"
SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"
QUERY_TIMEOUT = "QUERY_TIMEOUT"
RATE_LIMITED = "RATE_LIMITED"

# What a client is told when Neo4j cannot be reached: nothing about hosts or ports (the log has those).
UNAVAILABLE_MESSAGE = "the graph database is unavailable; retry shortly"
TIMEOUT_MESSAGE = "the request ran out of time (LINKWATCH_API_REQUEST_TIMEOUT); ask for less"
UNAVAILABLE_RETRY_AFTER = "5"  # seconds; about how long an embedded Neo4j takes to restart and answer

_TIMEOUT_CODES = frozenset(
    {
        "Neo.ClientError.Transaction.TransactionTimedOut",
        "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
    }
)


class QueryTimeoutError(DomainError):
    """The request's time budget ran out (in Neo4j, or before its next query could start)."""

    code = QUERY_TIMEOUT


def unavailable(exc: BaseException | None) -> bool:
    """Whether `exc` means the database cannot answer now (down, restarting, no connection to be had),
    as opposed to a fault in the request or in our code."""
    return isinstance(exc, ServiceUnavailable | SessionExpired | ConnectionPoolError | DatabaseUnavailable)


def timed_out(exc: BaseException | None) -> bool:
    """Neo4j stopped a transaction at its timeout, or the request overran its budget in this worker."""
    return isinstance(exc, TimeoutError) or (isinstance(exc, Neo4jError) and exc.code in _TIMEOUT_CODES)


# graphql-core and Strawberry raise the limit errors as plain parse / validation errors; their wording is
# pinned by tests/api/test_errors.py, so an upgrade that changes it fails there rather than in a dashboard.
_LIMIT_MARKERS = ("exceeds maximum operation depth", " aliases found. Allowed: ", "Parsing aborted.")


def should_mask(error: GraphQLError) -> bool:
    """Mask anything that is not a domain, permission or validation error (those carry no internals)."""
    original = error.original_error
    if original is None:
        return False  # parse / validation errors produced by graphql-core itself
    return not isinstance(original, DomainError | GraphQLError)


def error_code(error: GraphQLError) -> str:
    """The code of an error after masking (a masked error already carries INTERNAL_SERVER_ERROR)."""
    existing = (error.extensions or {}).get("code")
    if isinstance(existing, str):
        return existing
    original = error.original_error
    if isinstance(original, DomainError):
        return original.code
    if unavailable(original):
        return SERVICE_UNAVAILABLE
    if timed_out(original):
        return QUERY_TIMEOUT
    if isinstance(error, ForbiddenError) or isinstance(original, ForbiddenError):
        return FORBIDDEN
    if original is not None and not isinstance(original, GraphQLError):
        return INTERNAL
    if any(marker in error.message for marker in _LIMIT_MARKERS):
        return TOO_COMPLEX
    if isinstance(error, GraphQLSyntaxError) or isinstance(original, GraphQLSyntaxError):
        return PARSE_FAILED
    if error.message.startswith("Variable '$"):
        return BAD_USER_INPUT  # a variable missing or of the wrong type: found while coercing, not validating
    if original is None:
        return VALIDATION_FAILED
    return "BAD_REQUEST"


def with_code(error: GraphQLError, code: str | None = None) -> GraphQLError:
    """A copy of `error` carrying `extensions.code` (a copy: validation errors are cached and shared)."""
    code = code or error_code(error)
    if (error.extensions or {}).get("code") == code:
        return error
    return GraphQLError(
        error.message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=error.original_error,
        extensions={**(error.extensions or {}), "code": code},
    )

"""Errors an API client may see verbatim (domain errors); everything else is masked."""

from __future__ import annotations

from graphql.error import GraphQLError


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


def should_mask(error: GraphQLError) -> bool:
    """Mask anything that is not a domain, permission or validation error (those carry no internals)."""
    original = error.original_error
    if original is None:
        return False  # parse / validation errors produced by graphql-core itself
    return not isinstance(original, DomainError | GraphQLError)

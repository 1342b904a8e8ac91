"""Every error a client can get has a code; limits, parse, validation and coercion errors are told apart."""

from __future__ import annotations

import pytest
from graphql import GraphQLError, GraphQLSyntaxError, Source

from app.api import errors
from app.api.errors import (
    ForbiddenError,
    InvalidInputError,
    NotFoundError,
    error_code,
    with_code,
)


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (GraphQLError("no campaign", original_error=NotFoundError("no campaign")), "NOT_FOUND"),
        (GraphQLError("bad", original_error=InvalidInputError("bad")), "INVALID_INPUT"),
        (GraphQLError("forbidden", original_error=ForbiddenError("forbidden")), errors.FORBIDDEN),
        (ForbiddenError("forbidden"), errors.FORBIDDEN),
        (GraphQLError("boom", original_error=RuntimeError("boom")), errors.INTERNAL),
        (GraphQLSyntaxError(Source("{"), 1, "Expected Name, found <EOF>."), errors.PARSE_FAILED),
        (
            GraphQLSyntaxError(Source("{"), 1, "Document contains more than 2000 tokens. Parsing aborted."),
            errors.TOO_COMPLEX,
        ),
        (GraphQLError("'anonymous' exceeds maximum operation depth of 10"), errors.TOO_COMPLEX),
        (GraphQLError("31 aliases found. Allowed: 30"), errors.TOO_COMPLEX),
        (GraphQLError("Cannot query field 'aliases' on type 'Query'."), errors.VALIDATION_FAILED),
        (GraphQLError("Variable '$id' of required type 'ID!' was not provided."), errors.BAD_USER_INPUT),
        (GraphQLError("x", extensions={"code": "CUSTOM"}), "CUSTOM"),
    ],
)
def test_error_codes(error: GraphQLError, code: str) -> None:
    assert error_code(error) == code
    coded = with_code(error)
    assert coded.extensions is not None
    assert coded.extensions["code"] == code
    assert coded.formatted["extensions"]["code"] == code
    assert coded.message == error.message


def test_with_code_leaves_the_original_alone() -> None:
    # Validation errors are cached per document and shared between requests.
    error = GraphQLError("Cannot query field 'x' on type 'Query'.")
    coded = with_code(error)
    assert coded is not error
    assert not error.extensions
    assert with_code(coded) is coded

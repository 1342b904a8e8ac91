"""The schema: Query + Mutation with the configured extensions; also what `linkwatch schema export` prints."""

from __future__ import annotations

import logging
import traceback

import strawberry
from graphql import GraphQLError
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from app.api.audit import redact_text
from app.api.errors import INTERNAL, error_code, should_mask, timed_out, unavailable
from app.api.extensions import build_extensions
from app.api.mutations import Mutation
from app.api.queries import Query
from app.domain.instrument import redact_card_numbers
from app.platform.settings import Settings

logger = logging.getLogger("app.api.errors")


class Schema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Logs what an operator must look at: internal errors, with their traceback, and nothing else.

        Strawberry's default logs every error with its message, and messages quote what clients sent
        (a card number pasted as an account id, a token in a syntax error); a client's own mistakes are
        counted by code in the metrics instead.
        """
        for error in errors:
            original = error.original_error
            if unavailable(original) or timed_out(original):
                # An outage fails every request at once: one line each, not a traceback each. /readyz and
                # the SERVICE_UNAVAILABLE / QUERY_TIMEOUT error counts are what to alert on.
                logger.warning("%s: %s", error_code(error), type(original).__name__)
                continue
            if not (should_mask(error) or error_code(error) == INTERNAL):
                continue
            trace = "".join(traceback.format_exception(original)) if original is not None else error.message
            # The traceback is formatted here so that the card scrub covers the exception's message too.
            logger.error(
                "internal error in %s at %s\n%s",
                redact_text(execution_context.operation_name if execution_context is not None else None),
                ".".join(str(p) for p in error.path or ()),
                redact_card_numbers(trace),
            )


def build_schema(settings: Settings) -> strawberry.Schema:
    return Schema(
        query=Query,
        mutation=Mutation,
        extensions=build_extensions(settings),
        config=StrawberryConfig(auto_camel_case=True),
    )


def sdl() -> str:
    """The schema in SDL; independent of settings (limits are runtime checks, not types)."""
    return strawberry.Schema(query=Query, mutation=Mutation).as_str() + "\n"

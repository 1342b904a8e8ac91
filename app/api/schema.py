"""The schema: Query + Mutation with the configured extensions; also what `linkwatch schema export` prints."""

from __future__ import annotations

import strawberry
from strawberry.schema.config import StrawberryConfig

from app.api.extensions import build_extensions
from app.api.mutations import Mutation
from app.api.queries import Query
from app.platform.settings import Settings


def build_schema(settings: Settings) -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        extensions=build_extensions(settings),
        config=StrawberryConfig(auto_camel_case=True),
    )


def sdl() -> str:
    """The schema in SDL; independent of settings (limits are runtime checks, not types)."""
    return strawberry.Schema(query=Query, mutation=Mutation).as_str() + "\n"

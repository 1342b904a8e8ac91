"""Typed wrappers for Strawberry's keyword-form field decorators (whose stubs return Any)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

import strawberry
from strawberry.permission import BasePermission

F = TypeVar("F", bound=Callable[..., Any])


def resolver(
    *, description: str | None = None, permission_classes: list[type[BasePermission]] | None = None
) -> Callable[[F], F]:
    return cast(
        "Callable[[F], F]", strawberry.field(description=description, permission_classes=permission_classes)
    )


def mutation(
    *, description: str | None = None, permission_classes: list[type[BasePermission]] | None = None
) -> Callable[[F], F]:
    return cast(
        "Callable[[F], F]",
        strawberry.mutation(description=description, permission_classes=permission_classes),
    )

"""Role checks on fields: viewers read, analysts also decide and label, admins also read the audit trail."""

from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission

from app.api.context import Info
from app.api.errors import ForbiddenError
from app.services.api_keys import Role


class _RoleAtLeast(BasePermission):
    role: Role = Role.VIEWER
    error_class = ForbiddenError

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        principal = info.context.principal
        return principal is not None and principal.role.allows(self.role)


class IsViewer(_RoleAtLeast):
    role = Role.VIEWER
    message = "authentication required"


class IsAnalyst(_RoleAtLeast):
    role = Role.ANALYST
    message = "forbidden: this operation needs the analyst or admin role"


class IsAdmin(_RoleAtLeast):
    role = Role.ADMIN
    message = "forbidden: this operation needs the admin role"

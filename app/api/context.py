"""What every resolver sees: the caller, the graph, per-request loaders, settings and the audit log."""

from __future__ import annotations

from starlette.responses import Response
from strawberry.types import Info as StrawberryInfo

from app.api.audit import AuditLog
from app.api.dataloaders import Loaders, build_loaders
from app.platform.runner import AsyncQueryRunner
from app.platform.settings import Settings
from app.services.api_keys import Principal


class Context:
    def __init__(
        self,
        settings: Settings,
        graph: AsyncQueryRunner,
        principal: Principal | None,
        audit: AuditLog,
        response: Response | None = None,
        deadline: float | None = None,
    ) -> None:
        self.settings = settings
        self.graph = graph
        self.principal = principal
        self.audit = audit
        self.response = response
        # time.monotonic() by which the request must be done (app/api/budget.py); its estimated cost.
        self.deadline = deadline
        self.cost: int | None = None
        self.loaders: Loaders = build_loaders(graph)

    @property
    def who(self) -> str:
        """The name recorded on decisions: the API key's name (the audit trail also has its id)."""
        return self.principal.name if self.principal is not None else "anonymous"


Info = StrawberryInfo[Context, None]

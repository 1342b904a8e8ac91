"""Small types the analyst console needs: who the key is, and when models appeared on the platform."""

from __future__ import annotations

from datetime import datetime

import strawberry


@strawberry.type(description="The caller's API key: its name and role (never the secret).")
class Me:
    key_id: str
    name: str
    role: str = strawberry.field(description="viewer | analyst | admin")


@strawberry.type(description="A model and its first request on the platform (a release proxy).")
class Model:
    name: str
    first_seen: datetime | None

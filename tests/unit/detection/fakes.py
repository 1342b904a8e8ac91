"""A `SyncRunner` that answers detection's named queries from canned rows and records what was asked."""

from __future__ import annotations

from typing import Any

Row = dict[str, Any]


class FakeRunner:
    def __init__(self, profiles: dict[str, Row], recruits: dict[tuple[str, ...], list[Row]]) -> None:
        self.profiles = profiles
        self.recruits = recruits
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def run(self, name: str, /, **params: Any) -> list[Row]:
        self.calls.append((name, params))
        if name == "detection/member_profiles":
            return [self.profiles[a] for a in params["account_ids"] if a in self.profiles]
        if name == "detection/template_recruits":
            return self.recruits.get(tuple(params["template_ids"]), [])
        raise AssertionError(f"query {name} is not one the pipeline should run here")

    def asked(self, name: str) -> list[dict[str, Any]]:
        return [params for n, params in self.calls if n == name]

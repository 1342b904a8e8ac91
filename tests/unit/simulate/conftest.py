"""Small generated scenarios shared by the generator tests (pure file output, no database)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenarios.standard import Summary, simulate

SMALL = 3000
RPA = 4.0


@pytest.fixture(scope="session")
def scenario_dirs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Summary]]:
    out: dict[str, tuple[Path, Summary]] = {}
    for name in ("demo", "standard", "stealthy"):
        path = tmp_path_factory.mktemp(f"sim-{name}")
        out[name] = (path, simulate(path, name, accounts=SMALL, seed=11, requests_per_account=RPA))
    return out

"""Detection fixtures: generated scenarios loaded into the session's Neo4j, with their ground truth."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from neo4j import Driver
from rich.console import Console

from app.platform.settings import Settings
from loaders.pipeline import load_directory
from loaders.settings import get_load_settings
from scenarios.quality import read_confounders, read_truth
from scenarios.standard.generator import simulate
from tests.conftest import wipe

# Test size: every planted campaign at its floor size, a few thousand ordinary accounts around it.
TEST_ACCOUNTS = 3000


@dataclass(frozen=True)
class Scenario:
    directory: Path
    accounts: int
    truth: dict[str, str]
    confounders: dict[str, str]


def load_scenario(
    driver: Driver, settings: Settings, out: Path, name: str, accounts: int = TEST_ACCOUNTS
) -> Scenario:
    """Wipes the database, generates `name` and loads it the way `linkwatch load` does."""
    wipe(driver)
    simulate(out, scenario=name, accounts=accounts, seed=7)
    load_directory(out, driver, settings, get_load_settings(), Console(quiet=True))
    return Scenario(out, accounts, read_truth(out / "truth.csv"), read_confounders(out / "confounders.csv"))

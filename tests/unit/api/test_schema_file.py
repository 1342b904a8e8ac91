"""The checked-in schema.graphql is what the code would export; the check notices a stale file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.api.schema import sdl
from app.cli import cli
from app.platform.logging import configure_logging

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    """CliRunner points the CLI's logging at its own stderr and closes it; later log calls must not fail."""
    yield
    configure_logging()


def test_schema_file_is_up_to_date() -> None:
    assert (ROOT / "schema.graphql").read_text(encoding="utf-8") == sdl()
    result = CliRunner().invoke(cli, ["schema", "export", "--check"])
    assert result.exit_code == 0, result.output


def test_schema_check_fails_on_a_stale_file(tmp_path: Path) -> None:
    stale = tmp_path / "schema.graphql"
    stale.write_text("type Query { old: Int }\n")
    assert CliRunner().invoke(cli, ["schema", "export", "--check", "--path", str(stale)]).exit_code == 1
    assert CliRunner().invoke(cli, ["schema", "export", "--path", str(stale)]).exit_code == 0
    assert stale.read_text() == sdl()

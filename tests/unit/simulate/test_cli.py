"""`linkwatch simulate` end to end through the command line."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from app.cli import cli


def test_cli_writes_a_scenario(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    args = ["simulate", "--out", str(out), "--scenario", "demo", "--accounts", "700", "--seed", "3"]
    result = CliRunner().invoke(cli, [*args, "--requests-per-account", "2"])
    assert result.exit_code == 0, result.output
    assert (out / "requests.parquet").exists()
    assert (out / "truth.csv").read_text().count("\n") > 50


def test_cli_rejects_unknown_scenario_and_too_few_accounts(tmp_path: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(cli, ["simulate", "--out", str(tmp_path), "--scenario", "nope"])
    assert bad.exit_code != 0
    assert not list(tmp_path.iterdir())
    small = runner.invoke(
        cli, ["simulate", "--out", str(tmp_path / "x"), "--scenario", "standard", "--accounts", "150"]
    )
    assert small.exit_code != 0

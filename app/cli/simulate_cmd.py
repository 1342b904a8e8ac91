"""`linkwatch simulate`: write a generated scenario (input format v1 plus ground truth) to a directory."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from scenarios.standard import SCENARIOS, simulate

console = Console(stderr=True)


def simulate_command(
    out: Path = typer.Option(..., "--out", help="Directory to write (created if missing)."),
    scenario: str = typer.Option("demo", "--scenario", help=f"One of: {', '.join(SCENARIOS)}."),
    accounts: int | None = typer.Option(
        None, "--accounts", min=100, help="Accounts (default: the scenario's)."
    ),
    seed: int = typer.Option(7, "--seed", help="Same seed, same bytes."),
    requests_per_account: float = typer.Option(
        25.0, "--requests-per-account", min=0.01, help="Mean organic requests per account (scales the log)."
    ),
    with_errors: bool = typer.Option(False, "--with-errors", help="Add a few bad rows (for reject tests)."),
) -> None:
    """Generate a scenario with planted campaigns, benign look-alikes and ground truth."""
    if scenario not in SCENARIOS:
        raise typer.BadParameter(f"choose from {', '.join(SCENARIOS)}", param_hint="--scenario")
    with Progress(
        TextColumn("requests"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("requests", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        try:
            summary = simulate(
                out, scenario, accounts, seed, requests_per_account, with_errors, progress=advance
            )
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from exc
    table = Table(title=f"{summary.scenario}: {summary.accounts:,} accounts in {summary.seconds:.1f}s")
    table.add_column("file")
    table.add_column("rows", justify="right")
    for name, rows in summary.files.items():
        table.add_row(name, f"{rows:,}")
    for cid, size in summary.campaigns.items():
        table.add_row(f"[dim]campaign {cid}[/dim]", f"[dim]{size:,} accounts[/dim]")
    console.print(table)


def register(cli: typer.Typer) -> None:
    cli.command("simulate")(simulate_command)

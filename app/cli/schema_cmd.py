"""`linkwatch schema export [--check]`: the GraphQL SDL in `schema.graphql`, checked in CI."""

from __future__ import annotations

import difflib
from pathlib import Path

import typer
from rich.console import Console

app = typer.Typer(no_args_is_help=True, help="The GraphQL schema file.")
err = Console(stderr=True)
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "schema.graphql"


@app.command("export")
def export(
    path: Path = typer.Option(DEFAULT_PATH, "--path", help="Where the SDL lives."),
    check: bool = typer.Option(False, "--check", help="Fail if the file differs from the code's schema."),
) -> None:
    """Write the schema SDL (or, with --check, verify the checked-in file is up to date)."""
    from app.api.schema import sdl

    text = sdl()
    if check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            diff = difflib.unified_diff(
                current.splitlines(), text.splitlines(), str(path), "schema from code", lineterm=""
            )
            err.print("\n".join(list(diff)[:80]), markup=False, highlight=False)
            err.print(f"{path.name} is out of date: run `linkwatch schema export`")
            raise typer.Exit(1)
        err.print(f"{path.name} is up to date")
        return
    path.write_text(text, encoding="utf-8")
    err.print(f"wrote {path}")

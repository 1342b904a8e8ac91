"""The `linkwatch` command: one Typer app, a sub-app per concern in its own module."""

from __future__ import annotations

import typer

from app.cli import (
    alerts_cmd,
    db_cmd,
    detect_cmd,
    export_cmd,
    keys_cmd,
    load_cmd,
    neo4j_cmd,
    schema_cmd,
    serve_cmd,
    simulate_cmd,
    worker_cmd,
)
from app.platform.logging import configure_logging

cli = typer.Typer(
    no_args_is_help=True, add_completion=False, help="Linkwatch: distillation-campaign detection."
)
cli.add_typer(neo4j_cmd.app, name="neo4j")
cli.add_typer(db_cmd.app, name="db")
simulate_cmd.register(cli)
detect_cmd.register(cli)
load_cmd.register(cli)
cli.add_typer(export_cmd.app, name="export")
cli.add_typer(keys_cmd.app, name="keys")
cli.add_typer(alerts_cmd.app, name="alerts")
cli.add_typer(schema_cmd.app, name="schema")
serve_cmd.register(cli)
worker_cmd.register(cli)


@cli.callback()
def _root(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Debug logging."),
    json_logs: bool = typer.Option(False, "--json-logs", help="Logs as JSON lines."),
) -> None:
    configure_logging(verbose=verbose, json_logs=json_logs)


def main() -> None:
    cli()

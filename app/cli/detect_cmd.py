"""`linkwatch detect`, `linkwatch runs`: detection runs from the command line (the worker: `worker_cmd`)."""

from __future__ import annotations

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from app.cli.store import using_store
from app.jobs import runs as run_store
from app.jobs.runner import DetectionBusyError, DetectionFailedError, RunSummary, run_detection
from app.platform.cypher import q
from app.platform.driver import sync_driver
from app.platform.logging import get_logger
from app.platform.settings import Settings, get_settings

log = get_logger(__name__)


def _out() -> Console:
    return Console()  # created per command so COLUMNS / terminal width are read when it runs


def _err() -> Console:
    return Console(stderr=True)


def register(cli: typer.Typer) -> None:
    cli.command("detect")(detect)
    cli.command("runs")(runs)


def detect(
    wait: float = typer.Option(
        0.0, "--wait", help="Seconds to wait if another run is in progress (default: refuse at once)."
    ),
    limit: int = typer.Option(50, "--limit", min=1, help="Campaigns shown in the table."),
    incremental: bool = typer.Option(
        False,
        "--incremental",
        help="Recompute only what loads since the last run touched (a full run if none ran before).",
    ),
) -> None:
    """Run detection once and print the campaigns found."""
    settings = get_settings()
    kind = "incremental" if incremental else "full"
    try:
        with using_store(settings, "detect"):
            summary = run_detection(settings, trigger="cli", kind=kind, lock_timeout=wait)
    except DetectionBusyError as exc:
        _err().print(f"[yellow]{exc}[/yellow]")
        raise typer.Exit(2) from None
    except DetectionFailedError as exc:
        _err().print(f"[red]{exc}[/red] (the previous result is still the current one)")
        raise typer.Exit(1) from None
    _err().print(summary_line(summary))
    print_campaigns(settings, limit)


def runs(limit: int = typer.Option(20, "--limit", min=1, help="Runs shown, newest first.")) -> None:
    """Detection run history."""
    settings = get_settings()
    with sync_driver(settings) as driver:
        records = run_store.history(driver, settings.neo4j_database, limit)
    # The run id already carries its UTC start (R-YYYYmmddTHHMMSSZ-...); errors go under the table so
    # the table fits an 80-column terminal.
    table = Table(title="Detection runs", box=box.SIMPLE_HEAD)
    for col in ("run", "kind", "status", "trigger", "by", "secs", "found", "new"):
        table.add_column(
            col, justify="right" if col in {"secs", "found", "new"} else "left", no_wrap=col != "by"
        )
    for r in records:
        table.add_row(
            r.run_id,
            _kind(r),
            _status(r.status),
            r.trigger or "",
            r.requested_by or "",
            f"{r.duration_s:.0f}" if r.duration_s is not None else "",
            str(r.campaigns) if r.campaigns is not None else "",
            str(int(r.metrics["new"])) if "new" in r.metrics else "",
        )
    console = _out()
    console.print(table)
    for r in records:
        if r.error:
            console.print(f"[red]{r.run_id}[/red]: {r.error}", highlight=False)
        elif r.status == "succeeded" and r.requested_kind not in (None, r.kind):
            console.print(f"{r.run_id}: {r.requested_kind} requested, ran {r.kind} (no full run before it)")


def print_campaigns(settings: Settings, limit: int) -> None:
    with (
        sync_driver(settings) as driver,
        driver.session(database=settings.neo4j_database, notifications_min_severity="OFF") as session,
    ):
        records = list(session.run(q("detection/campaign_table"), limit=limit))
    table = Table(title=f"Active campaigns ({len(records)} shown)")
    for col in ("campaign", "status", "size", "score", "capability", "actor"):
        table.add_column(
            col,
            justify="right" if col in {"size", "score"} else "left",
            no_wrap=col in {"campaign", "status"},
        )
    for r in records:
        actor = ""
        if r["actor"]:
            conf = f" {r['confidence']:.2f}" if r["confidence"] is not None else ""
            actor = f"{r['actor']} ({r['attribution_status']}{conf})"
        table.add_row(
            r["campaign_id"],
            r["status"] or "",
            str(r["size"] or 0),
            f"{r['score']:.3f}" if r["score"] is not None else "",
            r["capability"] or "",
            actor,
        )
    _out().print(table)


def summary_line(s: RunSummary) -> str:
    kind = (
        s.kind
        if s.kind == s.requested_kind
        else f"{s.kind} (no full run before it, so not {s.requested_kind})"
    )
    changed = f", {s.graph['changed_accounts']} accounts changed" if "changed_accounts" in s.graph else ""
    return (
        f"{kind} run {s.run_id} succeeded in {s.timings.get('total', 0.0):.1f}s: {s.campaigns} campaigns "
        f"({s.new} new, {s.continued} continued, {s.revived} revived), {s.deactivated} no longer found, "
        f"{s.merges} merges, {s.splits} splits, {s.attributions_proposed} attributions proposed{changed}"
    )


def _kind(r: run_store.RunRecord) -> str:
    # Queued and running runs show what was asked for; finished ones what ran.
    kind = r.kind if r.status in ("succeeded", "failed") else (r.requested_kind or r.kind)
    return "incr" if kind == "incremental" else kind


def _status(status: str) -> str:
    colour = {"succeeded": "green", "failed": "red", "running": "cyan", "queued": "yellow"}.get(
        status, "white"
    )
    return f"[{colour}]{status}[/{colour}]"

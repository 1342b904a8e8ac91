"""`linkwatch alerts add|list|remove|deliver`: webhooks for detection events, and delivering them by hand.

`linkwatch worker` delivers on its own; `alerts deliver --once` is for operators (a cron job without a
worker, or flushing after a receiver came back).
"""

from __future__ import annotations

import getpass

import typer
from rich.console import Console
from rich.table import Table

from app.cli.store import using_store
from app.domain.alerts import parse_event_types
from app.jobs.alerts import webhooks
from app.jobs.alerts.deliver import Deliverer
from app.jobs.worker import default_name
from app.platform.driver import sync_driver
from app.platform.settings import get_settings

app = typer.Typer(no_args_is_help=True, help="Webhooks for detection events (docs/alerts.md).")
out = Console()
err = Console(stderr=True)


@app.command("add")
def add(
    url: str = typer.Option(..., "--url", help="Where to POST events (http or https)."),
    events: str = typer.Option(
        "",
        "--events",
        help="Comma-separated event types (campaign.new, campaign.grown, attribution.new, "
        "attribution.changed, watch.joined); default: all.",
    ),
) -> None:
    """Register a webhook; its signing secret is printed last, once."""
    try:
        types = parse_event_types(events)
        webhooks.check_url(url)
    except ValueError as exc:
        err.print(f"[red]refused:[/red] {exc}")
        raise typer.Exit(2) from None
    settings = get_settings()
    with using_store(settings, "alerts"), sync_driver(settings) as driver:
        new = webhooks.add(
            driver, settings.neo4j_database, settings.alert_signing_key(), url, types, getpass.getuser()
        )
    hook = new.webhook
    err.print(
        f"added webhook {hook.webhook_id} -> {hook.url} ({', '.join(hook.events) or 'all events'}). "
        f"Verify `X-Linkwatch-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>` with this secret; "
        "it is shown only this once:"
    )
    # stdout carries only the secret, last, so scripts can capture it.
    print(new.secret)


@app.command("list")
def list_hooks() -> None:
    """Every webhook: id, URL, events, deliveries by status, latest error (never a secret)."""
    settings = get_settings()
    with sync_driver(settings) as driver:
        hooks = webhooks.list_webhooks(driver, settings.neo4j_database)
    table = Table("webhook id", "url", "events", "created", "pending", "delivered", "failed", "last error")
    for h in hooks:
        table.add_row(
            h.webhook_id,
            h.url,
            ", ".join(h.events) or "all",
            f"{h.created_at:%Y-%m-%d %H:%M}" if h.created_at else "",
            str(h.pending),
            str(h.delivered),
            str(h.failed),
            (h.last_error or "")[:60],
        )
    out.print(table)


@app.command("remove")
def remove(webhook_id: str = typer.Argument(..., help="The webhook id (H-...).")) -> None:
    """Remove a webhook; its deliveries not yet made are cancelled."""
    settings = get_settings()
    with using_store(settings, "alerts"), sync_driver(settings) as driver:
        removed = webhooks.remove(driver, settings.neo4j_database, webhook_id)
    if removed is None:
        err.print(f"no webhook {webhook_id[:40]!r}")
        raise typer.Exit(1)
    hook, cancelled = removed
    err.print(f"removed webhook {hook.webhook_id} ({hook.url}); {cancelled} pending deliveries cancelled")


@app.command("deliver")
def deliver(
    once: bool = typer.Option(False, "--once", help="Send what is due now, then exit."),
) -> None:
    """Send due deliveries (`--once`); `linkwatch worker` does this continuously."""
    if not once:
        err.print("use --once (`linkwatch worker` delivers continuously)")
        raise typer.Exit(2)
    settings = get_settings()
    with using_store(settings, "alerts"), Deliverer(settings, name=default_name()) as deliverer:
        report = deliverer.deliver_once()
    for line in report.errors[:20]:
        err.print(f"[yellow]{line}[/yellow]")
    out.print(
        f"delivered {report.delivered}, retrying later {report.retrying}, failed for good {report.failed}"
    )
    if report.retrying or report.failed:
        raise typer.Exit(1)

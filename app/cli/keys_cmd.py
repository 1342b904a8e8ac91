"""`linkwatch keys create|list|revoke`: API keys, stored only as hashes."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from app.cli.store import using_store
from app.platform.driver import sync_driver
from app.platform.settings import get_settings
from app.services import api_keys
from app.services.api_keys import Role
from app.services.convert import to_datetime

app = typer.Typer(no_args_is_help=True, help="API keys (roles: viewer, analyst, admin).")
out = Console()
err = Console(stderr=True)


@app.command("create")
def create(
    name: str = typer.Option(..., "--name", help="Who or what uses the key; recorded on decisions."),
    role: Role = typer.Option(Role.VIEWER, "--role", help="viewer | analyst | admin"),
) -> None:
    """Create a key and print it once (only its hash is stored)."""
    if not name.strip() or len(name) > 100:
        err.print("--name must be 1-100 characters")
        raise typer.Exit(2)
    settings = get_settings()
    with using_store(settings, "keys"), sync_driver(settings) as driver:
        key = api_keys.create_key(driver, settings.neo4j_database, name.strip(), role)
    err.print(f"created key {key.key_id} ({key.role.value}) for {key.name!r}; it is shown only this once:")
    # stdout carries only the key, so scripts can capture it.
    print(key.token)


@app.command("list")
def list_keys() -> None:
    """Every key: id, name, role, created, revoked (never the secret)."""
    settings = get_settings()
    with sync_driver(settings) as driver:
        rows = api_keys.list_keys(driver, settings.neo4j_database)
    table = Table("key id", "name", "role", "created", "revoked")
    for r in rows:
        created, revoked = to_datetime(r["created_at"]), to_datetime(r["revoked_at"])
        table.add_row(
            r["key_id"],
            r["name"],
            r["role"],
            f"{created:%Y-%m-%d %H:%M}" if created else "",
            f"{revoked:%Y-%m-%d %H:%M}" if revoked else "",
        )
    out.print(table)


@app.command("revoke")
def revoke(key_id: str = typer.Argument(..., help="The key id (the part after `lw_`).")) -> None:
    """Revoke a key: the next request with it is refused by every API worker sharing LINKWATCH_HOME."""
    settings = get_settings()
    with using_store(settings, "keys"), sync_driver(settings) as driver:
        row = api_keys.revoke_key(driver, settings.neo4j_database, key_id, settings.home)
    if row is None:
        err.print(f"no key {key_id!r}")
        raise typer.Exit(1)
    err.print(f"revoked key {row['key_id']} ({row['name']})")

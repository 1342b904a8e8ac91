"""Commands that use the managed store hold it shared (app/platform/store_lock.py), so that a bulk load
cannot replace it under them and they cannot write into one a bulk load is replacing."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import typer
from rich.console import Console

from app.platform.settings import Settings
from app.platform.store_lock import StoreBusyError, store_in_use


@contextlib.contextmanager
def using_store(settings: Settings, what: str) -> Iterator[None]:
    """The block runs with the store held shared; exit 2 with the reason if a bulk load holds it."""
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(store_in_use(settings.home, what))
        except StoreBusyError as exc:
            Console(stderr=True).print(f"[red]refused:[/red] {exc}")
            raise typer.Exit(2) from None
        yield

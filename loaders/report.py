"""Per-file load outcome and the end-of-load summary table."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.console import Console
from rich.table import Table


@dataclass
class FileReport:
    file: str
    kind: str
    read: int = 0
    loaded: int = 0
    rejected: int = 0
    status: str = "loaded"  # loaded | resumed | already loaded | failed
    batches_applied: int = 0
    batches_skipped: int = 0
    seconds: float = 0.0
    unknown_columns: list[str] = field(default_factory=list)

    def note_batch(self, applied: bool) -> None:
        if applied:
            self.batches_applied += 1
        else:
            self.batches_skipped += 1

    def finish(self) -> None:
        if self.status == "loaded" and self.batches_skipped and self.batches_applied:
            self.status = "resumed"
        elif self.status == "loaded" and self.batches_skipped and not self.batches_applied:
            self.status = "already loaded"


@dataclass
class LoadReport:
    directory: str
    files: list[FileReport] = field(default_factory=list)
    reject_file: str | None = None
    templates: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)  # request mining phases
    stages: dict[str, float] = field(default_factory=dict)  # bulk load stages, seconds

    @property
    def rejected(self) -> int:
        return sum(f.rejected for f in self.files)

    def table(self) -> Table:
        t = Table(title=f"load {self.directory}", show_footer=True)
        t.add_column("file", footer="total", overflow="fold")
        t.add_column("kind", no_wrap=True)
        t.add_column("read", justify="right", footer=f"{sum(f.read for f in self.files):,}")
        t.add_column("loaded", justify="right", footer=f"{sum(f.loaded for f in self.files):,}")
        t.add_column("rejected", justify="right", footer=f"{self.rejected:,}")
        t.add_column("status", no_wrap=True)
        t.add_column("seconds", justify="right", footer=f"{self.seconds:.1f}")
        for f in self.files:
            t.add_row(
                f.file,
                f.kind,
                f"{f.read:,}",
                f"{f.loaded:,}",
                f"{f.rejected:,}",
                f.status,
                f"{f.seconds:.1f}",
            )
        return t

    def print(self, console: Console) -> None:
        console.print(self.table())
        if self.stages:
            console.print("stages: " + ", ".join(f"{k} {v:.1f} s" for k, v in self.stages.items()))
        if self.templates:
            console.print(f"prompt templates touched: {self.templates:,}")
        if self.reject_file:
            console.print(f"rejected rows written to {self.reject_file}")

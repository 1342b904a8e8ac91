"""Finds input files in a directory by kind prefix and format (input format v1)."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from pathlib import Path


class Kind(enum.StrEnum):
    ACCOUNTS = "accounts"
    IP_LINKS = "ip_links"
    PAYMENT_LINKS = "payment_links"
    REQUESTS = "requests"
    LABELS = "labels"


class Format(enum.StrEnum):
    CSV = "csv"
    JSONL = "jsonl"
    PARQUET = "parquet"


# Load order matters: templates must exist before labels can resolve them.
LOAD_ORDER = (Kind.ACCOUNTS, Kind.IP_LINKS, Kind.PAYMENT_LINKS, Kind.REQUESTS, Kind.LABELS)

_SUFFIXES: tuple[tuple[str, Format, bool], ...] = (
    (".csv.gz", Format.CSV, True),
    (".jsonl.gz", Format.JSONL, True),
    (".csv", Format.CSV, False),
    (".jsonl", Format.JSONL, False),
    (".parquet", Format.PARQUET, False),
)
# A kind's name followed by nothing or a separator: `ip_links-2026.csv` is ip_links, `ipx.csv` is nothing.
_KIND_NAME = re.compile(r"^(?P<kind>" + "|".join(k.value for k in Kind) + r")(?:$|[-_.])")


@dataclass(frozen=True)
class DataFile:
    path: Path
    kind: Kind
    format: Format
    gzipped: bool

    @property
    def name(self) -> str:
        return self.path.name


def classify(path: Path) -> DataFile | None:
    name = path.name
    for suffix, fmt, gz in _SUFFIXES:
        if name.lower().endswith(suffix):
            stem = name[: -len(suffix)]
            m = _KIND_NAME.match(stem)
            if m is None:
                return None
            return DataFile(path=path, kind=Kind(m.group("kind")), format=fmt, gzipped=gz)
    return None


def discover(directory: Path) -> dict[Kind, list[DataFile]]:
    """Input files by kind, in name order, and nothing else (truth files, notes and the like are skipped)."""
    if not directory.is_dir():
        raise NotADirectoryError(f"{directory} is not a directory")
    found: dict[Kind, list[DataFile]] = {k: [] for k in LOAD_ORDER}
    for path in sorted(directory.iterdir()):
        if not path.is_file():
            continue
        df = classify(path)
        if df is not None:
            found[df.kind].append(df)
    return found


def ignored_files(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.is_file() and classify(p) is None)

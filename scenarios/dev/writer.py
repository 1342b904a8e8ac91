"""Writes a :class:`~scenarios.dev.world.World` as input format v1 plus ground truth, byte-reproducibly.

gzip members are written with ``mtime=0`` and no file name, rows are sorted, so the same world always
produces identical bytes.
"""

from __future__ import annotations

import csv
import gzip
import io
import pathlib
import queue
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from operator import itemgetter

from .clock import iso
from .world import World

ACCOUNTS = (
    "account_id",
    "created_at",
    "email_domain",
    "country",
    "plan",
    "org_id",
    "signup_channel",
    "status",
)
IP_LINKS = ("account_id", "ip", "first_seen", "last_seen", "requests", "asn", "asn_org", "ip_type")
PAYMENT_LINKS = ("account_id", "instrument_id", "instrument_type", "bin", "issuer_country", "first_used")
REQUESTS = ("account_id", "ts", "prompt", "ip", "model", "input_tokens", "output_tokens", "user_agent")
LABELS = ("entity", "value", "actor", "confidence", "source", "note")
TRUTH = ("account_id", "campaign_id", "actor", "style")
CONFOUNDERS = ("account_id", "cohort")


def _csv(path: pathlib.Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    with path.open("wb") as raw:
        _rows(raw.write, header, rows)


def _rows(write: Callable[[bytes], object], header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """CSV-encode into a string buffer and hand large encoded chunks to ``write``."""
    buf = io.StringIO()
    cw = csv.writer(buf, lineterminator="\n")
    cw.writerow(header)
    it = iter(rows)
    while True:
        chunk = list(islice(it, 20_000))
        if not chunk:
            break
        cw.writerows(chunk)
        write(buf.getvalue().encode("utf-8"))
        buf.seek(0)
        buf.truncate()
    write(buf.getvalue().encode("utf-8"))


def _quote(field: str) -> str:
    """CSV-quote a text field exactly as ``csv.writer`` (QUOTE_MINIMAL, ``\\n`` line ends) would."""
    if '"' in field:
        return '"' + field.replace('"', '""') + '"'
    if "," in field or "\n" in field or "\r" in field:
        return '"' + field + '"'
    return field


def _request_lines(world: World) -> Iterator[str]:
    """Request rows as CSV text, time-ordered; hand-rolled because csv.writer is the bottleneck here."""
    uas: dict[str, str] = {}
    yield ",".join(REQUESTS) + "\n"
    batch: list[str] = []
    for ts, aid, prompt, ip, model, tin, tout, ua in world.requests:
        u = uas.get(ua)
        if u is None:
            u = uas[ua] = _quote(ua)
        batch.append(f"{aid},{iso(ts)},{_quote(prompt)},{ip},{model},{tin},{tout},{u}\n")
        if len(batch) == 20_000:
            yield "".join(batch)
            batch = []
    yield "".join(batch)


def _gzip_text(path: pathlib.Path, chunks: Iterable[str]) -> None:
    """gzip ``chunks`` into ``path`` (no name, mtime 0) with compression in a second thread."""
    pending: queue.Queue[bytes | None] = queue.Queue(maxsize=8)
    errors: list[BaseException] = []

    def compress() -> None:
        try:
            with (
                path.open("wb") as raw,
                gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=3) as zf,
            ):
                while (chunk := pending.get()) is not None:
                    zf.write(chunk)
        except BaseException as exc:  # surfaced to the caller below
            errors.append(exc)
            while pending.get() is not None:
                pass

    worker = threading.Thread(target=compress, name="gzip-writer")
    worker.start()
    try:
        for text in chunks:
            pending.put(text.encode("utf-8"))
    finally:
        pending.put(None)
        worker.join()
    if errors:
        raise errors[0]


def write(world: World, out: pathlib.Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    accounts = sorted(world.accounts, key=itemgetter(1, 0))
    _csv(
        out / "accounts.csv",
        ACCOUNTS,
        ((a, iso(c), d, cc, p, o, ch, s) for a, c, d, cc, p, o, ch, s in accounts),
    )

    meta = world.net.meta
    links = []
    for (aid, ip), (first, last, n) in sorted(world.links.items()):
        asn, org, kind = meta[ip]
        links.append((aid, ip, iso(first), iso(last), n, asn, org, kind))
    _csv(out / "ip_links.csv", IP_LINKS, links)

    earliest: dict[tuple[str, str], tuple[str, str, str, int]] = {}
    for aid, tok, kind, bin_, country, used in world.payments:
        seen = earliest.get((aid, tok))
        if seen is None or used < seen[3]:
            earliest[(aid, tok)] = (kind, bin_, country, used)
    _csv(
        out / "payment_links.csv",
        PAYMENT_LINKS,
        ((a, t, k, b, c, iso(f)) for (a, t), (k, b, c, f) in sorted(earliest.items())),
    )

    world.requests.sort(key=itemgetter(0))
    _gzip_text(out / "requests.csv.gz", _request_lines(world))
    _csv(out / "labels.csv", LABELS, world.labels)
    truth = sorted((aid, t.campaign_id, t.actor, t.style) for aid, t in world.truth.items())
    _csv(out / "truth.csv", TRUTH, truth)
    conf = sorted({(aid, cohort) for cohort, members in world.cohorts.items() for aid in members})
    _csv(out / "confounders.csv", CONFOUNDERS, conf)

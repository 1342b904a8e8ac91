"""Cut a generated scenario in two by time: what a provider had yesterday, and what arrived since.

The last `share` of the request log by timestamp is the new part. Accounts whose first request falls in
it are new accounts: their `accounts`, `ip_links` and `payment_links` rows arrive with it. Everything
else (older accounts, accounts that never sent a request, labels) is in the earlier part. Loading the
earlier directory and then the later one gives the same graph as loading the whole scenario, which is
what an incremental run is compared against.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

ENTITY_FILES = ("accounts", "ip_links", "payment_links")


@dataclass(frozen=True)
class TimeSplit:
    earlier: Path
    later: Path
    cutoff: str  # ISO 8601: requests at or after it are in the later part
    new_accounts: frozenset[str]  # first request at or after the cutoff
    later_requests: int


def split_by_time(source: Path, out: Path, share: float = 0.1) -> TimeSplit:
    """Write `out/earlier` and `out/later` from the scenario in `source` (requests.parquet and CSVs)."""
    if not 0.0 < share < 1.0:
        raise ValueError(f"share must be between 0 and 1, got {share}")
    earlier, later = out / "earlier", out / "later"
    earlier.mkdir(parents=True, exist_ok=True)
    later.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    try:
        con.execute("SET TimeZone = 'UTC'")
        con.execute(
            "CREATE TABLE req AS SELECT *, ts::TIMESTAMPTZ AS ts_ FROM read_parquet(?)",
            [str(source / "requests.parquet")],
        )
        row = con.execute("SELECT quantile_disc(ts_, ?) FROM req", [1.0 - share]).fetchone()
        if row is None or row[0] is None:
            raise ValueError(f"{source / 'requests.parquet'}: no requests to split")
        cutoff = row[0]
        con.execute(
            "CREATE TABLE new_acc AS SELECT account_id FROM req GROUP BY account_id HAVING min(ts_) >= ?",
            [cutoff],
        )
        for part, where in ((earlier, "ts_ < ?"), (later, "ts_ >= ?")):
            con.execute(
                f"COPY (SELECT * EXCLUDE (ts_) FROM req WHERE {where} ORDER BY ts_) "  # noqa: S608 - fixed text
                f"TO '{part / 'requests.parquet'}' (FORMAT parquet)",
                [cutoff],
            )
        for name in ENTITY_FILES:
            src = source / f"{name}.csv"
            con.execute(
                "CREATE OR REPLACE TABLE f AS SELECT * FROM read_csv(?, all_varchar = true)", [str(src)]
            )
            for part, op in ((earlier, "NOT IN"), (later, "IN")):
                con.execute(
                    f"COPY (SELECT * FROM f WHERE account_id {op} (SELECT account_id FROM new_acc)) "  # noqa: S608
                    f"TO '{part / src.name}' (HEADER, DELIMITER ',')"
                )
        (earlier / "labels.csv").write_bytes((source / "labels.csv").read_bytes())
        new = frozenset(str(r[0]) for r in con.execute("SELECT account_id FROM new_acc").fetchall())
        count = con.execute("SELECT count(*) FROM req WHERE ts_ >= ?", [cutoff]).fetchone()
        return TimeSplit(earlier, later, cutoff.isoformat(), new, int(count[0]) if count else 0)
    finally:
        con.close()

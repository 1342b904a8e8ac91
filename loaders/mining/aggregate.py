"""The heavy part of mining, in DuckDB: parse and normalise the log once, then aggregate by SQL.

The request log never becomes Python objects: DuckDB reads the files, masks prompts (`skeleton_sql`),
spills to a database file under LINKWATCH_HOME/state/mining/ within `memory_limit`, and only the distinct
repeated skeletons (for MinHash) and the aggregates (for the graph) come back to Python. The finished
database is kept until the load completes, so a resumed load writes the very same batches.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from app.core.logging import get_logger
from loaders.discovery import DataFile, Kind
from loaders.ipinfo import try_canonical_ip
from loaders.mining.grouping import KnownTemplate, Skeleton, group
from loaders.mining.normalise import skeleton_select
from loaders.reading import MALFORMED, connect, source
from loaders.rejects import RejectWriter
from loaders.settings import LoadSettings

log = get_logger(__name__)

DATABASE = "mining.duckdb"
_BAD_TS = "not an ISO 8601 timestamp or epoch seconds"
_BAD_COUNT = "not a non-negative integer"
_MISSING = "missing required value"


@dataclass
class FileStats:
    name: str
    read: int
    rejected: int


@dataclass
class Mined:
    con: duckdb.DuckDBPyConnection
    work_dir: Path
    files: list[FileStats]
    templates: int
    new_registry: dict[str, tuple[str, str]]  # skeleton key -> (template id, skeleton)

    def close(self) -> None:
        self.con.close()

    @property
    def loaded(self) -> int:
        """Requests that passed validation, over all files of the unit."""
        return sum(f.read - f.rejected for f in self.files)

    @property
    def database(self) -> Path:
        """The DuckDB file holding the mined tables (readable by others once closed)."""
        return self.work_dir / DATABASE

    def count(self, table: str) -> int:
        # fetchall, not fetchone: DuckDB refuses new work while a result is only partly read.
        rows = self.con.execute(f"SELECT count(*) FROM {_TABLES[table][0]}").fetchall()  # noqa: S608
        return int(rows[0][0])

    def rows(
        self, table: str, chunk: int, partition: int = 0, partitions: int = 1
    ) -> Iterator[list[dict[str, Any]]]:
        """Rows of `table` in fixed-size chunks; with `partitions` > 1, only the rows of `partition`.

        Safe to call from several threads at once: each call reads through its own cursor.
        """
        name, order = _TABLES[table]
        where = ""
        if partitions > 1:
            key = _PARTITION_BY.get(table)
            if key is None:
                raise ValueError(f"{table} cannot be split between writers")
            # md5, not hash(): the split must not change with the DuckDB version between a kill and a resume.
            where = f"WHERE ('0x' || left(md5({key}), 8))::BIGINT % {int(partitions)} = {int(partition)}"
        # A fixed order makes batch boundaries, and so batch ids, identical on a resumed run.
        sql = f"SELECT * FROM {name} {where} ORDER BY {order}"  # noqa: S608
        cursor = self.con.cursor()
        try:
            reader = cursor.sql(sql).to_arrow_reader(chunk)
            for batch in reader:
                yield batch.to_pylist()
        finally:
            cursor.close()


# Output tables by name; only these identifiers ever reach SQL.
_TABLES = {
    "templates": ("m_templates", "template_id"),
    "ips": ("m_ips", "address"),
    "used_ip": ("m_used_ip", "account_id, address"),
    "sent": ("m_sent", "account_id, template_id"),
    "usage": ("m_usage", "account_id"),
    "models": ("m_models", "account_id, model"),
    "model_nodes": ("m_model_nodes", "model"),
}
# Tables that writers can split, by the column whose value decides the partition: a partition owns every
# row of its accounts (and IPs of its prefixes), so concurrent writers never MERGE the same node.
_PARTITION_BY = {
    "ips": "prefix",
    "usage": "account_id",
    "used_ip": "account_id",
    "sent": "account_id",
    "models": "account_id",
}


def _count_ok(text: str, number: str) -> str:
    return f"({text} IS NULL OR ({number} IS NOT NULL AND {number} >= 0 AND {number} = floor({number})))"


def _norm_select(index: int, src_sql: str) -> str:
    """Validated, normalised rows of one file. Each value is parsed once, in the inner projection, and the
    reject rules read those columns (as nested expressions they would parse each value several times)."""
    parsed = f"""
        SELECT *,
               CASE WHEN regexp_full_match(ts_text, '-?[0-9]+(\\.[0-9]+)?')
                    THEN CASE WHEN abs(try_cast(ts_text AS DOUBLE)) < 1e11
                              THEN to_timestamp(try_cast(ts_text AS DOUBLE)) END
                    ELSE try_cast(ts_text AS TIMESTAMPTZ) END AS ts_parsed,
               try_cast(tin_text AS DOUBLE) AS tin_num, try_cast(tout_text AS DOUBLE) AS tout_num
        FROM (SELECT *, nullif(trim(account_id), '') AS acc, nullif(trim(ts), '') AS ts_text,
                     nullif(trim(prompt), '') IS NOT NULL AS prompt_ok,
                     nullif(trim(input_tokens), '') AS tin_text, nullif(trim(output_tokens), '') AS tout_text
              FROM ({skeleton_select(src_sql, "prompt", "skel")}))
    """  # noqa: S608 - our own identifiers over the source's columns
    counts_ok = f"{_count_ok('tin_text', 'tin_num')} AND {_count_ok('tout_text', 'tout_num')}"
    checked = f"""
        SELECT *,
               CASE WHEN {MALFORMED} THEN 'row' WHEN acc IS NULL THEN 'account_id'
                    WHEN ts_text IS NULL OR ts_parsed IS NULL THEN 'ts' WHEN NOT prompt_ok THEN 'prompt'
                    WHEN NOT {_count_ok("tin_text", "tin_num")} THEN 'input_tokens'
                    WHEN NOT {_count_ok("tout_text", "tout_num")} THEN 'output_tokens' END AS reject_field,
               CASE WHEN {MALFORMED} THEN 'malformed JSON line' WHEN acc IS NULL THEN '{_MISSING}'
                    WHEN ts_text IS NULL THEN '{_MISSING}' WHEN ts_parsed IS NULL THEN '{_BAD_TS}'
                    WHEN NOT prompt_ok THEN '{_MISSING}'
                    WHEN NOT ({counts_ok}) THEN '{_BAD_COUNT}' END AS reject_reason
        FROM ({parsed})
    """  # noqa: S608
    return f"""
        SELECT {index} AS file_idx, line, acc AS account_id, ts_parsed AS ts, skel,
               nullif(trim(ip), '') AS ip_raw, nullif(trim(model), '') AS model,
               coalesce(tin_num, 0)::BIGINT AS input_tokens, coalesce(tout_num, 0)::BIGINT AS output_tokens,
               reject_field, reject_reason,
               CASE WHEN reject_reason IS NOT NULL THEN struct_pack(account_id := account_id, ts := ts,
                    prompt := left(prompt, 300), ip := ip, model := model,
                    input_tokens := input_tokens, output_tokens := output_tokens) END AS raw
        FROM ({checked})
    """  # noqa: S608


def _complete(con: duckdb.DuckDBPyConnection) -> bool:
    try:
        rows = con.execute("SELECT value FROM m_meta WHERE key = 'complete'").fetchall()
    except duckdb.CatalogException:
        return False
    return bool(rows and rows[0][0] == "true")


def open_or_mine(
    files: list[DataFile],
    work_dir: Path,
    settings: LoadSettings,
    known: list[KnownTemplate],
    registry: dict[str, tuple[str, str]],
    min_accounts: int,
    rejects: RejectWriter,
    stage: Callable[[str], None] | None = None,
) -> Mined:
    """`registry`: skeleton key -> (template id, skeleton) of skeletons grouped by earlier loads."""
    db = work_dir / DATABASE
    if db.exists():
        try:
            con = connect(
                settings.duckdb_memory_limit, settings.duckdb_threads, work_dir / "tmp", database=str(db)
            )
        except duckdb.Error:  # a file cut short by a kill mid-write: mine again
            log.warning("discarding unreadable mining state", work_dir=str(work_dir))
            shutil.rmtree(work_dir)
            return open_or_mine(files, work_dir, settings, known, registry, min_accounts, rejects, stage)
        if _complete(con):
            log.info("reusing mined tables from an interrupted load", work_dir=str(work_dir))
            stats = [
                FileStats(str(r[0]), int(r[1]), int(r[2]))
                for r in con.execute("SELECT name, read, rejected FROM m_files ORDER BY idx").fetchall()
            ]
            n = con.execute("SELECT count(*) FROM m_templates").fetchall()
            return Mined(con, work_dir, stats, int(n[0][0]), {})
        con.close()
        shutil.rmtree(work_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    con = connect(settings.duckdb_memory_limit, settings.duckdb_threads, work_dir / "tmp", database=str(db))
    return _mine(
        con, files, work_dir, settings, known, registry, min_accounts, rejects, stage or (lambda s: None)
    )


def _mine(
    con: duckdb.DuckDBPyConnection,
    files: list[DataFile],
    work_dir: Path,
    settings: LoadSettings,
    known: list[KnownTemplate],
    registry: dict[str, tuple[str, str]],
    min_accounts: int,
    rejects: RejectWriter,
    stage: Callable[[str], None],
) -> Mined:
    selects, params = [], []
    for i, df in enumerate(files):
        src = source(con, df, Kind.REQUESTS)
        if src.unknown_columns:
            log.warning("unknown columns ignored", file=df.name, columns=src.unknown_columns)
        selects.append(_norm_select(i, src.sql))
        params.extend(src.params)
    stage("normalising prompts")
    # The skeleton's hash is kept as a column: every later aggregation groups by it without re-reading
    # the skeleton text; only the distinct-skeleton pass reads the text.
    con.execute(
        "CREATE TABLE m_norm AS SELECT *, hash(skel) AS skel_hash FROM ("  # noqa: S608
        + " UNION ALL ".join(selects)
        + ")",
        params,
    )

    stage("checking IP addresses")
    raw_ips = con.execute(
        "SELECT DISTINCT ip_raw FROM m_norm WHERE ip_raw IS NOT NULL AND reject_reason IS NULL"
    ).fetchall()
    infos = {str(r[0]): try_canonical_ip(str(r[0])) for r in raw_ips}
    ipmap = pa.table(
        {
            "ip_raw": list(infos),
            "address": [i.address if i else None for i in infos.values()],
            "version": pa.array([i.version if i else None for i in infos.values()], pa.int64()),
            "prefix": [i.prefix if i else None for i in infos.values()],
        }
    )
    con.register("ipmap_arrow", ipmap)
    con.execute("CREATE TABLE m_ipmap AS SELECT * FROM ipmap_arrow")
    con.unregister("ipmap_arrow")
    con.execute(
        """CREATE VIEW m_good AS
           SELECT n.account_id, n.ts, n.skel, n.skel_hash, n.model, n.input_tokens,
                  n.output_tokens, m.address, epoch_ms(n.ts) // 3600000 AS hour
           FROM m_norm n LEFT JOIN m_ipmap m ON n.ip_raw = m.ip_raw
           WHERE n.reject_reason IS NULL AND (n.ip_raw IS NULL OR m.address IS NOT NULL)"""
    )

    stage("writing rejects")
    rejected = [0] * len(files)
    cur = con.execute(
        """SELECT n.file_idx, n.line, coalesce(n.reject_field, 'ip'),
                  coalesce(n.reject_reason, 'not a valid IPv4 or IPv6 address'),
                  coalesce(n.raw, struct_pack(account_id := n.account_id, ts := n.ts::VARCHAR,
                           prompt := NULL::VARCHAR, ip := n.ip_raw, model := n.model,
                           input_tokens := n.input_tokens::VARCHAR,
                           output_tokens := n.output_tokens::VARCHAR))
           FROM m_norm n LEFT JOIN m_ipmap m ON n.ip_raw = m.ip_raw
           WHERE n.reject_reason IS NOT NULL OR (n.ip_raw IS NOT NULL AND m.address IS NULL)
           ORDER BY n.file_idx, n.line"""
    )
    while chunk := cur.fetchmany(10_000):
        for file_idx, line, field, reason, raw in chunk:
            rejects.write(files[file_idx].name, int(line), field, reason, dict(raw))
            rejected[file_idx] += 1
    reads = dict(con.execute("SELECT file_idx, count(*) FROM m_norm GROUP BY file_idx").fetchall())
    stats = [FileStats(df.name, int(reads.get(i, 0)), rejected[i]) for i, df in enumerate(files)]

    stage("grouping templates")
    # Only skeletons sent by enough accounts, or remembered by the registry, are grouped; the others need
    # neither their text nor a distinct count. Against the usual threshold of two accounts, "more than
    # one" is a min / max comparison, several times cheaper than counting distinct accounts everywhere.
    accounts = (
        "count(DISTINCT account_id)"
        if min_accounts > 2
        else "CASE WHEN min(account_id) <> max(account_id) THEN 2 ELSE 1 END"
    )
    con.execute(
        f"CREATE TABLE m_skel AS SELECT skel_hash, count(*) AS requests, {accounts} AS accounts "  # noqa: S608
        "FROM m_good GROUP BY skel_hash"
    )
    reg = pa.table(
        {"skeleton": [v[1] for v in registry.values()], "template_id": [v[0] for v in registry.values()]}
    )
    con.register("reg_arrow", reg)
    # Registry entries meet the log by the same hash as the log's skeletons (computed in this run).
    con.execute(
        """CREATE TABLE m_cand AS
           SELECT s.skel_hash, s.requests, r.template_id
           FROM m_skel s LEFT JOIN (SELECT hash(skeleton) AS skel_hash, template_id FROM reg_arrow) r
                ON s.skel_hash = r.skel_hash
           WHERE s.accounts >= ? OR r.template_id IS NOT NULL""",
        [min_accounts],
    )
    con.unregister("reg_arrow")
    candidates = con.execute(
        """SELECT c.skel_hash, md5(t.skel), t.skel, c.requests, c.template_id
           FROM m_cand c
           JOIN (SELECT skel_hash, min(skel) AS skel FROM m_good
                 WHERE skel_hash IN (SELECT skel_hash FROM m_cand) GROUP BY skel_hash) t
                ON c.skel_hash = t.skel_hash"""
    ).fetchall()
    by_key = {str(c[1]): c for c in candidates}
    fresh = [Skeleton(str(c[1]), str(c[2]), int(c[3])) for c in candidates if c[4] is None]
    grouping = group(
        fresh, known, settings.near_dup_threshold, settings.minhash_perms, settings.shingle_words
    )
    assignment = {k: str(c[4]) for k, c in by_key.items() if c[4] is not None}
    assignment.update(grouping.assignment)
    known_text = {t.template_id: t.text for t in known}
    tids = sorted(set(assignment.values()))
    templates = pa.table(
        {
            "template_id": tids,
            "text": [
                grouping.new_templates[t].text if t in grouping.new_templates else known_text.get(t)
                for t in tids
            ],
            "capability": [
                grouping.new_templates[t].capability if t in grouping.new_templates else None for t in tids
            ],
        }
    )
    tmap = pa.table(
        {
            "skel_hash": pa.array([by_key[k][0] for k in assignment], pa.uint64()),
            "template_id": list(assignment.values()),
        }
    )
    con.register("templates_arrow", templates)
    con.register("tmap_arrow", tmap)
    con.execute("CREATE TABLE m_templates AS SELECT * FROM templates_arrow")
    con.execute("CREATE TABLE m_tmap AS SELECT * FROM tmap_arrow")
    con.unregister("templates_arrow")
    con.unregister("tmap_arrow")

    stage("aggregating usage")
    con.execute(
        """CREATE TABLE m_sent AS
           WITH h AS (
             SELECT g.account_id, t.template_id, g.hour, count(*) AS n, sum(g.input_tokens) AS i,
                    sum(g.output_tokens) AS o, min(g.ts) AS f, max(g.ts) AS l
             FROM m_good g JOIN m_tmap t ON g.skel_hash = t.skel_hash
             GROUP BY g.account_id, t.template_id, g.hour)
           SELECT account_id, template_id, list(hour ORDER BY hour) AS hours,
                  list(n ORDER BY hour) AS hour_counts, sum(n)::BIGINT AS requests,
                  sum(i)::BIGINT AS input_tokens, sum(o)::BIGINT AS output_tokens,
                  epoch_ms(min(f)) AS first_seen, epoch_ms(max(l)) AS last_seen
           FROM h GROUP BY account_id, template_id"""
    )
    con.execute(
        """CREATE TABLE m_usage AS
           SELECT account_id, count(*) AS requests, sum(input_tokens)::BIGINT AS input_tokens,
                  sum(output_tokens)::BIGINT AS output_tokens, epoch_ms(min(ts)) AS first_seen,
                  epoch_ms(max(ts)) AS last_seen
           FROM m_good GROUP BY account_id"""
    )
    con.execute(
        """CREATE TABLE m_models AS
           SELECT account_id, model, count(*) AS requests, epoch_ms(min(ts)) AS first_seen,
                  epoch_ms(max(ts)) AS last_seen
           FROM m_good WHERE model IS NOT NULL GROUP BY account_id, model"""
    )
    con.execute(
        """CREATE TABLE m_model_nodes AS
           SELECT model, min(first_seen) AS first_seen FROM m_models GROUP BY model"""
    )
    con.execute(
        """CREATE TABLE m_used_ip AS
           SELECT account_id, address, count(*) AS requests, epoch_ms(min(ts)) AS first_seen,
                  epoch_ms(max(ts)) AS last_seen
           FROM m_good WHERE address IS NOT NULL GROUP BY account_id, address"""
    )
    con.execute(
        """CREATE TABLE m_ips AS
           SELECT DISTINCT address, version, prefix FROM m_ipmap WHERE address IS NOT NULL"""
    )
    # The normalised log is no longer needed; the aggregates are what a resumed load replays.
    con.execute("DROP VIEW m_good")
    con.execute("DROP TABLE m_norm")
    con.execute("DROP TABLE m_skel")
    con.execute("DROP TABLE m_cand")
    con.execute("CREATE TABLE m_files (idx INTEGER, name VARCHAR, read BIGINT, rejected BIGINT)")
    con.executemany(
        "INSERT INTO m_files VALUES (?, ?, ?, ?)",
        [(i, s.name, s.read, s.rejected) for i, s in enumerate(stats)],
    )
    con.execute("CREATE TABLE m_meta (key VARCHAR, value VARCHAR)")
    con.execute("INSERT INTO m_meta VALUES ('complete', 'true')")
    con.execute("CHECKPOINT")
    new_registry = {k: (t, str(by_key[k][2])) for k, t in assignment.items()}
    log.info(
        "requests mined",
        requests=sum(s.read for s in stats),
        rejected=sum(s.rejected for s in stats),
        skeletons_grouped=len(fresh),
        templates=len(tids),
        new_templates=len(grouping.new_templates),
    )
    return Mined(con, work_dir, stats, len(tids), new_registry)

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

from app.domain.ip import try_canonical_ip
from app.platform.logging import get_logger
from loaders.discovery import DataFile, Kind
from loaders.mining import assignment
from loaders.mining.chunked import map_into
from loaders.mining.grouping import KnownTemplate, group_items
from loaders.mining.heads import map_heads
from loaders.mining.normalise import skeleton_select
from loaders.mining.registry import Registry
from loaders.reading import MALFORMED, connect, source
from loaders.rejects import RejectWriter
from loaders.settings import LoadSettings

log = get_logger(__name__)

DATABASE = "mining.duckdb"
_BAD_TS = "not an ISO 8601 timestamp or epoch seconds"
_BAD_COUNT = "not a non-negative integer"
_MISSING = "missing required value"
_IP_CHUNK = 65_536


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


def _map_ips(con: duckdb.DuckDBPyConnection) -> None:
    """`m_ipmap`: each distinct raw IP of the valid rows with its canonical address, version and prefix
    (all NULL when invalid), checked a chunk at a time."""

    def canonical(batch: pa.RecordBatch) -> pa.Table:
        raws = [str(r) for r in batch.column(0).to_pylist()]
        infos = [try_canonical_ip(r) for r in raws]
        return pa.table(
            {
                "ip_raw": raws,
                "address": [i.address if i else None for i in infos],
                "version": pa.array([i.version if i else None for i in infos], pa.int64()),
                "prefix": [i.prefix if i else None for i in infos],
            }
        )

    con.execute("CREATE TABLE m_ipmap (ip_raw VARCHAR, address VARCHAR, version BIGINT, prefix VARCHAR)")
    map_into(
        con,
        "SELECT DISTINCT ip_raw FROM m_norm WHERE ip_raw IS NOT NULL AND reject_reason IS NULL",
        "m_ipmap",
        canonical,
        _IP_CHUNK,
    )


def _group(
    con: duckdb.DuckDBPyConnection,
    settings: LoadSettings,
    known: list[KnownTemplate],
    registry: Registry | None,
    min_accounts: int,
) -> tuple[int, int]:
    """`m_tmap` (skeleton hash -> template id), `m_templates` and `m_registry` (the entries to remember);
    returns the number of templates and of skeletons grouped afresh.

    Only skeletons sent by enough accounts, or remembered by the registry, are grouped; the others need
    neither their text nor a distinct count. Against the usual threshold of two accounts, "more than
    one" is a min / max comparison, several times cheaper than counting distinct accounts everywhere.
    """
    canon = pa.table(
        {"template_id": [t.template_id for t in known], "text": [t.text for t in known]},
        schema=pa.schema([("template_id", pa.string()), ("text", pa.string())]),
    )
    con.register("canon_arrow", canon)
    try:
        con.execute("CREATE TABLE g_canon AS SELECT DISTINCT ON (template_id) * FROM canon_arrow")
    finally:
        con.unregister("canon_arrow")
    path = registry.readable() if registry is not None else None
    # Registry entries of templates still in the graph; they meet the log by the same hash as the log's
    # skeletons (computed in this run).
    con.execute("CREATE TABLE g_registry (skel_key VARCHAR, template_id VARCHAR, skeleton VARCHAR)")
    if path is not None:
        con.execute(
            """INSERT INTO g_registry SELECT skel_key, template_id, skeleton FROM read_parquet(?)
               WHERE template_id IN (SELECT template_id FROM g_canon)""",
            [str(path)],
        )
    accounts = (
        "count(DISTINCT account_id)"
        if min_accounts > 2
        else "CASE WHEN min(account_id) <> max(account_id) THEN 2 ELSE 1 END"
    )
    con.execute(
        f"CREATE TABLE m_skel AS SELECT skel_hash, count(*) AS requests, {accounts} AS accounts "  # noqa: S608
        "FROM m_good GROUP BY skel_hash"
    )
    con.execute(
        """CREATE TABLE m_cand AS
           SELECT s.skel_hash, s.requests, r.template_id
           FROM m_skel s LEFT JOIN (SELECT hash(skeleton) AS skel_hash, min(template_id) AS template_id
                                    FROM g_registry GROUP BY ALL) r
                ON s.skel_hash = r.skel_hash
           WHERE s.accounts >= ? OR r.template_id IS NOT NULL""",
        [min_accounts],
    )
    # Skeletons to group, in key order, then the known templates: canonical texts and remembered members.
    con.execute(
        """CREATE TABLE g_items AS
           SELECT (row_number() OVER (ORDER BY skel_key) - 1)::INTEGER AS row, skel_hash, skel_key,
                  text, requests, NULL::VARCHAR AS known_tid
           FROM (SELECT c.skel_hash, md5(t.skel) AS skel_key, t.skel AS text, c.requests
                 FROM m_cand c
                 JOIN (SELECT skel_hash, min(skel) AS skel FROM m_good
                       WHERE skel_hash IN (SELECT skel_hash FROM m_cand WHERE template_id IS NULL)
                       GROUP BY skel_hash) t ON c.skel_hash = t.skel_hash
                 WHERE c.template_id IS NULL)"""
    )
    nskels = int(con.execute("SELECT count(*) FROM g_items").fetchall()[0][0])
    if nskels:
        con.execute(
            """INSERT INTO g_items
               SELECT (? + row_number() OVER (ORDER BY template_id, text) - 1)::INTEGER, NULL, NULL, text,
                      NULL, template_id
               FROM (SELECT template_id, text FROM g_canon
                     UNION SELECT template_id, skeleton FROM g_registry)""",
            [nskels],
        )
        n = int(con.execute("SELECT count(*) FROM g_items").fetchall()[0][0])
        group_items(
            con, n, nskels, settings.near_dup_threshold, settings.minhash_perms, settings.shingle_words
        )
    else:
        con.execute(
            "CREATE TABLE g_assign (skel_hash UBIGINT, skel_key VARCHAR, text VARCHAR, template_id VARCHAR)"
        )
        con.execute("CREATE TABLE g_new (template_id VARCHAR, text VARCHAR, capability VARCHAR)")
    con.execute(
        """CREATE TABLE m_tmap AS
           SELECT skel_hash, template_id FROM g_assign
           UNION ALL SELECT skel_hash, template_id FROM m_cand WHERE template_id IS NOT NULL"""
    )
    # A known template keeps its canonical text and capability (templates are only ever created).
    con.execute(
        """CREATE TABLE m_templates AS
           SELECT t.template_id, coalesce(n.text, k.text) AS text, n.capability
           FROM (SELECT DISTINCT template_id FROM m_tmap) t
                LEFT JOIN g_new n ON t.template_id = n.template_id
                LEFT JOIN g_canon k ON t.template_id = k.template_id
           ORDER BY t.template_id"""
    )
    con.execute(
        """CREATE TABLE m_registry AS
           SELECT skel_key, template_id, text AS skeleton FROM g_assign ORDER BY skel_key"""
    )
    templates = int(con.execute("SELECT count(*) FROM m_templates").fetchall()[0][0])
    return templates, nskels


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
    registry: Registry | None,
    min_accounts: int,
    rejects: RejectWriter,
    stage: Callable[[str], None] | None = None,
) -> Mined:
    """`known`: the graph's templates with their canonical texts; `registry`: the skeletons earlier loads
    grouped. The mined database holds `m_registry`, the entries this load adds to the registry."""
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
            return Mined(con, work_dir, stats, int(n[0][0]))
        con.close()
        shutil.rmtree(work_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    con = connect(settings.duckdb_memory_limit, settings.duckdb_threads, work_dir / "tmp", database=str(db))
    # One checkpoint, once the mined tables are complete: the automatic ones (every 16 MB of log) rewrite
    # the half-built scratch tables over and over, a quarter of the mining time at 5M requests. A kill
    # before the end discards the file anyway.
    con.execute("SET checkpoint_threshold = '1TB'")
    return _mine(
        con, files, work_dir, settings, known, registry, min_accounts, rejects, stage or (lambda s: None)
    )


def _mine(
    con: duckdb.DuckDBPyConnection,
    files: list[DataFile],
    work_dir: Path,
    settings: LoadSettings,
    known: list[KnownTemplate],
    registry: Registry | None,
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
    _map_ips(con)
    stage("finding instruction heads")
    heads = map_heads(con, settings.head_words, settings.head_min_accounts)
    # A prompt mapped to its instruction head is, from here on, that head's skeleton.
    con.execute(
        """CREATE VIEW m_good AS
           SELECT n.account_id, n.ts, coalesce(h.head_skel, n.skel) AS skel,
                  coalesce(h.head_hash, n.skel_hash) AS skel_hash, n.model, n.input_tokens,
                  n.output_tokens, m.address, epoch_ms(n.ts) // 3600000 AS hour
           FROM m_norm n LEFT JOIN m_ipmap m ON n.ip_raw = m.ip_raw
                LEFT JOIN m_head h ON n.skel_hash = h.skel_hash
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
    templates, grouped = _group(con, settings, known, registry, min_accounts)

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
    for table in ("m_head", "m_skel", "m_cand", "g_registry", "g_canon", "g_items", "g_labels"):
        con.execute(f"DROP TABLE IF EXISTS {table}")
    assignment.drop_tables(con)
    con.execute("CREATE TABLE m_files (idx INTEGER, name VARCHAR, read BIGINT, rejected BIGINT)")
    con.executemany(
        "INSERT INTO m_files VALUES (?, ?, ?, ?)",
        [(i, s.name, s.read, s.rejected) for i, s in enumerate(stats)],
    )
    con.execute("CREATE TABLE m_meta (key VARCHAR, value VARCHAR)")
    con.execute("INSERT INTO m_meta VALUES ('complete', 'true')")
    con.execute("CHECKPOINT")
    log.info(
        "requests mined",
        requests=sum(s.read for s in stats),
        rejected=sum(s.rejected for s in stats),
        skeletons_grouped=grouped,
        instruction_heads=heads,
        templates=templates,
    )
    return Mined(con, work_dir, stats, templates)

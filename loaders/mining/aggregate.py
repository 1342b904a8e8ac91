"""The heavy part of mining, in DuckDB: parse and normalise the log once, then aggregate by SQL.

The request log never becomes Python objects: DuckDB reads the files, masks prompts (`skeleton_sql`),
spills to a database file under LINKWATCH_HOME/state/mining/ within `memory_limit`, and only the distinct
repeated skeletons (for MinHash) and the aggregates (for the graph) come back to Python. The finished
database is kept until the load completes, so a resumed load writes the very same batches.

The statements over the whole log (`loaders/mining/sql/`) run on a `MiningEngine`: this DuckDB database
itself, or Spark running their translation (`loaders/mining/spark/`); either way the mined tables end up
in this database and the rest of the load does not know which engine mined them.
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
from loaders.mining.engine import DuckDBEngine, MiningEngine, run
from loaders.mining.grouping import KnownTemplate, group_items
from loaders.mining.heads import map_heads
from loaders.mining.normalise import skeleton_select
from loaders.mining.registry import Registry
from loaders.mining.statements import statement
from loaders.reading import MALFORMED, connect
from loaders.records import COLUMNS
from loaders.rejects import RejectWriter
from loaders.settings import LoadSettings

log = get_logger(__name__)

DATABASE = "mining.duckdb"
_BAD_TS = "not an ISO 8601 timestamp or epoch seconds"
_BAD_COUNT = "not a non-negative integer"
_MISSING = "missing required value"
_IP_CHUNK = 65_536


EngineFactory = Callable[[duckdb.DuckDBPyConnection, Path], MiningEngine]


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


# The aggregates the writers read, each from its statement file (m_model_nodes reads m_models).
_AGGREGATES = (
    ("m_sent", "sent"),
    ("m_usage", "usage"),
    ("m_models", "models"),
    ("m_model_nodes", "model_nodes"),
    ("m_used_ip", "used_ip"),
)
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


# What a source gives: its line number, the kind's columns as text, and the malformed-line flag.
_SOURCE_COLUMNS = ("line", *COLUMNS[Kind.REQUESTS], MALFORMED)


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
              FROM ({skeleton_select(src_sql, "prompt", "skel", _SOURCE_COLUMNS)}))
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


def _map_ips(engine: MiningEngine, con: duckdb.DuckDBPyConnection) -> None:
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
    # On DuckDB a view: the distinct pass streams straight into the checks, as it always did.
    engine.view("m_rawips", statement("distinct_ips"))
    engine.to_local("m_rawips")
    map_into(con, "SELECT ip_raw FROM m_rawips", "m_ipmap", canonical, _IP_CHUNK)
    engine.drop("m_rawips")
    engine.to_engine("m_ipmap")


def _group(
    engine: MiningEngine,
    con: duckdb.DuckDBPyConnection,
    settings: LoadSettings,
    known: list[KnownTemplate],
    registry: Registry | None,
    min_accounts: int,
) -> tuple[int, int]:
    """`m_tmap` (skeleton hash -> template id, also on the engine), `m_templates` and `m_registry` (the
    entries to remember) in the local database; returns the number of templates and of skeletons grouped
    afresh.

    Only skeletons sent by enough accounts, or remembered by the registry, are grouped; the others need
    neither their text nor a distinct count. Counting runs on the engine over the log; the candidates
    (a small set: repeated skeletons) are grouped into near-duplicate templates in the local database.
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
    # skeletons (computed in this run, on the engine).
    con.execute("CREATE TABLE g_registry (skel_key VARCHAR, template_id VARCHAR, skeleton VARCHAR)")
    if path is not None:
        con.execute(
            """INSERT INTO g_registry SELECT skel_key, template_id, skeleton FROM read_parquet(?)
               WHERE template_id IN (SELECT template_id FROM g_canon)""",
            [str(path)],
        )
    engine.to_engine("g_registry")
    run(engine, "m_skel", "skel_counts_distinct" if min_accounts > 2 else "skel_counts")
    run(engine, "m_cand", "candidates", {"min_accounts": min_accounts})
    run(engine, "g_items", "items")
    engine.to_local("m_cand")
    engine.to_local("g_items")
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
    engine.to_engine("m_tmap")
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
    engine: EngineFactory | None = None,
) -> Mined:
    """`known`: the graph's templates with their canonical texts; `registry`: the skeletons earlier loads
    grouped. The mined database holds `m_registry`, the entries this load adds to the registry.
    `engine` opens where the statements over the log run (default: the local DuckDB database)."""
    db = work_dir / DATABASE
    if db.exists():
        try:
            con = connect(
                settings.duckdb_memory_limit, settings.duckdb_threads, work_dir / "tmp", database=str(db)
            )
        except duckdb.Error:  # a file cut short by a kill mid-write: mine again
            log.warning("discarding unreadable mining state", work_dir=str(work_dir))
            shutil.rmtree(work_dir)
            return open_or_mine(
                files, work_dir, settings, known, registry, min_accounts, rejects, stage, engine
            )
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
    opened = (engine or DuckDBEngine)(con, work_dir)
    try:
        return _mine(
            con,
            files,
            work_dir,
            settings,
            known,
            registry,
            min_accounts,
            rejects,
            stage or (lambda s: None),
            opened,
        )
    finally:
        opened.close()


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
    engine: MiningEngine,
) -> Mined:
    selects: list[str] = []
    params: list[Any] = []
    for i, df in enumerate(files):
        src = engine.source(i, df)
        if src.unknown_columns:
            log.warning("unknown columns ignored", file=df.name, columns=src.unknown_columns)
        selects.append(_norm_select(i, src.sql))
        params.extend(src.params)
    stage("normalising prompts")
    # The skeleton's hash is kept as a column: every later aggregation groups by it without re-reading
    # the skeleton text; only the distinct-skeleton pass reads the text.
    engine.create(
        "m_norm",
        "SELECT *, hash(skel) AS skel_hash FROM (" + " UNION ALL ".join(selects) + ")",  # noqa: S608
        params,
    )

    stage("checking IP addresses")
    _map_ips(engine, con)
    stage("finding instruction heads")
    heads = map_heads(engine, con, settings.head_words, settings.head_min_accounts)
    engine.view("m_good", statement("good"))

    stage("writing rejects")
    rejected = [0] * len(files)
    run(engine, "m_rejects", "rejects")
    engine.to_local("m_rejects")
    cur = con.execute("SELECT file_idx, line, field, reason, raw FROM m_rejects ORDER BY file_idx, line")
    while chunk := cur.fetchmany(10_000):
        for file_idx, line, field, reason, raw in chunk:
            rejects.write(files[file_idx].name, int(line), field, reason, dict(raw))
            rejected[file_idx] += 1
    run(engine, "m_reads", "file_reads")
    engine.to_local("m_reads")
    reads = dict(con.execute("SELECT file_idx, n FROM m_reads").fetchall())
    stats = [FileStats(df.name, int(reads.get(i, 0)), rejected[i]) for i, df in enumerate(files)]

    stage("grouping templates")
    templates, grouped = _group(engine, con, settings, known, registry, min_accounts)

    stage("aggregating usage")
    for table, name in _AGGREGATES:
        run(engine, table, name)
        engine.to_local(table)
    con.execute(
        """CREATE TABLE m_ips AS
           SELECT DISTINCT address, version, prefix FROM m_ipmap WHERE address IS NOT NULL"""
    )
    # The normalised log is no longer needed; the aggregates are what a resumed load replays.
    engine.drop("m_good")
    for table in ("m_norm", "m_head", "m_skel", "m_cand", "g_items", "m_rejects", "m_reads"):
        engine.drop(table)
    local_scratch = ("m_head_lengths", "m_rejects", "m_reads", "m_skel", "m_cand", "g_registry", "g_canon")
    for table in (*local_scratch, "g_items", "g_labels"):
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

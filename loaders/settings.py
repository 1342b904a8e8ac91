"""Loader tuning knobs (environment variables), separate from the service settings."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class LoadSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # Rows per write transaction. A file's batch size is pinned in the graph on its first load, so a resumed
    # load cuts the same batches even if this changes in between.
    batch_size: int = Field(default=5000, ge=1, alias="LINKWATCH_LOAD_BATCH_SIZE")
    # Concurrent write transactions for accounts / ip_links / payment_links and the mined request-log links
    # (pinned per file like the batch size; labels keep one). Neo4j runs a transaction on one thread: two
    # writers use both cores of a small server.
    writers: int = Field(default=2, ge=1, le=16, alias="LINKWATCH_LOAD_WRITERS")
    # DuckDB (request-log mining): bounded memory, spills to LINKWATCH_HOME/state/mining/.
    duckdb_memory_limit: str = Field(default="1GB", alias="LINKWATCH_DUCKDB_MEMORY")
    duckdb_threads: int = Field(default=2, ge=1, alias="LINKWATCH_DUCKDB_THREADS")
    # Near-duplicate templates: MinHash permutations and the Jaccard threshold over word shingles.
    minhash_perms: int = Field(default=64, ge=16, alias="LINKWATCH_MINHASH_PERMS")
    near_dup_threshold: float = Field(default=0.4, gt=0.0, le=1.0, alias="LINKWATCH_NEAR_DUP_THRESHOLD")
    shingle_words: int = Field(default=2, ge=1, alias="LINKWATCH_SHINGLE_WORDS")
    # Instruction heads (loaders/mining/heads.py): a prompt sent by one account only is mapped to the
    # longest of these word prefixes that at least `head_min_accounts` accounts share, so a fixed
    # instruction followed by a free payload still becomes one template.
    head_words: tuple[int, ...] = Field(default=(6, 12, 24, 48), alias="LINKWATCH_HEAD_WORDS")
    head_min_accounts: int = Field(default=3, ge=2, alias="LINKWATCH_HEAD_MIN_ACCOUNTS")
    # `linkwatch load --bulk`: JVM heap of Neo4j's offline importer (it also takes off-heap memory).
    bulk_import_heap: str = Field(default="2g", pattern=r"^\d+[kKmMgG]$", alias="LINKWATCH_BULK_IMPORT_HEAP")
    # Worker processes validating accounts / ip_links / payment_links in parallel (one kind each); 0 = one
    # per CPU, at most three. Inputs under 32 MiB are validated in-process whatever this says.
    bulk_workers: int = Field(default=0, ge=0, le=3, alias="LINKWATCH_BULK_WORKERS")
    # Where the request-log mining runs (`linkwatch load --engine`, docs/scaling.md): the in-process DuckDB
    # database, or Spark (`local[*]` unless a master is given) running the same statements.
    mining_engine: Literal["duckdb", "spark"] = Field(default="duckdb", alias="LINKWATCH_MINING_ENGINE")
    spark_master: str = Field(default="local[*]", alias="LINKWATCH_SPARK_MASTER")
    # Seconds to wait for a spark:// master to accept a connection before the load fails naming it.
    spark_connect_timeout: float = Field(default=10.0, gt=0, alias="LINKWATCH_SPARK_CONNECT_TIMEOUT")
    # Partitions of Spark's shuffles (adaptive execution merges small ones); about 2-3 per executor core.
    spark_shuffle_partitions: int = Field(default=16, ge=1, alias="LINKWATCH_SPARK_SHUFFLE_PARTITIONS")
    # Heap of the Spark driver (for local[N] also the executors'): set before its JVM starts.
    spark_driver_memory: str = Field(
        default="2g", pattern=r"^\d+[kKmMgG]$", alias="LINKWATCH_SPARK_DRIVER_MEMORY"
    )
    # Where tables cross between Spark and the local database (Parquet). On a cluster: a path the driver,
    # the executors and the loader all see. Default: the load's mining directory (right for local[N]).
    spark_exchange_dir: Path | None = Field(default=None, alias="LINKWATCH_SPARK_EXCHANGE_DIR")
    # How long to keep retrying a batch while Neo4j is unreachable (restarts, network blips).
    retry_seconds: float = Field(default=300.0, gt=0, alias="LINKWATCH_LOAD_RETRY_SECONDS")


@lru_cache(maxsize=1)
def get_load_settings() -> LoadSettings:
    return LoadSettings()

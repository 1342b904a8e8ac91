"""Request files as Spark DataFrames with the columns `loaders.reading.source` gives DuckDB.

`line` must name the same row as on DuckDB (rejects say file and line): the CSV header is line 1, JSONL
and Parquet start at 1, and blank lines are not rows (DuckDB's readers skip them). Parquet numbers its
rows itself (`_metadata.row_index`); for text, each partition's rows are numbered in place and shifted
by the counts of the partitions before it: one small count pass, no row goes through Python. A file's
splits are partitions in file order (same-size splits keep their order; gzip and multi-line CSV are one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from loaders.discovery import DataFile, Format, Kind
from loaders.reading import LINE_OFFSET, MALFORMED, Source
from loaders.records import COLUMNS

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame, SparkSession

_ROW_BITS = 33  # monotonically_increasing_id(): partition index << 33 | row within the partition
_KEY_SAMPLE = 1000  # JSONL columns are those of the first rows, as DuckDB's reader decides them


def register_source(spark: SparkSession, df: DataFile, view: str) -> Source:
    from pyspark.sql import functions as sf
    from pyspark.sql.types import MapType, StringType

    wanted = COLUMNS[Kind.REQUESTS]
    path = str(df.path)
    offset = LINE_OFFSET[df.format]
    if df.format is Format.JSONL:
        text = spark.read.text(path).where(sf.trim(sf.col("value")) != "")
        fields = sf.from_json(sf.col("value"), MapType(StringType(), StringType()))  # type: ignore[arg-type]
        parsed = text.select(
            sf.col("value"), fields.alias("f"), sf.get_json_object(sf.col("value"), "$").isNull().alias("bad")
        )
        sample = parsed.where(~sf.col("bad")).limit(_KEY_SAMPLE).select(sf.explode(sf.map_keys("f")))
        present = {str(r[0]) for r in sample.distinct().collect()}
        cols = [(sf.col("f")[c] if c in present else sf.lit(None).cast("string")).alias(c) for c in wanted]
        frame = _numbered(parsed, offset).select("line", *cols, sf.col("bad").alias(MALFORMED))
        unknown = sorted(present - set(wanted))
        missing = [c for c in wanted if c not in present]
    else:
        if df.format is Format.CSV:
            # Every value as text; a quoted field may hold line breaks (a prompt pasted with paragraphs).
            raw = spark.read.options(header=True, multiLine=True, escape='"', inferSchema=False).csv(path)
        else:
            raw = spark.read.parquet(path)
        actual = {c.strip().lower(): c for c in raw.columns}
        cols = [
            (sf.col(_quoted(actual[c])).cast("string") if c in actual else sf.lit(None).cast("string")).alias(
                c
            )
            for c in wanted
        ]
        if df.format is Format.PARQUET:
            line: Column = sf.col("_metadata.row_index") + 1 + offset
            frame = raw.select(line.alias("line"), *cols, sf.lit(False).alias(MALFORMED))
        else:
            frame = _numbered(raw.select(*cols), offset).select(
                "line", *wanted, sf.lit(False).alias(MALFORMED)
            )
        unknown = sorted(k for k in actual if k not in wanted)
        missing = [c for c in wanted if c not in actual]
    frame.createOrReplaceTempView(view)
    return Source(sql=f"SELECT * FROM {view}", params=[], unknown_columns=unknown, missing_columns=missing)  # noqa: S608


def _quoted(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def _numbered(frame: DataFrame, offset: int) -> DataFrame:
    """`frame` with `line`: its row's position in file order, from 1, plus `offset`."""
    from pyspark.sql import functions as sf

    with_id = frame.withColumn("_mid", sf.monotonically_increasing_id())
    part = sf.shiftright(sf.col("_mid"), _ROW_BITS)
    within = sf.col("_mid").bitwiseAND((1 << _ROW_BITS) - 1)
    if frame.rdd.getNumPartitions() == 1:
        return with_id.withColumn("line", within + 1 + offset).drop("_mid")
    counts = {int(r[0]): int(r[1]) for r in with_id.groupBy(part.alias("p")).count().collect()}
    # Rows before each partition, indexed by partition number (empty partitions included).
    bases, before = [], 0
    for p in range(max(counts, default=-1) + 1):
        bases.append(before)
        before += counts.get(p, 0)
    base = sf.element_at(sf.array(*[sf.lit(b) for b in bases]), (part + 1).cast("int"))
    return with_id.withColumn("line", within + base + 1 + offset).drop("_mid")

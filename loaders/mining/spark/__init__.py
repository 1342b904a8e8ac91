"""Request-log mining on Apache Spark: the DuckDB statements of `loaders/mining/sql/`, translated."""

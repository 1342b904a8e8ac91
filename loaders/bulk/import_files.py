"""Writes the importer's node and relationship CSV files from the staged rows, in DuckDB SQL.

Each SELECT folds the staged rows into the graph the transactional queries (`cypher/load/*.cypher`)
leave after applying the same rows in file order:

- a node property is the last non-null value given for it (`SET x = coalesce(row.x, x)`);
- `USED_IP` sums `requests` into `reported_requests` and `requests` (no request log yet), keeps the
  earliest `first_seen` and latest `last_seen`; `PAID_WITH` keeps the earliest `first_used`;
- an account links to its final e-mail domain and organisation, an IP to its final ASN (stale links are
  deleted by the transactional queries); the `EmailDomain`, `Org` and `ASN` nodes of earlier values stay,
  as they do there;
- accounts named only by link files are bare `Account` nodes (`MERGE` in `load/used_ip`, `load/paid_with`);
- the request log's mined tables (`loaders/mining/aggregate.py`, read from its DuckDB file) add what
  `loaders/mining/writes.py` writes: usage totals on accounts, templates with their totals, models, `SENT`
  with its hour buckets, `USED_MODEL`, log IPs, and on `USED_IP` `log_requests` with `requests` the larger of
  the two counts.

Datetimes go out as UTC ISO 8601 with microseconds (`:datetime`), counts as `:long`. Paths are our own
temporary files; no input value reaches the SQL text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from loaders.bulk.staging import SCHEMAS, TABLES, create_table
from loaders.discovery import Kind

# (name, header, SELECT giving the header's columns); `arg_max(x, seq) FILTER (WHERE x IS NOT NULL)` is
# the last value given in file order.
NODES: tuple[tuple[str, str, str], ...] = (
    (
        "Account",
        "account_id:ID(Account),created_at:datetime,email_domain,country,plan,org_id,signup_channel,status,"
        "requests:long,input_tokens:long,output_tokens:long,first_seen:datetime,last_seen:datetime",
        """
        WITH folded AS (
            SELECT account_id,
                   arg_max(created_at, seq) FILTER (WHERE created_at IS NOT NULL) AS created_at,
                   arg_max(email_domain, seq) FILTER (WHERE email_domain IS NOT NULL) AS email_domain,
                   arg_max(country, seq) FILTER (WHERE country IS NOT NULL) AS country,
                   arg_max(plan, seq) FILTER (WHERE plan IS NOT NULL) AS plan,
                   arg_max(org_id, seq) FILTER (WHERE org_id IS NOT NULL) AS org_id,
                   arg_max(signup_channel, seq) FILTER (WHERE signup_channel IS NOT NULL) AS signup_channel,
                   arg_max(status, seq) FILTER (WHERE status IS NOT NULL) AS status
            FROM acc GROUP BY account_id),
        ids AS (SELECT account_id FROM acc UNION SELECT account_id FROM ipl UNION SELECT account_id FROM pay
                UNION SELECT account_id FROM m_usage)
        SELECT ids.account_id, strftime(f.created_at, '%Y-%m-%dT%H:%M:%S.%fZ'), f.email_domain, f.country,
               f.plan, f.org_id, f.signup_channel, f.status, u.requests, u.input_tokens, u.output_tokens,
               strftime(epoch_ms(u.first_seen), '%Y-%m-%dT%H:%M:%S.%fZ'),
               strftime(epoch_ms(u.last_seen), '%Y-%m-%dT%H:%M:%S.%fZ')
        FROM ids LEFT JOIN folded f USING (account_id) LEFT JOIN m_usage u USING (account_id)
        """,
    ),
    (
        "EmailDomain",
        "domain:ID(EmailDomain)",
        "SELECT DISTINCT email_domain FROM acc WHERE email_domain IS NOT NULL",
    ),
    (
        "Org",
        "org_id:ID(Org)",
        "SELECT DISTINCT org_id FROM acc WHERE org_id IS NOT NULL",
    ),
    (
        "IP",
        "address:ID(IP),version:long,ip_type,asn:long",
        """
        WITH linked AS (
            SELECT address, any_value(version) AS version,
                   arg_max(ip_type, seq) FILTER (WHERE ip_type IS NOT NULL) AS ip_type,
                   arg_max(asn, seq) FILTER (WHERE asn IS NOT NULL) AS asn
            FROM ipl GROUP BY address)
        SELECT coalesce(l.address, g.address), coalesce(l.version, g.version), l.ip_type, l.asn
        FROM linked l FULL OUTER JOIN m_ips g ON l.address = g.address
        """,
    ),
    (
        "Prefix",
        "cidr:ID(Prefix),version:long",
        "SELECT prefix, any_value(version) FROM (SELECT prefix, version FROM ipl UNION ALL SELECT prefix, "
        "version FROM m_ips) GROUP BY prefix",
    ),
    (
        "ASN",
        "asn:ID(ASN){id-type:long},org",
        "SELECT asn, arg_max(asn_org, seq) FILTER (WHERE asn_org IS NOT NULL) FROM ipl WHERE asn IS "
        "NOT NULL GROUP BY asn",
    ),
    (
        "PaymentInstrument",
        "instrument_key:ID(PaymentInstrument),instrument_type,bin,issuer_country",
        "SELECT instrument_key, arg_max(instrument_type, seq) FILTER (WHERE instrument_type IS NOT "
        "NULL), arg_max(bin, seq) FILTER (WHERE bin IS NOT NULL), arg_max(issuer_country, seq) FILTER "
        "(WHERE issuer_country IS NOT NULL) FROM pay GROUP BY instrument_key",
    ),
    (
        "PromptTemplate",
        "template_id:ID(PromptTemplate),text,capability,requests:long,accounts:long",
        """
        SELECT t.template_id, t.text, t.capability, coalesce(s.requests, 0), coalesce(s.accounts, 0)
        FROM m_templates t
        LEFT JOIN (SELECT template_id, sum(requests) AS requests, count(*) AS accounts
                   FROM m_sent GROUP BY template_id) s USING (template_id)
        """,
    ),
    (
        "Model",
        "name:ID(Model),first_seen:datetime",
        "SELECT model, strftime(epoch_ms(first_seen), '%Y-%m-%dT%H:%M:%S.%fZ') FROM m_model_nodes",
    ),
    (
        "LoadBatch",
        "batch_id:ID(LoadBatch),unit,kind,rows:long,loaded_at:datetime",
        "SELECT batch_id, unit, kind, \"rows\", strftime(loaded_at, '%Y-%m-%dT%H:%M:%S.%fZ') FROM markers",
    ),
)
RELATIONSHIPS: tuple[tuple[str, str, str], ...] = (
    (
        "HAS_EMAIL_DOMAIN",
        ":START_ID(Account),:END_ID(EmailDomain)",
        "SELECT account_id, d FROM (SELECT account_id, arg_max(email_domain, seq) FILTER (WHERE "
        "email_domain IS NOT NULL) AS d FROM acc GROUP BY account_id) WHERE d IS NOT NULL",
    ),
    (
        "IN_ORG",
        ":START_ID(Account),:END_ID(Org)",
        "SELECT account_id, o FROM (SELECT account_id, arg_max(org_id, seq) FILTER (WHERE org_id IS "
        "NOT NULL) AS o FROM acc GROUP BY account_id) WHERE o IS NOT NULL",
    ),
    (
        "IN_PREFIX",
        ":START_ID(IP),:END_ID(Prefix)",
        "SELECT address, any_value(prefix) FROM (SELECT address, prefix FROM ipl UNION ALL SELECT address, "
        "prefix FROM m_ips) GROUP BY address",
    ),
    (
        "IN_ASN",
        ":START_ID(IP),:END_ID(ASN)",
        "SELECT address, a FROM (SELECT address, arg_max(asn, seq) FILTER (WHERE asn IS NOT NULL) AS "
        "a FROM ipl GROUP BY address) WHERE a IS NOT NULL",
    ),
    (
        "USED_IP",
        ":START_ID(Account),:END_ID(IP),reported_requests:long,log_requests:long,requests:long,"
        "first_seen:datetime,last_seen:datetime",
        # A side without the link has NULLs, which least / greatest skip.
        """
        WITH reported AS (
            SELECT account_id, address, sum(coalesce(requests, 0)) AS n, min(first_seen) AS f,
                   max(last_seen) AS l
            FROM ipl GROUP BY account_id, address),
        logged AS (
            SELECT account_id, address, requests AS n, epoch_ms(first_seen)::TIMESTAMPTZ AS f,
                   epoch_ms(last_seen)::TIMESTAMPTZ AS l
            FROM m_used_ip)
        SELECT coalesce(r.account_id, g.account_id), coalesce(r.address, g.address), r.n, g.n,
               greatest(r.n, g.n), strftime(least(r.f, g.f), '%Y-%m-%dT%H:%M:%S.%fZ'),
               strftime(greatest(r.l, g.l), '%Y-%m-%dT%H:%M:%S.%fZ')
        FROM reported r FULL OUTER JOIN logged g ON r.account_id = g.account_id AND r.address = g.address
        """,
    ),
    (
        "PAID_WITH",
        ":START_ID(Account),:END_ID(PaymentInstrument),first_used:datetime",
        "SELECT account_id, instrument_key, strftime(min(first_used), '%Y-%m-%dT%H:%M:%S.%fZ') FROM "
        "pay GROUP BY account_id, instrument_key",
    ),
    (
        "SENT",
        ":START_ID(Account),:END_ID(PromptTemplate),hours:long[],hour_counts:long[],requests:long,"
        "input_tokens:long,output_tokens:long,first_seen:datetime,last_seen:datetime",
        "SELECT account_id, template_id, array_to_string(hours, ';'), array_to_string(hour_counts, ';'), "
        "requests, input_tokens, output_tokens, strftime(epoch_ms(first_seen), '%Y-%m-%dT%H:%M:%S.%fZ'), "
        "strftime(epoch_ms(last_seen), '%Y-%m-%dT%H:%M:%S.%fZ') FROM m_sent",
    ),
    (
        "USED_MODEL",
        ":START_ID(Account),:END_ID(Model),requests:long,first_seen:datetime,last_seen:datetime",
        "SELECT account_id, model, requests, strftime(epoch_ms(first_seen), '%Y-%m-%dT%H:%M:%S.%fZ'), "
        "strftime(epoch_ms(last_seen), '%Y-%m-%dT%H:%M:%S.%fZ') FROM m_models",
    ),
)
# The mined tables the SQL above reads, as `loaders/mining/aggregate.py` creates them: empty when the
# directory has no request log.
MINED: dict[str, str] = {
    "m_usage": "account_id VARCHAR, requests BIGINT, input_tokens BIGINT, output_tokens BIGINT, "
    "first_seen BIGINT, last_seen BIGINT",
    "m_templates": "template_id VARCHAR, text VARCHAR, capability VARCHAR",
    "m_sent": "account_id VARCHAR, template_id VARCHAR, hours BIGINT[], hour_counts BIGINT[], "
    "requests BIGINT, input_tokens BIGINT, output_tokens BIGINT, first_seen BIGINT, last_seen BIGINT",
    "m_models": "account_id VARCHAR, model VARCHAR, requests BIGINT, first_seen BIGINT, last_seen BIGINT",
    "m_model_nodes": "model VARCHAR, first_seen BIGINT",
    "m_used_ip": "account_id VARCHAR, address VARCHAR, requests BIGINT, first_seen BIGINT, last_seen BIGINT",
    "m_ips": "address VARCHAR, version BIGINT, prefix VARCHAR",
}
# Free-text values of the mined tables, for the line-break check (ids of other tables come from these).
_MINED_TEXT = {"m_usage": ("account_id",), "m_templates": ("text",), "m_model_nodes": ("model",)}


@dataclass(frozen=True)
class Marker:
    """A `LoadBatch` node as `load/batch_mark` writes it; `<unit>:<kind>:done` marks a finished file."""

    unit: str
    kind: str
    rows: int

    @property
    def batch_id(self) -> str:
        return f"{self.unit}:{self.kind}:done"


@dataclass
class ImportFiles:
    """The importer's `--nodes` / `--relationships` arguments and whether values span lines."""

    nodes: list[str] = field(default_factory=list)
    relationships: list[str] = field(default_factory=list)
    multiline: bool = False

    def arguments(self) -> list[str]:
        args = [f"--nodes={n}" for n in self.nodes] + [f"--relationships={r}" for r in self.relationships]
        return [*args, f"--multiline-fields={'true' if self.multiline else 'false'}"]


def _sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def attach_staged(con: duckdb.DuckDBPyConnection, databases: dict[Kind, Path]) -> None:
    """Makes the workers' staged tables readable under their own names (empty for a kind without files)."""
    for kind in SCHEMAS:
        table = TABLES[kind]
        path = databases.get(kind)
        if path is None:
            create_table(con, kind)
            continue
        con.execute(f"ATTACH {_sql_path(path)} AS staged_{table} (READ_ONLY)")
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM staged_{table}.{table}")  # noqa: S608 - fixed names


def attach_mined(con: duckdb.DuckDBPyConnection, database: Path | None) -> None:
    """Makes the mined tables of the request log readable under their own names (empty without a log)."""
    if database is not None:
        con.execute(f"ATTACH {_sql_path(database)} AS mined (READ_ONLY)")
    for table, columns in MINED.items():
        if database is None:
            con.execute(f"CREATE TABLE {table} ({columns})")  # fixed names from this module
        else:
            con.execute(f"CREATE VIEW {table} AS SELECT * FROM mined.{table}")  # noqa: S608 - fixed names


def _has_line_breaks(con: duckdb.DuckDBPyConnection) -> bool:
    """A quoted CSV value with a line break needs the importer's slower multi-line mode; rarely needed."""
    text_columns = [
        (TABLES[kind], tuple(f.name for f in schema if f.type == pa.string()))
        for kind, schema in SCHEMAS.items()
    ] + list(_MINED_TEXT.items())
    checks = [
        f"SELECT 1 FROM {table} WHERE "  # noqa: S608 - fixed table and column names
        + " OR ".join(f"contains({c}, chr(10)) OR contains({c}, chr(13))" for c in columns)
        for table, columns in text_columns
    ]
    return any(con.execute(f"{sql} LIMIT 1").fetchone() is not None for sql in checks)


def write_import_files(con: duckdb.DuckDBPyConnection, markers: list[Marker], out: Path) -> ImportFiles:
    now = datetime.now(UTC)
    con.register(
        "markers",
        pa.table(
            {
                "batch_id": [m.batch_id for m in markers],
                "unit": [m.unit for m in markers],
                "kind": [m.kind for m in markers],
                "rows": pa.array([m.rows for m in markers], type=pa.int64()),
                "loaded_at": pa.array([now] * len(markers), type=pa.timestamp("us", tz="UTC")),
            }
        ),
    )
    files = ImportFiles(multiline=_has_line_breaks(con))
    out.mkdir(parents=True, exist_ok=True)
    for target, specs in ((files.nodes, NODES), (files.relationships, RELATIONSHIPS)):
        for name, header, sql in specs:
            head, body = out / f"{name}-header.csv", out / f"{name}.csv"
            head.write_text(header + "\n", encoding="utf-8")
            con.execute(f"COPY ({sql}) TO {_sql_path(body)} (FORMAT csv, HEADER false)")
            target.append(f"{name}={head},{body}")
    con.unregister("markers")
    return files

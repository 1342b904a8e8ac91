"""Rows the bulk load validates in SQL: a strict subset of what the row models accept, normalised there.

Python validation (the row models in `loaders/records.py`) is the costliest part of a bulk load, and
account and IP link files are mostly plain rows: printable ASCII ids and names without padding,
lower-case domains, dotted-quad addresses, ISO 8601 UTC timestamps, small integers. For such a row the
model's result is known in advance, so DuckDB computes it. Every other row (padded, non-ASCII, IPv6,
epoch seconds, anything invalid) goes through the row models exactly as before, so rejects still come
only from them. `tests/unit/loaders/test_plain_rows.py` holds the SQL's values equal to the models' on both
kinds of row. Payment links stay in Python: their keyed hash and the raw-card-number check are Python's.
"""

from __future__ import annotations

from app.domain.email_domain import DOMAIN_LABELS, DOMAIN_MAX_CHARS
from app.domain.ip import DOTTED_QUAD
from app.domain.vocabulary import IP_TYPES
from loaders.discovery import Kind
from loaders.reading import MALFORMED, Source

# Printable ASCII without leading or trailing spaces: Python's strip() leaves such a value as it is.
_PLAIN = "[!-~]([ -~]*[!-~])?"
# A calendar check follows (try_cast); hours, minutes and seconds are range-checked here because DuckDB
# reads 24:00:00 as the next day where Python refuses it.
_ISO = r"[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,6})?Z?"


def _blank(col: str) -> str:
    return f"({col} IS NULL OR {col} = '')"


def _matches(col: str, pattern: str) -> str:
    return f"coalesce(regexp_full_match({col}, '{pattern}'), false)"


def _timestamp_ok(col: str) -> str:
    parses = f"try_cast(replace({col}, 'Z', '') AS TIMESTAMP) IS NOT NULL"
    return f"({_blank(col)} OR ({_matches(col, _ISO)} AND {parses}))"


def _timestamp(col: str) -> str:
    # The session's time zone is UTC (loaders.reading.connect): a naive time is UTC, as in the models.
    return (
        f"CASE WHEN {_blank(col)} THEN NULL ELSE CAST(replace({col}, 'Z', '') AS TIMESTAMP)::TIMESTAMPTZ END"
    )


def _text(col: str) -> str:
    return f"CASE WHEN {_blank(col)} THEN NULL ELSE {col} END"


_IP_TYPE_LIST = ", ".join("'" + t + "'" for t in sorted(IP_TYPES))
_IP_LINK_OK = " AND ".join(
    [
        f"NOT {MALFORMED}",
        _matches("account_id", _PLAIN),
        _matches("ip", DOTTED_QUAD),
        _timestamp_ok("first_seen"),
        _timestamp_ok("last_seen"),
        f"({_blank('requests')} OR {_matches('requests', '[0-9]{1,15}')})",
        f"({_blank('asn')} OR {_matches('asn', '(AS)?[0-9]{1,9}')})",
        f"({_blank('asn_org')} OR {_matches('asn_org', _PLAIN)})",
        f"({_blank('ip_type')} OR lower(ip_type) IN ({_IP_TYPE_LIST}))",
    ]
)
# The staged columns of `loaders/bulk/staging.py` (SCHEMAS[IP_LINKS]) after `seq`.
_IP_LINK_VALUES = ", ".join(
    [
        "account_id",
        "ip AS address",
        "4::BIGINT AS version",
        r"regexp_replace(ip, '\.[0-9]+$', '.0/24') AS prefix",
        f"{_timestamp('first_seen')} AS first_seen",
        f"{_timestamp('last_seen')} AS last_seen",
        f"CASE WHEN {_blank('requests')} THEN NULL ELSE CAST(requests AS BIGINT) END AS requests",
        f"CASE WHEN {_blank('asn')} THEN NULL ELSE CAST(regexp_extract(asn, '[0-9]+') AS BIGINT) END AS asn",
        f"{_text('asn_org')} AS asn_org",
        f"CASE WHEN {_blank('ip_type')} THEN NULL ELSE lower(ip_type) END AS ip_type",
    ]
)
_DOMAIN_LENGTH = f"strlen(email_domain) <= {DOMAIN_MAX_CHARS}"
_ACCOUNT_TEXT = ("plan", "org_id", "signup_channel", "status")
_ACCOUNT_OK = " AND ".join(
    [
        f"NOT {MALFORMED}",
        _matches("account_id", _PLAIN),
        _timestamp_ok("created_at"),
        f"({_blank('email_domain')} OR ({_matches('email_domain', DOMAIN_LABELS)} AND {_DOMAIN_LENGTH}))",
        f"({_blank('country')} OR {_matches('country', '[A-Z]{2}')})",
        *(f"({_blank(c)} OR {_matches(c, _PLAIN)})" for c in _ACCOUNT_TEXT),
    ]
)
_ACCOUNT_VALUES = ", ".join(
    [
        "account_id",
        f"{_timestamp('created_at')} AS created_at",
        *(f"{_text(c)} AS {c}" for c in ("email_domain", "country", *_ACCOUNT_TEXT)),
    ]
)
PLAIN_SQL = {Kind.ACCOUNTS: (_ACCOUNT_OK, _ACCOUNT_VALUES), Kind.IP_LINKS: (_IP_LINK_OK, _IP_LINK_VALUES)}


def split(src: Source, kind: Kind, seq_base: int) -> tuple[Source, Source] | None:
    """(plain rows as staged columns, with `seq` = seq_base + line; every other row of `src`), or None
    for a kind without a plain form."""
    if kind not in PLAIN_SQL:
        return None
    ok, values = PLAIN_SQL[kind]
    plain = f"SELECT {int(seq_base)} + line AS seq, {values} FROM ({src.sql}) WHERE {ok}"  # noqa: S608
    rest = f"SELECT * FROM ({src.sql}) WHERE NOT ({ok})"  # noqa: S608
    return (
        Source(plain, src.params, src.unknown_columns, src.missing_columns),
        Source(rest, src.params, src.unknown_columns, src.missing_columns),
    )

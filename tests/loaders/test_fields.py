"""Field parsing: timestamps, card numbers, ASNs, IP canonicalisation and prefixes, file discovery."""

from __future__ import annotations

import ipaddress
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from loaders.discovery import Format, Kind, classify, discover
from loaders.fields import instrument_key, looks_like_card_number, parse_asn, parse_timestamp
from loaders.ipinfo import IpInfo, canonical_ip, try_canonical_ip
from loaders.reading import connect, iter_rows, source
from loaders.records import PaymentLinkRow, RowError, validate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-05-01T12:00:00+02:00", datetime(2026, 5, 1, 10, tzinfo=UTC)),
        ("2026-05-01T12:00:00Z", datetime(2026, 5, 1, 12, tzinfo=UTC)),
        ("2026-05-01T12:00:00", datetime(2026, 5, 1, 12, tzinfo=UTC)),  # no offset: UTC
        ("2026-05-01 12:00:00+00", datetime(2026, 5, 1, 12, tzinfo=UTC)),
        ("1777636800", datetime(2026, 5, 1, 12, tzinfo=UTC)),  # epoch seconds
        ("1777636800.5", datetime(2026, 5, 1, 12, 0, 0, 500000, tzinfo=UTC)),
    ],
)
def test_timestamps(text: str, expected: datetime) -> None:
    assert parse_timestamp(text) == expected


@pytest.mark.parametrize(
    ("value", "is_card"),
    [
        ("4539148803436467", True),
        ("4539 1488 0343 6467", True),
        ("4539-1488-0343-6467", True),
        ("4539148803436468", False),  # fails Luhn
        ("453914880343", False),  # 12 digits
        ("tok_4539148803436467", False),  # an opaque token may contain digits
        ("45391488034364670000", False),  # 20 digits
    ],
)
def test_card_numbers(value: str, is_card: bool) -> None:
    assert looks_like_card_number(value) is is_card


def test_card_number_is_rejected_without_echoing_it() -> None:
    with pytest.raises(RowError) as err:
        validate(PaymentLinkRow, {"account_id": "a", "instrument_id": "4539 1488 0343 6467"})
    assert err.value.field == "instrument_id"
    assert "4539" not in str(err.value)


def test_instrument_key_is_keyed_hmac() -> None:
    a = instrument_key("tok_1", b"k1")
    assert len(a) == 64
    assert a == instrument_key(" tok_1 ", b"k1")
    assert a != instrument_key("tok_1", b"k2")


def test_asn() -> None:
    assert parse_asn("AS64500") == 64500 == parse_asn("as 64500") == parse_asn("64500")
    with pytest.raises(ValueError, match="AS number"):
        parse_asn("64500x")


@pytest.mark.parametrize(
    ("raw", "address", "version", "prefix"),
    [
        ("203.0.113.77", "203.0.113.77", 4, "203.0.113.0/24"),
        (" 10.1.2.3 ", "10.1.2.3", 4, "10.1.2.0/24"),
        ("2001:DB8:0:0::1", "2001:db8::1", 6, "2001:db8::/48"),
        ("2001:db8:abcd:12::9", "2001:db8:abcd:12::9", 6, "2001:db8:abcd::/48"),
        ("::ffff:198.51.100.7", "198.51.100.7", 4, "198.51.100.0/24"),  # v4-mapped: the v4 host
    ],
)
def test_ip_canonical_and_prefix(raw: str, address: str, version: int, prefix: str) -> None:
    info = canonical_ip(raw)
    assert (info.address, info.version, info.prefix) == (address, version, prefix)


@pytest.mark.parametrize("raw", ["999.1.1.1", "1.2.3", "10.0.0.0/24", "example.com", "", "2001:db8::g"])
def test_invalid_ips(raw: str) -> None:
    assert try_canonical_ip(raw) is None


def test_discovery_by_kind_prefix_and_format(tmp_path: Path) -> None:
    names = [
        "accounts.csv", "accounts_extra.csv.gz", "ip_links-2026.jsonl", "payment_links.jsonl.gz",
        "requests-2026-05.parquet", "requests-2026-06.csv", "labels.csv",
        "truth.csv", "prompt_truth.csv", "ipx.csv", "requests.txt", "notes.md",
    ]  # fmt: skip
    for n in names:
        (tmp_path / n).write_text("x")
    found = discover(tmp_path)
    assert [f.name for f in found[Kind.ACCOUNTS]] == ["accounts.csv", "accounts_extra.csv.gz"]
    assert [f.name for f in found[Kind.REQUESTS]] == ["requests-2026-05.parquet", "requests-2026-06.csv"]
    assert [f.name for f in found[Kind.IP_LINKS]] == ["ip_links-2026.jsonl"]
    gz = classify(tmp_path / "payment_links.jsonl.gz")
    assert gz is not None
    assert gz.format is Format.JSONL
    assert gz.gzipped
    assert sum(len(v) for v in found.values()) == 7


@given(
    st.one_of(
        st.ip_addresses().map(str),
        st.tuples(*[st.integers(0, 300)] * 4).map(lambda t: ".".join(map(str, t))),
        st.tuples(
            *[st.sampled_from(["0", "00", "01", "1", "10", "255", "256", "099", "+1", " 1", "1a"])] * 4
        ).map(".".join),
        st.text(alphabet="0123456789.:abcdef%\u0661 ", max_size=20),
    )
)
def test_fast_ipv4_path_matches_the_ipaddress_module(text: str) -> None:
    """The dotted-quad shortcut accepts, rejects and canonicalises exactly as `ipaddress` does."""
    try:
        addr = ipaddress.ip_address(text.strip())
    except ValueError:
        expected = None
    else:
        if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
            addr = addr.ipv4_mapped
        net = ipaddress.ip_network(f"{addr}/{24 if addr.version == 4 else 48}", strict=False)
        expected = IpInfo(str(addr), addr.version, str(net))
    assert try_canonical_ip(text) == expected


@pytest.mark.parametrize("extra_column", [None, "file_row_number"])
def test_parquet_line_numbers_follow_file_order(tmp_path: Path, extra_column: str | None) -> None:
    """Line numbers of a Parquet file with many row groups, scanned in parallel, are the rows' positions
    (a file with its own `file_row_number` column is numbered the slow way, not confused by it)."""
    n = 50_000
    columns: dict[str, list[object]] = {"account_id": [f"a{i}" for i in range(n)], "ts": ["x"] * n}
    if extra_column:
        columns[extra_column] = [-1] * n
    path = tmp_path / "requests.parquet"
    pq.write_table(pa.table(columns), path, row_group_size=1_000)
    df = classify(path)
    assert df is not None
    con = connect("256MB", 2)
    rows = [r for chunk in iter_rows(con, source(con, df, Kind.REQUESTS), 7_000) for r in chunk]
    assert [r["line"] for r in rows] == list(range(1, n + 1))
    assert all(r["account_id"] == f"a{r['line'] - 1}" for r in rows)

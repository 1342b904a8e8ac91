"""AS numbers: `13335`, `AS13335` and their padded or lower-case spellings are one ASN."""

from __future__ import annotations

import pytest

from app.domain.asn import ASN_MAX, parse_asn


@pytest.mark.parametrize(
    ("raw", "asn"),
    [
        ("13335", 13335),
        ("AS13335", 13335),
        ("as13335", 13335),
        ("As13335", 13335),
        ("AS 13335", 13335),
        (" AS13335 ", 13335),
        ("013335", 13335),
        ("0", 0),
        (str(ASN_MAX), ASN_MAX),
        (f"AS{ASN_MAX}", ASN_MAX),
    ],
)
def test_accepted_forms(raw: str, asn: int) -> None:
    assert parse_asn(raw) == asn


@pytest.mark.parametrize(
    "raw",
    ["", "AS", "ASN13335", "AS-13335", "-1", "13335x", "1.5", "13 335", "AS13335AS", "x13335", "²", "AS²"],
)
def test_refused_forms(raw: str) -> None:
    with pytest.raises(ValueError, match="not an AS number"):
        parse_asn(raw)


@pytest.mark.parametrize("raw", [str(ASN_MAX + 1), "AS9999999999"])
def test_out_of_range(raw: str) -> None:
    with pytest.raises(ValueError, match="out of range"):
        parse_asn(raw)

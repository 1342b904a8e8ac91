"""IP canonical form and prefix: one text per address, whatever form it arrives in."""

from __future__ import annotations

import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.ip import INVALID_IP_REASON, IpInfo, canonical_ip, try_canonical_ip


@pytest.mark.parametrize(
    ("raw", "address", "version", "prefix"),
    [
        ("203.0.113.77", "203.0.113.77", 4, "203.0.113.0/24"),
        (" 10.1.2.3 ", "10.1.2.3", 4, "10.1.2.0/24"),
        ("\t192.0.2.1\n", "192.0.2.1", 4, "192.0.2.0/24"),
        ("2001:DB8:0:0::1", "2001:db8::1", 6, "2001:db8::/48"),
        ("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1", 6, "2001:db8::/48"),
        ("2001:db8:abcd:12::9", "2001:db8:abcd:12::9", 6, "2001:db8:abcd::/48"),
        ("2001:db8:abcd:ffff:ffff:ffff:ffff:ffff", "2001:db8:abcd:ffff:ffff:ffff:ffff:ffff", 6,
         "2001:db8:abcd::/48"),
        ("::1", "::1", 6, "::/48"),
        # IPv4-mapped v6, in every spelling, is the v4 host in dotted form.
        ("::ffff:192.0.2.1", "192.0.2.1", 4, "192.0.2.0/24"),
        ("::FFFF:192.0.2.1", "192.0.2.1", 4, "192.0.2.0/24"),
        ("::ffff:c000:201", "192.0.2.1", 4, "192.0.2.0/24"),
        ("0:0:0:0:0:ffff:c000:0201", "192.0.2.1", 4, "192.0.2.0/24"),
        (" ::ffff:198.51.100.7 ", "198.51.100.7", 4, "198.51.100.0/24"),
        # v4-compatible (deprecated) and NAT64 addresses are genuine v6 addresses: left alone.
        ("::192.0.2.1", "::c000:201", 6, "::/48"),
        ("64:ff9b::192.0.2.1", "64:ff9b::c000:201", 6, "64:ff9b::/48"),
    ],
)  # fmt: skip
def test_canonical_form_and_prefix(raw: str, address: str, version: int, prefix: str) -> None:
    assert canonical_ip(raw) == IpInfo(address, version, prefix)


@pytest.mark.parametrize(
    "raw",
    ["999.1.1.1", "1.2.3", "01.2.3.4", "10.0.0.0/24", "example.com", "", "   ", "2001:db8::g", "1.2.3.4.5",
     "::ffff:999.0.2.1", "192.0.2.1:443"],
)  # fmt: skip
def test_invalid(raw: str) -> None:
    assert try_canonical_ip(raw) is None
    with pytest.raises(ValueError, match=INVALID_IP_REASON) as err:
        canonical_ip(raw)
    if raw.strip():
        assert raw.strip() not in str(err.value)


def test_canonical_form_is_a_fixed_point() -> None:
    for raw in ("::FFFF:192.0.2.1", "2001:0DB8::0001", " 10.0.0.1"):
        once = canonical_ip(raw)
        assert canonical_ip(once.address) == once


@given(
    st.one_of(
        st.ip_addresses().map(str),
        st.ip_addresses(v=6).map(lambda a: a.exploded.upper()),
        st.ip_addresses(v=4).map(lambda a: f"::ffff:{a}"),
        st.tuples(*[st.integers(0, 300)] * 4).map(lambda t: ".".join(map(str, t))),
        st.tuples(
            *[st.sampled_from(["0", "00", "01", "1", "10", "255", "256", "099", "+1", " 1", "1a"])] * 4
        ).map(".".join),
        st.text(alphabet="0123456789.:abcdef%\u0661 ", max_size=20),
    )
)
def test_matches_the_ipaddress_module(text: str) -> None:
    """The dotted-quad shortcut and the integer masking give exactly what `ipaddress` would."""
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

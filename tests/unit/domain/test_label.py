"""The key a label's value names, per entity kind: the same rules as the entities themselves."""

from __future__ import annotations

import pytest

from app.domain.instrument import instrument_key
from app.domain.label import canonical_value, graph_key
from app.domain.vocabulary import LabelEntity

KEY = b"test-key"


@pytest.mark.parametrize(
    ("entity", "value", "expected"),
    [
        (LabelEntity.ACCOUNT, " acct001 ", "acct001"),
        (LabelEntity.IP, "::ffff:192.0.2.1", "192.0.2.1"),
        (LabelEntity.IP, "2001:0DB8::0001", "2001:db8::1"),
        (LabelEntity.ASN, "AS13335", 13335),
        (LabelEntity.ASN, " as 13335", 13335),
        (LabelEntity.EMAIL_DOMAIN, "@Mail.Example.COM", "mail.example.com"),
        (LabelEntity.TEMPLATE, " t_0123456789abcdef ", "t_0123456789abcdef"),
        (LabelEntity.INSTRUMENT, "  tok_1 ", instrument_key("tok_1", KEY)),
    ],
)
def test_graph_key(entity: LabelEntity, value: str, expected: str | int) -> None:
    assert graph_key(entity, value, KEY) == expected


@pytest.mark.parametrize(
    ("entity", "value", "reason"),
    [
        (LabelEntity.IP, "192.0.2.256", "not a valid IPv4 or IPv6 address"),
        (LabelEntity.ASN, "AS-1", "not an AS number"),
        (LabelEntity.ASN, "99999999999", "not an AS number"),
        (LabelEntity.EMAIL_DOMAIN, "mail example", "not a domain name"),
        (LabelEntity.INSTRUMENT, "4539 1488 0343 6467", "raw card number"),
    ],
)
def test_bad_values_are_refused_without_quoting_them(entity: LabelEntity, value: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason) as err:
        graph_key(entity, value, KEY)
    assert value not in str(err.value)


def test_an_instrument_stays_a_token_until_hashed() -> None:
    assert canonical_value(LabelEntity.INSTRUMENT, " tok_1 ") == "tok_1"

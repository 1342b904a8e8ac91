"""E-mail domains: lower case, no leading `@`, a valid host name."""

from __future__ import annotations

import pytest

from app.domain.email_domain import DOMAIN_MAX_CHARS, canonical_email_domain


@pytest.mark.parametrize(
    ("raw", "domain"),
    [
        ("example.com", "example.com"),
        ("Example.COM", "example.com"),
        ("MAIL.EXAMPLE.CO.UK", "mail.example.co.uk"),
        ("@example.com", "example.com"),
        (" @Example.com ", "example.com"),
        ("xn--bcher-kva.example", "xn--bcher-kva.example"),
        ("a-b.io", "a-b.io"),
    ],
)
def test_accepted(raw: str, domain: str) -> None:
    assert canonical_email_domain(raw) == domain
    assert canonical_email_domain(domain) == domain


@pytest.mark.parametrize(
    "raw",
    ["", "@", "example", "no such host", "user@example.com", "@@example.com", "-a.example.com",
     "a-.example.com", "a..example.com", "example.com.", "example.c", "bücher.example", "exa_mple.com",
     "a" * 64 + ".com"],
)  # fmt: skip
def test_refused(raw: str) -> None:
    with pytest.raises(ValueError, match="not a domain name") as err:
        canonical_email_domain(raw)
    assert raw.strip() == "" or raw.strip() not in str(err.value)


def _domain_of(length: int) -> str:
    head = ".".join(["a" * 63] * 3) + "."
    return head + "b" * (length - len(head) - 3) + ".io"


def test_length_limit() -> None:
    longest = _domain_of(DOMAIN_MAX_CHARS)
    assert len(longest) == DOMAIN_MAX_CHARS
    assert canonical_email_domain(longest.upper()) == longest
    with pytest.raises(ValueError, match="not a domain name"):
        canonical_email_domain(_domain_of(DOMAIN_MAX_CHARS + 1))

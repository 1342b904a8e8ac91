"""Instrument keys: a keyed hash of the normalised token; raw card numbers are never tokens."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from app.domain.instrument import (
    RAW_CARD_REASON,
    check_token,
    instrument_key,
    looks_like_card_number,
    normalise_token,
)

KEY = b"test-key"


def test_key_is_hmac_sha256_of_the_token() -> None:
    expected = hmac.new(KEY, b"tok_1", hashlib.sha256).hexdigest()
    assert instrument_key("tok_1", KEY) == expected
    assert len(expected) == 64


@pytest.mark.parametrize("padded", [" tok_1", "tok_1 ", "  tok_1  ", "\ttok_1\n", "\u00a0tok_1"])
def test_padding_never_changes_the_key(padded: str) -> None:
    assert normalise_token(padded) == "tok_1"
    assert instrument_key(padded, KEY) == instrument_key("tok_1", KEY)


@pytest.mark.parametrize(("a", "b"), [("tok_1", "TOK_1"), ("tok_1", "tok 1"), ("tok_1", "tok_1_")])
def test_different_tokens_stay_different(a: str, b: str) -> None:
    assert instrument_key(a, KEY) != instrument_key(b, KEY)


def test_the_key_matters() -> None:
    assert instrument_key("tok_1", b"k1") != instrument_key("tok_1", b"k2")


@pytest.mark.parametrize(
    ("value", "is_card"),
    [
        ("4539148803436467", True),
        ("4539 1488 0343 6467", True),
        ("4539-1488-0343-6467", True),
        (" 4539148803436467 ", True),
        ("4539148803436468", False),  # fails Luhn
        ("453914880343", False),  # 12 digits
        ("tok_4539148803436467", False),  # an opaque token may contain digits
        ("45391488034364670000", False),  # 20 digits
    ],
)
def test_card_numbers(value: str, is_card: bool) -> None:
    assert looks_like_card_number(value) is is_card


def test_check_token_refuses_a_card_number_without_quoting_it() -> None:
    assert check_token(" tok_9 ") == "tok_9"
    with pytest.raises(ValueError, match="raw card number") as err:
        check_token("4539 1488 0343 6467")
    assert str(err.value) == RAW_CARD_REASON
    assert "4539" not in str(err.value)

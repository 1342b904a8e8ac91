"""What the audit trail keeps of a request: no instrument token and no card number, whatever way it came."""

from __future__ import annotations

import pytest

from app.api.audit import REDACTED, redact, redact_text
from app.domain.instrument import CARD_REDACTED, redact_card_numbers

CARD = "4111111111111111"  # a Visa test number: passes Luhn
TOKEN = "tok_secret_abc"


@pytest.mark.parametrize(
    "text",
    [
        CARD,
        "4111 1111 1111 1111",
        "4111-1111-1111-1111",
        f"note: card {CARD}, thanks",
        f"1 {CARD}",  # one more digit in front must not hide it
        f"x{CARD}y",
        "9" * 200,  # a run too long to check window by window is hidden whole
    ],
)
def test_card_numbers_are_redacted_wherever_they_sit(text: str) -> None:
    out = redact_card_numbers(text)
    assert CARD_REDACTED in out
    digits = "".join(ch for ch in out if ch.isdigit())
    assert "4111111111111111" not in digits
    assert "1111111111111" not in digits


@pytest.mark.parametrize("text", ["C-00000001", "a001", "411111111111", "2024-06-01T10:00:00Z", "1234"])
def test_ordinary_values_are_kept(text: str) -> None:
    assert redact_card_numbers(text) == text


def test_card_number_in_any_argument_literal_or_variable() -> None:
    text, variables = redact(
        f'query Q($id: ID!, $n: Int) {{ account(id: $id) {{ id }} campaign(id: "{CARD}") {{ id }} }}',
        {"id": CARD, "n": int(CARD), "note": f"see {CARD}", CARD: "as a name"},
    )
    assert text is not None
    assert CARD not in text
    assert variables["id"] == CARD_REDACTED
    assert variables["n"] == CARD_REDACTED
    assert CARD not in str(variables)


def test_instrument_token_in_variable_default_is_redacted() -> None:
    text, _ = redact(f'query($t: String! = "{TOKEN}") {{ instrument(id: $t) {{ keyPrefix }} }}', {})
    assert text is not None
    assert TOKEN not in text
    assert REDACTED in text


def test_label_value_is_redacted_when_its_entity_comes_from_a_variable() -> None:
    text, _ = redact(
        f'mutation($e: LabelEntity!) {{ addLabel(input: {{entity: $e, value: "{TOKEN}", actorId: "x"}}) '
        "{ key } }",
        {"e": "INSTRUMENT"},
    )
    assert text is not None
    assert TOKEN not in text


def test_label_default_object_with_instrument_is_redacted() -> None:
    text, variables = redact(
        f'mutation($in: LabelInput = {{entity: INSTRUMENT, value: "{TOKEN}", actorId: "x"}}) '
        "{ addLabel(input: $in) { key } }",
        None,
    )
    assert text is not None
    assert TOKEN not in text
    assert variables == {}


def test_sensitive_variable_whose_name_looks_like_a_card_stays_hidden() -> None:
    name = f"x{CARD}"
    query = f"query(${name}: String!) {{ instrument(id: ${name}) {{ keyPrefix }} }}"
    text, variables = redact(query, {name: TOKEN})
    assert text is not None
    assert CARD not in text
    assert TOKEN not in str(variables)
    assert list(variables.values()) == [REDACTED]


def test_unparsable_document_keeps_only_variable_names() -> None:
    text, variables = redact(f'{{ instrument(id: "{TOKEN}" ', {"t": TOKEN, CARD: 1})
    assert text is None
    assert TOKEN not in str(variables)
    assert CARD not in str(variables)


def test_operation_name_is_scrubbed() -> None:
    assert redact_text(f"Lookup{CARD}") == f"Lookup{CARD_REDACTED}"
    assert redact_text(None) is None

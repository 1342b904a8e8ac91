"""The natural key of the entity a label names, from the value an input row or an analyst gives."""

from __future__ import annotations

from app.domain.asn import parse_asn
from app.domain.email_domain import canonical_email_domain
from app.domain.instrument import check_token, instrument_key
from app.domain.ip import canonical_ip
from app.domain.vocabulary import LabelEntity


def canonical_value(entity: LabelEntity, value: str) -> str:
    """The value in canonical text form, an instrument still as its (normalised) token.

    Raises ValueError with a reason that never quotes the value (it may be a card number). Templates are
    named by id here; the loader also accepts a prompt's text and resolves it itself.
    """
    if entity is LabelEntity.IP:
        return canonical_ip(value).address
    if entity is LabelEntity.ASN:
        return str(parse_asn(value))
    if entity is LabelEntity.EMAIL_DOMAIN:
        return canonical_email_domain(value)
    if entity is LabelEntity.INSTRUMENT:
        return check_token(value)
    return value.strip()


def graph_key(entity: LabelEntity, value: str, hash_key: bytes) -> str | int:
    """The key property of the entity's node: an instrument's keyed hash, an ASN's integer."""
    text = canonical_value(entity, value)
    if entity is LabelEntity.INSTRUMENT:
        return instrument_key(text, hash_key)
    if entity is LabelEntity.ASN:
        return int(text)
    return text

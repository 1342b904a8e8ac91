"""Row models per input kind (pydantic): raw text columns in, graph-ready values out.

Every input column arrives as text (or missing); empty strings mean "not given". Error messages never
quote the offending value, because a value may be a card number that must not reach any log or file.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator

from app.domain.actor import actor_id
from app.domain.asn import parse_asn
from app.domain.email_domain import canonical_email_domain
from app.domain.instrument import check_token
from app.domain.ip import IpInfo, canonical_ip
from app.domain.label import canonical_value
from app.domain.vocabulary import IP_TYPES, LabelEntity
from loaders.discovery import Kind
from loaders.fields import parse_timestamp


def _blank_to_none(v: Any) -> Any:
    if isinstance(v, str):
        v = v.strip()
        return v or None
    return v


def _timestamp(v: Any) -> Any:
    v = _blank_to_none(v)
    if v is None or isinstance(v, datetime):
        return v
    try:
        return parse_timestamp(str(v))
    except (ValueError, OverflowError, OSError):
        raise ValueError("not an ISO 8601 timestamp or epoch seconds") from None


def _count(v: Any) -> Any:
    v = _blank_to_none(v)
    if v is None:
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        raise ValueError("not a number") from None
    if f != int(f) or f < 0:
        raise ValueError("not a non-negative integer")
    return int(f)


def _asn(v: Any) -> Any:
    v = _blank_to_none(v)
    return None if v is None else parse_asn(str(v))


def _lower(v: Any) -> Any:
    v = _blank_to_none(v)
    return v.lower() if isinstance(v, str) else v


def _email_domain(v: Any) -> Any:
    v = _blank_to_none(v)
    return v if v is None else canonical_email_domain(str(v))


def _upper(v: Any) -> Any:
    v = _blank_to_none(v)
    return v.upper() if isinstance(v, str) else v


Text = Annotated[str | None, BeforeValidator(_blank_to_none)]
RequiredText = Annotated[str, BeforeValidator(_blank_to_none)]
Timestamp = Annotated[datetime | None, BeforeValidator(_timestamp)]
Count = Annotated[int | None, BeforeValidator(_count)]
Asn = Annotated[int | None, BeforeValidator(_asn)]


def _country(v: Any) -> Any:
    v = _upper(v)
    if v is not None and not re.fullmatch(r"[A-Z]{2}", str(v)):
        raise ValueError("not an ISO 3166 alpha-2 country code")
    return v


def _bin(v: Any) -> Any:
    v = _blank_to_none(v)
    if v is not None and not re.fullmatch(r"\d{6,8}", str(v)):
        raise ValueError("not a 6-8 digit BIN")
    return v


Country = Annotated[str | None, BeforeValidator(_country)]


class _Row(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class AccountRow(_Row):
    account_id: RequiredText
    created_at: Timestamp = None
    email_domain: Annotated[str | None, BeforeValidator(_email_domain)] = None
    country: Country = None
    plan: Text = None
    org_id: Text = None
    signup_channel: Text = None
    status: Text = None


class IpLinkRow(_Row):
    account_id: RequiredText
    ip: RequiredText
    first_seen: Timestamp = None
    last_seen: Timestamp = None
    requests: Count = None
    asn: Asn = None
    asn_org: Text = None
    ip_type: Annotated[str | None, BeforeValidator(_lower)] = None

    @field_validator("ip")
    @classmethod
    def _ip(cls, v: str) -> str:
        return canonical_ip(v).address

    @field_validator("ip_type")
    @classmethod
    def _ip_type(cls, v: str | None) -> str | None:
        if v is not None and v not in IP_TYPES:
            raise ValueError(f"ip_type must be one of {', '.join(sorted(IP_TYPES))}")
        return v

    def info(self) -> IpInfo:
        return canonical_ip(self.ip)


class PaymentLinkRow(_Row):
    account_id: RequiredText
    instrument_id: RequiredText
    instrument_type: Annotated[str | None, BeforeValidator(_lower)] = None
    bin: Annotated[str | None, BeforeValidator(_bin)] = None
    issuer_country: Country = None
    first_used: Timestamp = None

    @field_validator("instrument_id")
    @classmethod
    def _not_a_card(cls, v: str) -> str:
        return check_token(v)


class LabelRow(_Row):
    entity: Annotated[LabelEntity, BeforeValidator(_lower)]
    value: RequiredText
    actor: RequiredText
    confidence: Annotated[float, Field(ge=0.0, le=1.0)] = 1.0
    source: Text = None
    note: Text = None

    @field_validator("confidence", mode="before")
    @classmethod
    def _confidence(cls, v: Any) -> Any:
        v = _blank_to_none(v)
        return 1.0 if v is None else v

    @field_validator("value")
    @classmethod
    def _value(cls, v: str, info: Any) -> str:
        entity = info.data.get("entity")
        # A template label may name the prompt's text, which the loader resolves to an id later.
        if entity is None or entity is LabelEntity.TEMPLATE:
            return v
        return canonical_value(entity, v)

    @field_validator("actor")
    @classmethod
    def _actor(cls, v: str) -> str:
        actor_id(v)  # refuses a name the actor id cannot be made from
        return v


ROW_MODELS: dict[Kind, type[_Row]] = {
    Kind.ACCOUNTS: AccountRow,
    Kind.IP_LINKS: IpLinkRow,
    Kind.PAYMENT_LINKS: PaymentLinkRow,
    Kind.LABELS: LabelRow,
}

# Columns per kind (input format v1); `*` ones are required.
COLUMNS: dict[Kind, tuple[str, ...]] = {
    Kind.ACCOUNTS: tuple(AccountRow.model_fields),
    Kind.IP_LINKS: tuple(IpLinkRow.model_fields),
    Kind.PAYMENT_LINKS: tuple(PaymentLinkRow.model_fields),
    Kind.LABELS: tuple(LabelRow.model_fields),
    Kind.REQUESTS: (
        "account_id",
        "ts",
        "prompt",
        "ip",
        "model",
        "input_tokens",
        "output_tokens",
        "user_agent",
    ),
}
REQUIRED: dict[Kind, tuple[str, ...]] = {
    Kind.ACCOUNTS: ("account_id",),
    Kind.IP_LINKS: ("account_id", "ip"),
    Kind.PAYMENT_LINKS: ("account_id", "instrument_id"),
    Kind.LABELS: ("entity", "value", "actor"),
    Kind.REQUESTS: ("account_id", "ts", "prompt"),
}
# Never written anywhere outside the graph's keyed hash, not even into a reject file.
SENSITIVE_FIELDS = frozenset({"instrument_id"})


class RowError(Exception):
    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


def validate(model: type[_Row], raw: dict[str, str | None]) -> _Row:
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors(include_input=False, include_url=False)[0]
        field = ".".join(str(p) for p in err["loc"]) or "row"
        reason = "missing required value" if err["type"] in {"missing", "string_type"} else err["msg"]
        raise RowError(field, reason.removeprefix("Value error, ")) from None

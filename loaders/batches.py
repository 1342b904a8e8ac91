"""Turns validated rows of each kind into the write steps of one batch."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from typing import Any

from loaders.discovery import Kind
from loaders.fields import instrument_key
from loaders.graph import Step
from loaders.ipinfo import canonical_ip
from loaders.records import AccountRow, IpLinkRow, LabelRow, PaymentLinkRow

# template label value -> (template_id, masked text, capability)
TemplateResolver = Callable[[str], tuple[str, str, str]]
LABEL_CREATED_BY = "loader"


def actor_id(name: str) -> str:
    """The slug of an actor's name (data model); names with no ASCII letters get a stable hash."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.strip().lower()).strip("-")
    return slug or "actor-" + hashlib.sha256(name.strip().encode()).hexdigest()[:12]


def account_steps(rows: Sequence[AccountRow]) -> list[Step]:
    return [Step("load/accounts", {"rows": [r.model_dump() for r in rows]})]


def ip_link_steps(rows: Sequence[IpLinkRow]) -> list[Step]:
    ips: dict[str, dict[str, Any]] = {}
    links = []
    for r in rows:
        info = r.info()
        node = ips.setdefault(
            info.address,
            {"address": info.address, "version": info.version, "prefix": info.prefix, "asn": None},
        )
        # Within a batch the last given attribute wins, as it would across batches.
        for key in ("ip_type", "asn", "asn_org"):
            value = getattr(r, key)
            if value is not None or key not in node:
                node[key] = value if value is not None else node.get(key)
        links.append(
            {
                "account_id": r.account_id,
                "address": info.address,
                "requests": r.requests,
                "first_seen": r.first_seen,
                "last_seen": r.last_seen,
            }
        )
    return [Step("load/ips", {"rows": list(ips.values())}), Step("load/used_ip", {"rows": links})]


def payment_link_steps(rows: Sequence[PaymentLinkRow], key: bytes) -> list[Step]:
    out = []
    for r in rows:
        d = r.model_dump(exclude={"instrument_id"})
        d["instrument_key"] = instrument_key(r.instrument_id, key)
        out.append(d)
    return [Step("load/payment_links", {"rows": out})]


def label_steps(rows: Sequence[LabelRow], key: bytes, resolve_template: TemplateResolver) -> list[Step]:
    by_entity: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        d: dict[str, Any] = {
            "actor": r.actor.strip(),
            "actor_id": actor_id(r.actor),
            "confidence": r.confidence,
            "source": r.source,
            "note": r.note,
            "created_by": LABEL_CREATED_BY,
        }
        if r.entity == "instrument":
            d["value"] = instrument_key(r.value, key)
        elif r.entity == "asn":
            d["value"] = int(r.value)
        elif r.entity == "ip":
            info = canonical_ip(r.value)
            d.update(value=info.address, version=info.version, prefix=info.prefix)
        elif r.entity == "template":
            tid, text, capability = resolve_template(r.value)
            d.update(value=tid, text=text, capability=capability)
        else:
            d["value"] = r.value
        by_entity.setdefault(r.entity, []).append(d)
    return [Step(f"load/labels_{entity}", {"rows": rs}) for entity, rs in sorted(by_entity.items())]


def steps_for(
    kind: Kind, rows: Sequence[Any], key: bytes, resolve_template: TemplateResolver | None
) -> list[Step]:
    if kind is Kind.ACCOUNTS:
        return account_steps(rows)
    if kind is Kind.IP_LINKS:
        return ip_link_steps(rows)
    if kind is Kind.PAYMENT_LINKS:
        return payment_link_steps(rows, key)
    if kind is Kind.LABELS:
        if resolve_template is None:
            raise ValueError("labels need a template resolver")
        return label_steps(rows, key, resolve_template)
    raise ValueError(f"{kind} rows are mined, not loaded row by row")

"""Turns validated rows of each kind into the write steps of one batch."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any

from app.domain.actor import actor_id
from app.domain.instrument import instrument_key
from app.domain.ip import canonical_ip
from app.domain.label import graph_key
from app.domain.vocabulary import LabelEntity
from loaders.discovery import Kind
from loaders.graph import Step
from loaders.records import AccountRow, IpLinkRow, LabelRow, PaymentLinkRow

# template label value -> (template_id, masked text, capability)
TemplateResolver = Callable[[str], tuple[str, str, str]]
LABEL_CREATED_BY = "loader"


def iso(value: datetime | None) -> str | None:
    """Times travel as ISO 8601 text and become DATETIME in Cypher (`datetime(row.x)`): the driver's own
    temporal encoding costs tens of microseconds per value in Python, more than the rest of a row."""
    return None if value is None else value.isoformat()


def _fold(into: dict[str, Any], values: dict[str, Any]) -> None:
    """Later rows of a batch win for the values they give, as they would applied one after another."""
    for k, v in values.items():
        if v is not None or k not in into:
            into[k] = v


def _sorted(rows: Iterable[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    # Concurrent writers take locks on shared nodes (domains, ASNs, accounts of link files) in the same
    # order, which keeps deadlocks between them rare.
    return sorted(rows, key=lambda r: r[key])


def account_steps(rows: Sequence[AccountRow]) -> list[Step]:
    """Node phase, then link phases: each query does one thing per row, on unique-constraint lookups."""
    accounts: dict[str, dict[str, Any]] = {}
    for r in rows:
        row = r.model_dump()
        row["created_at"] = iso(r.created_at)
        _fold(accounts.setdefault(r.account_id, {}), row)
    folded = list(accounts.values())
    domains = [
        {"account_id": a["account_id"], "email_domain": a["email_domain"]}
        for a in folded
        if a["email_domain"] is not None
    ]
    orgs = [{"account_id": a["account_id"], "org_id": a["org_id"]} for a in folded if a["org_id"] is not None]
    return [
        Step("load/accounts", {"rows": folded}),
        Step("load/account_domains", {"rows": _sorted(domains, "email_domain")}),
        Step("load/account_orgs", {"rows": _sorted(orgs, "org_id")}),
    ]


def ip_link_steps(rows: Sequence[IpLinkRow]) -> list[Step]:
    ips: dict[str, dict[str, Any]] = {}
    asns: dict[int, str | None] = {}
    links = []
    for r in rows:
        info = r.info()
        _fold(
            ips.setdefault(info.address, {}),
            {
                "address": info.address,
                "version": info.version,
                "prefix": info.prefix,
                "ip_type": r.ip_type,
                "asn": r.asn,
            },
        )
        if r.asn is not None and (r.asn_org is not None or r.asn not in asns):
            asns[r.asn] = r.asn_org if r.asn_org is not None else asns.get(r.asn)
        links.append(
            {
                "account_id": r.account_id,
                "address": info.address,
                "requests": r.requests,
                "first_seen": iso(r.first_seen),
                "last_seen": iso(r.last_seen),
            }
        )
    nodes = list(ips.values())
    prefixes = {n["prefix"]: {"prefix": n["prefix"], "version": n["version"]} for n in nodes}
    return [
        Step("load/prefixes", {"rows": _sorted(prefixes.values(), "prefix")}),
        Step("load/asns", {"rows": [{"asn": a, "org": asns[a]} for a in sorted(asns)]}),
        Step("load/ip_nodes", {"rows": nodes}),
        Step("load/ip_asns", {"rows": _sorted((n for n in nodes if n["asn"] is not None), "asn")}),
        Step("load/used_ip", {"rows": _sorted(links, "account_id")}),
    ]


def payment_link_steps(rows: Sequence[PaymentLinkRow], key: bytes) -> list[Step]:
    instruments: dict[str, dict[str, Any]] = {}
    links = []
    for r in rows:
        ik = instrument_key(r.instrument_id, key)
        _fold(
            instruments.setdefault(ik, {}),
            {
                "instrument_key": ik,
                "instrument_type": r.instrument_type,
                "bin": r.bin,
                "issuer_country": r.issuer_country,
            },
        )
        links.append({"account_id": r.account_id, "instrument_key": ik, "first_used": iso(r.first_used)})
    return [
        Step("load/instruments", {"rows": list(instruments.values())}),
        Step("load/paid_with", {"rows": _sorted(links, "account_id")}),
    ]


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
        if r.entity is LabelEntity.TEMPLATE:
            tid, text, capability = resolve_template(r.value)
            d.update(value=tid, text=text, capability=capability)
        elif r.entity is LabelEntity.IP:
            info = canonical_ip(r.value)
            d.update(value=info.address, version=info.version, prefix=info.prefix)
        else:
            d["value"] = graph_key(r.entity, r.value, key)
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


def partition_of(kind: Kind, row: Any, partitions: int) -> int:
    """The writer a row goes to: rows that write the same node's properties always share a writer.

    Accounts by id, IP links by /24 or /48 prefix (an IP and its prefix node stay with one writer),
    payment links by instrument. CRC-32 rather than `hash()`, which differs between processes: a resumed
    load must cut the very same batches.
    """
    if partitions == 1:
        return 0
    if kind is Kind.ACCOUNTS:
        key = row.account_id
    elif kind is Kind.IP_LINKS:
        key = row.info().prefix
    elif kind is Kind.PAYMENT_LINKS:
        key = row.instrument_id
    else:
        return 0
    return zlib.crc32(str(key).encode("utf-8")) % partitions


# Labels append actor aliases in row order, so they keep a single writer.
PARTITIONED = frozenset({Kind.ACCOUNTS, Kind.IP_LINKS, Kind.PAYMENT_LINKS})

"""What scoring and evidence read about a candidate community's members, and how one query row becomes
one (`app.detection.graph.profiles` fetches the rows)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

DAY = 86400


@dataclass(frozen=True)
class IpUse:
    address: str
    ip_type: str
    requests: int
    degree: int
    prefixes: tuple[str, ...]
    asn: int | None


@dataclass(frozen=True)
class TemplateUse:
    template_id: str
    capability: str
    requests: int
    hours: tuple[int, ...]
    degree: int


@dataclass(frozen=True)
class ModelUse:
    model: str
    first_used: int | None
    requests: int


@dataclass(frozen=True)
class Profile:
    account_id: str
    created_at: int | None
    first_seen: int | None
    last_seen: int | None
    requests: int
    org_id: str | None
    plan: str | None
    email_domain: str | None
    ips: tuple[IpUse, ...] = ()
    instruments: tuple[tuple[str, int], ...] = ()  # (instrument_key, degree)
    instrument_types: tuple[str, ...] = ()  # the distinct declared types of its instruments, lower case
    templates: tuple[TemplateUse, ...] = ()
    models: tuple[ModelUse, ...] = ()
    domains: tuple[tuple[str, int], ...] = ()  # (domain, degree)
    output_tokens: int = 0  # over all its requests, templated or not
    actions: frozenset[tuple[str, int]] = field(
        default=frozenset()
    )  # (template_id, hour): SynchroTrap actions


def template_users(members: Iterable[Profile]) -> tuple[Counter[str], dict[str, int]]:
    """Per template: how many of `members` send it, and how many accounts send it platform-wide."""
    users: Counter[str] = Counter()
    degree: dict[str, int] = {}
    for p in members:
        for t in p.templates:
            users[t.template_id] += 1
            degree[t.template_id] = t.degree
    return users, degree


def first_use_ages(members: Iterable[Profile]) -> list[float]:
    """Days from each member's sign-up to its first request, sorted (members missing either are left out).
    How long accounts wait before use is set by whoever opened them: bulk registration, bought aged
    accounts, a firm's staff of many years."""
    return sorted(
        (p.first_seen - p.created_at) / DAY
        for p in members
        if p.created_at is not None and p.first_seen is not None
    )


def profile_of(r: Mapping[str, Any]) -> Profile:
    """A `Profile` from one row of `detection/member_profiles`, every collection in a fixed order."""
    templates = tuple(
        sorted(
            (
                TemplateUse(
                    str(t["template_id"]),
                    str(t["capability"]),
                    int(t["requests"]),
                    tuple(int(h) for h in t["hours"]),
                    int(t["degree"]),
                )
                for t in r["templates"]
            ),
            key=lambda t: t.template_id,
        )
    )
    return Profile(
        account_id=str(r["account_id"]),
        created_at=_int(r["created_at"]),
        first_seen=_int(r["first_seen"]),
        last_seen=_int(r["last_seen"]),
        requests=int(r["requests"] or 0),
        output_tokens=int(r["output_tokens"] or 0),
        org_id=r["org_id"],
        plan=r["plan"],
        email_domain=r["email_domain"],
        ips=tuple(
            sorted(
                (
                    IpUse(
                        str(i["address"]),
                        str(i["ip_type"]),
                        int(i["requests"]),
                        int(i["degree"]),
                        tuple(sorted(str(p) for p in i["prefixes"])),
                        _int(i["asn"]),
                    )
                    for i in r["ips"]
                ),
                key=lambda i: i.address,
            )
        ),
        instruments=tuple(sorted((str(i["key"]), int(i["degree"])) for i in r["instruments"])),
        instrument_types=tuple(
            sorted({str(i["type"]).strip().lower() for i in r["instruments"] if i.get("type")})
        ),
        templates=templates,
        models=tuple(
            sorted(
                (ModelUse(str(m["model"]), _int(m["first_used"]), int(m["requests"])) for m in r["models"]),
                key=lambda m: m.model,
            )
        ),
        domains=tuple(sorted((str(d["domain"]), int(d["degree"])) for d in r["domains"])),
        actions=frozenset((t.template_id, h) for t in templates for h in t.hours),
    )


def _int(v: object) -> int | None:
    return None if v is None else int(v)  # type: ignore[call-overload]

"""Bystanders: customers a campaign holds only through the residential lines its proxies exit from."""

from __future__ import annotations

from app.detection.algorithms.bystanders import bystanders
from app.detection.algorithms.params import DetectionParams
from app.detection.algorithms.profiles import IpUse, Profile, TemplateUse
from app.domain.instrument import is_disposable_type

PARAMS = DetectionParams()


def _account(
    name: str,
    *,
    templates: tuple[tuple[str, int], ...],
    ip: str,
    ip_type: str = "residential",
    card: str | None = None,
) -> Profile:
    return Profile(
        account_id=name,
        created_at=0,
        first_seen=0,
        last_seen=0,
        requests=sum(1 for _ in templates) * 10,
        org_id=None,
        plan=None,
        email_domain=None,
        ips=(IpUse(ip, ip_type, 10, 50, (), None),),
        instruments=((card, 2),) if card else (),
        templates=tuple(TemplateUse(t, "other", 10, (), deg) for t, deg in templates),
    )


def _hydra(core: int = 10, customers: int = 6) -> list[Profile]:
    # The campaign's own template (all its users are members), plus a popular one everyone sends.
    members = [
        _account(f"c{i}", templates=(("own", core), ("popular", 5000)), ip=f"home-{i % customers}")
        for i in range(core)
    ]
    members += [_account(f"u{i}", templates=(("popular", 5000),), ip=f"home-{i}") for i in range(customers)]
    return members


def test_customers_behind_the_proxy_lines_are_bystanders() -> None:
    assert bystanders(_hydra(), PARAMS) == {f"u{i}" for i in range(6)}


def test_a_member_sharing_a_card_or_a_hosting_address_is_never_a_bystander() -> None:
    members = _hydra()
    members.append(_account("card-holder", templates=(("popular", 5000),), ip="home-9", card="k1"))
    members.append(_account("card-holder-2", templates=(("popular", 5000),), ip="home-8", card="k1"))
    members.append(_account("vps", templates=(("popular", 5000),), ip="vps-1", ip_type="hosting"))
    members.append(_account("vps-2", templates=(("popular", 5000),), ip="vps-1", ip_type="hosting"))
    out = bystanders(members, PARAMS)
    assert not out & {"card-holder", "card-holder-2", "vps", "vps-2"}
    assert "u0" in out


def test_nothing_is_dropped_without_a_content_core() -> None:
    # Most members send none of the own template: the community's evidence is not content.
    assert bystanders(_hydra(core=2, customers=6), PARAMS) == set()
    # No own template at all (every template is popular).
    only_popular = [_account(f"u{i}", templates=(("popular", 5000),), ip=f"h{i}") for i in range(8)]
    assert bystanders(only_popular, PARAMS) == set()


def test_the_rule_can_be_switched_off_by_its_threshold() -> None:
    strict = PARAMS.model_copy(update={"bystander_core_share": 1.0})
    assert bystanders(_hydra(), strict) == set()


def test_disposable_instrument_types_whatever_their_spelling() -> None:
    for t in ("virtual_card", "Prepaid Card", "gift-card", "VIRTUAL"):
        assert is_disposable_type(t)
    for t in ("card", "credit_card", "debit_card", "sepa_debit", "wallet", "", None):
        assert not is_disposable_type(t)

"""Benign look-alike cohorts of held-back split five, one module each."""

from __future__ import annotations

from .._core import Style
from . import (
    agent_sdk_users,
    character_card_fans,
    contract_review_team,
    coworking_space,
    device_farm_testers,
    inflight_wifi,
    managed_chromebooks,
    nightly_batch_etl,
    olympiad_club,
    tax_preparers,
)

COHORTS: list[Style] = [
    m.STYLE
    for m in (
        coworking_space,
        inflight_wifi,
        managed_chromebooks,
        tax_preparers,
        agent_sdk_users,
        contract_review_team,
        device_farm_testers,
        character_card_fans,
        olympiad_club,
        nightly_batch_etl,
    )
]

"""Benign look-alike cohorts of the heldout7 split, one module each."""

from __future__ import annotations

from scenarios.heldout7.cohorts import (
    alt_text_nonprofit,
    cloud_vdi_staff,
    conference_wifi_demo,
    daily_cap_regulars,
    family_card_sharing,
    homework_step_checkers,
    legacy_migration_team,
    moderation_vendor,
    novel_autocomplete_plugin,
    relevance_judging_team,
    residence_hall_nat,
    writing_workshop,
)
from scenarios.heldout7.core import StyleSpec

ALL: dict[str, StyleSpec] = {
    m.SPEC.name: m.SPEC
    for m in (
        relevance_judging_team,
        moderation_vendor,
        legacy_migration_team,
        alt_text_nonprofit,
        residence_hall_nat,
        family_card_sharing,
        conference_wifi_demo,
        homework_step_checkers,
        daily_cap_regulars,
        writing_workshop,
        novel_autocomplete_plugin,
        cloud_vdi_staff,
    )
}

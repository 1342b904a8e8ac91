"""Benign look-alike cohorts: honest groups that share some campaign signals, one module each."""

from __future__ import annotations

from ..base import CohortStyle
from .alumni_forwarding import AlumniForwarding
from .analytics_sql_team import AnalyticsSqlTeam
from .framework_default_suffix import FrameworkDefaultSuffix
from .hotel_guest_wifi import HotelGuestWifi
from .labeling_startup import LabelingStartup
from .pharmacy_chain import PharmacyChain
from .pr_review_app import PrReviewApp
from .prompt_ab_team import PromptAbTeam
from .proof_seminar import ProofSeminar
from .psych_experiment_panel import PsychExperimentPanel
from .satellite_cgnat import SatelliteCgnat

STYLES: dict[str, CohortStyle] = {
    s.name: s
    for s in (
        LabelingStartup(),
        HotelGuestWifi(),
        ProofSeminar(),
        AnalyticsSqlTeam(),
        PrReviewApp(),
        FrameworkDefaultSuffix(),
        PharmacyChain(),
        AlumniForwarding(),
        SatelliteCgnat(),
        PromptAbTeam(),
        PsychExperimentPanel(),
    )
}

"""Benign cohort styles: tight legitimate clusters; one module per style, each exposing ``STYLE``."""

from __future__ import annotations

from . import corporate_card, eval_lab, hackathon, saas_integrator, university_class
from .base import CohortStyle

REGISTRY: dict[str, CohortStyle] = {
    m.STYLE.name: m.STYLE for m in (hackathon, university_class, corporate_card, saas_integrator, eval_lab)
}

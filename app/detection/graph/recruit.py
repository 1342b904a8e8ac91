"""Reading the accounts that send each found campaign's own templates; `algorithms.recruit` decides."""

from __future__ import annotations

from collections.abc import Sequence

from app.detection.algorithms.model import CandidateCampaign
from app.detection.algorithms.params import DetectionParams
from app.detection.algorithms.recruit import with_recruits
from app.platform.runner import Row, SyncRunner


def recruit(
    runner: SyncRunner,
    campaigns: Sequence[CandidateCampaign],
    templates: Sequence[Sequence[str]],
    params: DetectionParams,
) -> list[CandidateCampaign]:
    """`campaigns` with their recruits added; `templates[i]` are campaign i's own templates."""
    if not params.recruit:
        return list(campaigns)
    candidates: list[list[Row]] = [
        runner.run("detection/template_recruits", template_ids=list(tids)) if tids else []
        for tids in templates
    ]
    return with_recruits(campaigns, candidates, params)

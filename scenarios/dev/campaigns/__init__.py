"""Campaign styles: one module per style, each exposing ``STYLE`` (a :class:`~.base.CampaignStyle`)."""

from __future__ import annotations

from . import (
    dense_infra,
    fixed_head_payload,
    hydra_mixed,
    model_hopper,
    random_mixer,
    round_robin_shifts,
    slow_drip,
)
from .base import CampaignStyle

REGISTRY: dict[str, CampaignStyle] = {
    m.STYLE.name: m.STYLE
    for m in (
        dense_infra,
        fixed_head_payload,
        random_mixer,
        round_robin_shifts,
        model_hopper,
        hydra_mixed,
        slow_drip,
    )
}

"""Campaign styles of held-back split five, one module each."""

from __future__ import annotations

from .._core import Style
from . import (
    batch_dump,
    curriculum_stepper,
    diurnal_mimic,
    gig_worker_relay,
    insider_tenant,
    long_context_digest,
    persona_dialogue_forge,
    shell_startups,
    spoofed_mobile_client,
    tool_call_forge,
)

CAMPAIGNS: list[Style] = [
    m.STYLE
    for m in (
        shell_startups,
        spoofed_mobile_client,
        gig_worker_relay,
        insider_tenant,
        diurnal_mimic,
        long_context_digest,
        curriculum_stepper,
        batch_dump,
        persona_dialogue_forge,
        tool_call_forge,
    )
]

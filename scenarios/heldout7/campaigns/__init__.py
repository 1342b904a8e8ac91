"""Distillation campaign styles of the heldout7 split, one module each."""

from __future__ import annotations

from scenarios.heldout7.campaigns import (
    caption_harvest,
    code_translation_mill,
    continuation_sampler,
    critique_relay,
    invoice_consortium,
    moderation_verdicts,
    process_step_labels,
    quota_skimmer,
    rerank_listwise,
    sharded_corpus_walk,
)
from scenarios.heldout7.core import StyleSpec

ALL: dict[str, StyleSpec] = {
    m.SPEC.name: m.SPEC
    for m in (
        code_translation_mill,
        quota_skimmer,
        rerank_listwise,
        process_step_labels,
        moderation_verdicts,
        caption_harvest,
        sharded_corpus_walk,
        critique_relay,
        continuation_sampler,
        invoice_consortium,
    )
}

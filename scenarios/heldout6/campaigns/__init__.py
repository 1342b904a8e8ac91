"""Campaign styles: coordinated harvesting operations, one module each."""

from __future__ import annotations

from ..base import CampaignStyle
from .catchall_domains import CatchallDomains
from .cot_trace_miner import CotTraceMiner
from .diff_review_harvest import DiffReviewHarvest
from .instruction_ablation import InstructionAblation
from .isp_lease_blocks import IspLeaseBlocks
from .json_suffix_harvest import JsonSuffixHarvest
from .math_proof_harvest import MathProofHarvest
from .specialist_qa_mill import SpecialistQaMill
from .storefront_gateway import StorefrontGateway
from .text2sql_mill import Text2SqlMill
from .weak_label_farm import WeakLabelFarm

STYLES: dict[str, CampaignStyle] = {
    s.name: s
    for s in (
        CotTraceMiner(),
        WeakLabelFarm(),
        StorefrontGateway(),
        IspLeaseBlocks(),
        MathProofHarvest(),
        Text2SqlMill(),
        DiffReviewHarvest(),
        CatchallDomains(),
        InstructionAblation(),
        JsonSuffixHarvest(),
        SpecialistQaMill(),
    )
}

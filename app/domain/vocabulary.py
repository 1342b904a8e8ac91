"""Closed vocabularies: label entity kinds, campaign and attribution statuses, capabilities, IP types.

The values are what the graph stores; the Cypher files spell the same ones.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final


class LabelEntity(StrEnum):
    """What a label can point at (one Cypher file each for loading and for the API)."""

    ACCOUNT = "account"
    IP = "ip"
    INSTRUMENT = "instrument"
    ASN = "asn"
    EMAIL_DOMAIN = "email_domain"
    TEMPLATE = "template"


class CampaignStatus(StrEnum):
    """A campaign is a candidate until an analyst decides on it; detection keeps decisions across runs."""

    CANDIDATE = "candidate"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


DECIDED_CAMPAIGN_STATUSES: Final = frozenset({CampaignStatus.CONFIRMED, CampaignStatus.DISMISSED})


class AttributionStatus(StrEnum):
    """Of a campaign -> actor edge: detection proposes, analysts confirm or reject."""

    PROPOSED = "proposed"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class AttributionSource(StrEnum):
    AUTO = "auto"
    ANALYST = "analyst"


class DecisionKind(StrEnum):
    """What an analyst did to a campaign, as its case history records it (one `:Decision` node each)."""

    CONFIRM = "confirm"
    DISMISS = "dismiss"
    ATTRIBUTE = "attribute"
    REJECT_ATTRIBUTION = "reject_attribution"
    LABEL = "label"


DECISION_OF_STATUS: Final = {
    CampaignStatus.CONFIRMED: DecisionKind.CONFIRM,
    CampaignStatus.DISMISSED: DecisionKind.DISMISS,
}


class IpType(StrEnum):
    RESIDENTIAL = "residential"
    MOBILE = "mobile"
    HOSTING = "hosting"
    VPN = "vpn"
    PROXY = "proxy"
    EDUCATION = "education"
    CORPORATE = "corporate"
    UNKNOWN = "unknown"


IP_TYPES: Final = frozenset(IpType)

# Template capabilities. Plain text rather than an enum: mining tags millions of templates and hands the
# values to Arrow and DuckDB, which want `str` itself.
SOFTWARE_ENGINEERING: Final = "software_engineering"
AGENTIC_TOOL_USE: Final = "agentic_tool_use"
LONG_HORIZON: Final = "long_horizon"
REASONING_COT: Final = "reasoning_cot"
RUBRIC_GRADING: Final = "rubric_grading"
OTHER: Final = "other"
CAPABILITIES: Final = (
    SOFTWARE_ENGINEERING,
    AGENTIC_TOOL_USE,
    LONG_HORIZON,
    REASONING_COT,
    RUBRIC_GRADING,
    OTHER,
)

# A campaign's stored features hold each scored feature's contribution to the score (log-odds) under
# this prefix: detection writes them, the API pairs them with their features.
CONTRIBUTION = "contribution."

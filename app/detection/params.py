"""Every threshold and weight that shapes a detection run, in one validated model.

The whole model is stored with each run (`DetectionResult.params`), so a result can always be traced back to
the settings that produced it. Defaults are calibrated on the generator's `standard` and `stealthy`
scenarios (`docs/detection.md` explains each choice).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Family = Literal["instrument", "ip", "prefix", "asn", "template", "email_domain", "synchrony"]
FAMILIES: tuple[Family, ...] = ("instrument", "ip", "prefix", "asn", "template", "email_domain", "synchrony")


class FamilyParams(BaseModel):
    """How one signal family turns shared entities into account-account link weight."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    enabled: bool = True
    weight: float = Field(ge=0.0, description="family weight multiplied by the entity's rarity weight")
    max_degree: int = Field(
        ge=2, description="supernode cut-off: entities shared by more accounts are ignored"
    )


def _default_families() -> dict[str, FamilyParams]:
    return {
        # A shared card is close to proof of common control; a big corporate card is cut by max_degree
        # and left to scoring (org, plan, age) to clear.
        "instrument": FamilyParams(weight=1.0, max_degree=500),
        "ip": FamilyParams(weight=0.6, max_degree=200),
        # A /24 is weaker than the address but catches rotation within one proxy block.
        "prefix": FamilyParams(weight=0.3, max_degree=400),
        # ASN alone links half the platform (every residential ISP): scoring uses it, linking barely.
        "asn": FamilyParams(enabled=False, weight=0.05, max_degree=2000),
        "template": FamilyParams(weight=1.0, max_degree=20000),
        # Free webmail is shared by everyone; a custom domain is a weak organisational hint.
        "email_domain": FamilyParams(weight=0.1, max_degree=300),
        # (template, hour) actions shared by the same accounts: the SynchroTrap signal.
        "synchrony": FamilyParams(weight=0.25, max_degree=5000),
    }


def _default_feature_weights() -> dict[str, float]:
    # Behaviour (what the accounts do) carries the score: a careful campaign hides its money and
    # infrastructure, not its harvesting. Identity and infrastructure features add to it; young accounts
    # and sign-up bursts alone are common among ordinary users (a semester start, a product launch).
    return {
        "volume": 1.0,
        "capability_concentration": 0.75,
        "template_exclusivity": 1.0,
        "synchrony": 1.0,
        "new_model_switch": 1.0,
        "hosting_share": 0.35,
        "signup_burst": 0.35,
        "young_accounts": 0.2,
        "shared_card_density": 0.2,
        "round_the_clock": 0.15,
    }


class DetectionParams(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    families: dict[str, FamilyParams] = Field(default_factory=_default_families)

    # Projection bounds. An entity shared by d accounts adds all pairs when d <= 2 * sample_k + 1;
    # above that each member is linked to its next `sample_k` co-members in account-id order (plus
    # `sample_chords` long-range ones), so a pair that co-occurs in many entities still accumulates
    # weight while the pair count stays d * (k + chords).
    sample_k: int = Field(default=12, ge=1)
    sample_chords: int = Field(default=3, ge=0, description="long-range links per member in sampled groups")
    rarity_exponent: float = Field(default=2.0, gt=0.0, description="IDF rarity weight raised to this power")
    min_pair_weight: float = Field(default=0.5, ge=0.0, description="minimum shared evidence for a link")

    # Communities.
    # leiden / louvain: modularity on the weighted graph; wcc: components of links >= wcc_threshold.
    # Leiden with gamma > 1 by measurement (docs/detection.md): gamma 1 lets a big, loosely knit community of
    # ordinary accounts absorb a small careful campaign (the resolution limit); WCC either fragments careful
    # campaigns (high threshold) or chains everything into one component (low threshold).
    algorithm: Literal["leiden", "louvain", "wcc"] = "leiden"
    wcc_threshold: float = Field(default=1.5, ge=0.0, description="a strong link: hard shared evidence")
    resolution: float = Field(default=4.0, gt=0.0, description="Leiden gamma")
    merge_ratio: float = Field(
        default=0.1,
        ge=0.0,
        description="merge communities tied by this share of the smaller one's link weight",
    )
    # Pieces of one campaign (shifts, card groups) rejoined through the templates they share: see
    # app/detection/template_merge.py.
    template_merge: bool = True
    template_merge_min_users: int = Field(
        default=10, ge=2, description="templates with fewer users tie nothing"
    )
    template_merge_holding: float = Field(
        default=0.01, gt=0.0, le=1.0, description="a community holds a template with this share of its users"
    )
    template_merge_member_share: float = Field(
        default=0.5, gt=0.0, le=1.0, description="...or this share of its own members send it"
    )
    template_merge_coverage: float = Field(
        default=0.6, gt=0.0, le=1.0, description="holders together cover this share of the template's users"
    )
    template_merge_traffic: float = Field(
        default=0.2,
        ge=0.0,
        le=1.0,
        description="share of a community's requests on such templates to be tied",
    )
    template_merge_similarity: float = Field(
        default=0.5, ge=0.0, le=1.0, description="overlap of two communities' template mixes to be joined"
    )
    # Missing members recruited through a found campaign's own templates: see app/detection/recruit.py.
    recruit: bool = True
    recruit_own_share: float = Field(
        default=0.5,
        gt=0.0,
        le=1.0,
        description="a campaign's own template: this share of its users are members",
    )
    recruit_share: float = Field(
        default=0.5,
        gt=0.0,
        le=1.0,
        description="share of a recruit's requests on the campaign's own templates",
    )
    recruit_min_requests: int = Field(default=3, ge=1, description="a recruit's requests on those templates")
    seed: int = 42
    max_levels: int = 10
    tolerance: float = 1e-4
    # Open GDS caps concurrency at 4; 1 makes Louvain/Leiden independent of thread scheduling.
    concurrency: int = Field(default=1, ge=1, le=4)

    # Candidates and scoring.
    min_community_size: int = Field(default=5, ge=2)
    min_score: float = Field(default=0.35, ge=0.0, le=1.0)
    min_membership: float = Field(default=0.3, ge=0.0, le=1.0)
    burst_window_hours: int = Field(default=72, ge=1)
    young_account_days: float = Field(default=14.0, ge=0.0, description="created this soon before first use")
    switch_window_hours: int = Field(default=24, ge=1, description="on a new model this soon after release")
    feature_weights: dict[str, float] = Field(default_factory=_default_feature_weights)
    org_damping: float = Field(
        default=0.6, ge=0.0, le=1.0, description="score x (1 - this x share of members in an organisation)"
    )
    evidence_per_campaign: int = Field(default=8, ge=1)

    def family(self, name: str) -> FamilyParams:
        return self.families[name]

    def active_families(self) -> list[str]:
        return [f for f in FAMILIES if f in self.families and self.families[f].enabled]

    def without(self, family: str) -> DetectionParams:
        """The same parameters with one signal family switched off (ablation)."""
        fams = dict(self.families)
        fams[family] = fams[family].model_copy(update={"enabled": False})
        return self.model_copy(update={"families": fams})

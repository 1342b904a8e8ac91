"""Scenario definitions: how big the benign tight clusters are and which campaigns are planted.

Sizes are shares of `--accounts` with floors, so a scenario keeps its shape from 2,000 to 1,000,000
accounts.
"""

from __future__ import annotations

from dataclasses import dataclass

SLOPPY = "sloppy"
MEDIUM = "medium"
CAREFUL = "careful"


@dataclass(frozen=True)
class CampaignSpec:
    campaign_id: str
    craft: str  # sloppy | medium | careful
    share: float  # of all accounts
    floor: int  # minimum number of accounts
    capability: str
    families: tuple[str, ...]
    actor: str | None = None  # the operator, when analysts know it (truth.csv `actor`)
    labelled: bool = False  # labels.csv ties some of its own entities to `actor`
    volume: float = 10.0  # extraction requests per account, as a multiple of the organic mean
    camouflage: float = 0.0  # organic requests per account, as a multiple of the organic mean
    shifts: int = 1  # round-robin load balancing: accounts take turns in this many hour slots
    switch_share: float = 0.0  # share of extraction moved to the new model after its release
    switch_delay_hours: float = 12.0
    first_day: int = 0
    last_day: int = 42
    reuses: str | None = None  # another campaign of the same operator whose hosting ASN it reuses

    def size(self, accounts: int) -> int:
        return max(self.floor, round(self.share * accounts))


@dataclass(frozen=True)
class Scenario:
    name: str
    default_accounts: int
    campaigns: tuple[CampaignSpec, ...]
    household_share: float = 0.16
    company_share: float = 0.08
    company_size: tuple[int, int] = (50, 300)
    team_share: float = 0.04
    university_share: float = 0.06
    university_size: tuple[int, int] = (150, 2000)
    mobile_share: float = 0.25
    vpn_share: float = 0.05
    viral_heavy_share: float = 0.06
    product_share: float = 0.01


_CRIMSON = "Crimson Lattice"
_HARBOR = "Quiet Harbor Labs"
_VIREO = "Vireo Group"

DEMO = Scenario(
    name="demo",
    default_accounts=2000,
    company_size=(60, 140),
    university_size=(120, 220),
    campaigns=(
        CampaignSpec(
            "sim-c01",
            SLOPPY,
            0.03,
            20,
            "agentic_tool_use",
            ("x_agent_tools", "x_agent_issue"),
            actor=_CRIMSON,
            labelled=True,
            volume=30,
            first_day=3,
            last_day=19,
        ),
        CampaignSpec(
            "sim-c02",
            MEDIUM,
            0.02,
            15,
            "reasoning_cot",
            ("x_cot_math", "x_cot_olympiad", "x_cot_verify"),
            actor=_HARBOR,
            labelled=True,
            volume=12,
            camouflage=0.2,
            switch_share=0.5,
            switch_delay_hours=10,
            first_day=6,
        ),
        CampaignSpec(
            "sim-c03",
            CAREFUL,
            0.025,
            15,
            "software_engineering",
            ("x_swe_implement", "x_swe_refactor", "x_swe_debug", "x_agent_functions"),
            volume=5,
            camouflage=0.6,
            shifts=4,
            switch_share=0.8,
            switch_delay_hours=6,
        ),
        CampaignSpec(
            "sim-c04",
            CAREFUL,
            0.01,
            10,
            "agentic_tool_use",
            ("x_agent_tools", "x_agent_trajectory", "x_long_checkpoint"),
            actor=_CRIMSON,
            volume=6,
            camouflage=0.5,
            shifts=3,
            switch_share=0.7,
            switch_delay_hours=8,
            first_day=14,
        ),
    ),
)

STANDARD = Scenario(
    name="standard",
    default_accounts=20_000,
    campaigns=(
        CampaignSpec(
            "sim-c01",
            SLOPPY,
            0.005,
            20,
            "agentic_tool_use",
            ("x_agent_tools", "x_agent_issue"),
            actor=_CRIMSON,
            labelled=True,
            volume=30,
            first_day=3,
            last_day=19,
        ),
        CampaignSpec(
            "sim-c02",
            SLOPPY,
            0.003,
            15,
            "software_engineering",
            ("x_swe_implement",),
            volume=40,
            first_day=20,
            last_day=34,
        ),
        CampaignSpec(
            "sim-c03",
            MEDIUM,
            0.004,
            15,
            "reasoning_cot",
            ("x_cot_math", "x_cot_olympiad", "x_cot_verify"),
            actor=_HARBOR,
            labelled=True,
            volume=12,
            camouflage=0.2,
            switch_share=0.5,
            switch_delay_hours=10,
            first_day=4,
        ),
        CampaignSpec(
            "sim-c04",
            MEDIUM,
            0.003,
            15,
            "rubric_grading",
            ("x_grade_rubric", "x_grade_compare", "x_cot_math"),
            actor=_HARBOR,
            volume=10,
            camouflage=0.2,
            switch_share=0.5,
            switch_delay_hours=14,
            first_day=12,
            reuses="sim-c03",
        ),
        CampaignSpec(
            "sim-c05",
            CAREFUL,
            0.006,
            20,
            "software_engineering",
            ("x_swe_implement", "x_swe_refactor", "x_swe_debug", "x_agent_functions", "x_agent_issue"),
            volume=5,
            camouflage=0.6,
            shifts=6,
            switch_share=0.8,
            switch_delay_hours=6,
        ),
        CampaignSpec(
            "sim-c06",
            CAREFUL,
            0.004,
            15,
            "long_horizon",
            ("x_long_project", "x_long_research", "x_long_checkpoint"),
            actor=_VIREO,
            labelled=True,
            volume=4,
            camouflage=0.5,
            shifts=4,
            switch_share=0.6,
            switch_delay_hours=18,
        ),
    ),
)

STEALTHY = Scenario(
    name="stealthy",
    default_accounts=20_000,
    vpn_share=0.08,
    viral_heavy_share=0.10,
    company_share=0.10,
    university_share=0.08,
    campaigns=(
        CampaignSpec(
            "sim-c01",
            CAREFUL,
            0.004,
            15,
            "software_engineering",
            ("x_swe_implement", "x_swe_refactor", "x_swe_debug", "x_swe_port"),
            volume=4,
            camouflage=1.0,
            shifts=6,
            switch_share=0.8,
            switch_delay_hours=5,
        ),
        CampaignSpec(
            "sim-c02",
            CAREFUL,
            0.003,
            12,
            "agentic_tool_use",
            ("x_agent_tools", "x_agent_trajectory", "x_agent_functions"),
            actor=_VIREO,
            labelled=True,
            volume=4,
            camouflage=1.0,
            shifts=5,
            switch_share=0.7,
            switch_delay_hours=9,
        ),
        CampaignSpec(
            "sim-c03",
            CAREFUL,
            0.002,
            10,
            "reasoning_cot",
            ("x_cot_math", "x_cot_logic", "x_cot_olympiad"),
            volume=3,
            camouflage=1.2,
            shifts=3,
            switch_share=0.6,
            switch_delay_hours=20,
        ),
        CampaignSpec(
            "sim-c04",
            CAREFUL,
            0.002,
            10,
            "rubric_grading",
            ("x_grade_rubric", "x_grade_compare", "x_grade_reward"),
            actor=_HARBOR,
            labelled=True,
            volume=3,
            camouflage=1.0,
            shifts=3,
            switch_share=0.5,
            switch_delay_hours=16,
        ),
        CampaignSpec(
            "sim-c05",
            MEDIUM,
            0.002,
            10,
            "long_horizon",
            ("x_long_project", "x_long_research"),
            volume=6,
            camouflage=0.5,
            switch_share=0.4,
            switch_delay_hours=20,
            first_day=8,
        ),
    ),
)

SCENARIOS: dict[str, Scenario] = {s.name: s for s in (DEMO, STANDARD, STEALTHY)}

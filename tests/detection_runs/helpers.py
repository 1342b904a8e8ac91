"""Helpers for detection-run tests: hand-built `DetectionResult`s and queries on the outcome.

The finder is injected (`run_detection(finder=...)`), so identity, persistence and attribution are tested
against the real database independently of community finding.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from neo4j import Driver

from app.detection.algorithms.model import CandidateCampaign, DetectionResult, EvidenceItem
from app.detection.algorithms.params import DetectionParams
from app.jobs.runner import RunSummary, run_detection
from app.platform.settings import Settings

ACCOUNTS = 240


def acc(i: int) -> str:
    return f"acc-{i:03d}"


def accs(start: int, stop: int) -> set[str]:
    return {acc(i) for i in range(start, stop)}


def campaign(members: Iterable[str], score: float = 0.8) -> CandidateCampaign:
    return CandidateCampaign(
        members=dict.fromkeys(sorted(members), 0.9),
        score=score,
        features={"volume": 1.0, "synchrony": 0.5},
        evidence=[EvidenceItem(kind="instrument", key="k1", accounts=3, weight=2.0)],
        capability="software_engineering",
        first_seen="2026-05-01T00:00:00+00:00",
        last_seen="2026-05-20T00:00:00+00:00",
    )


def result(*groups: Iterable[str]) -> DetectionResult:
    return DetectionResult(
        campaigns=[campaign(g) for g in groups],
        params={"algorithm": "fixed"},
        timings={"communities": 0.01},
        graph={"accounts": ACCOUNTS},
        metrics={"modularity": 0.5},
    )


@dataclass
class FixedFinder:
    """Returns a prepared result and records the seeds it was given."""

    result: DetectionResult
    seen_previous: list[dict[str, int] | None] = field(default_factory=list)

    def __call__(
        self, settings: Settings, params: DetectionParams | None, previous: dict[str, int] | None
    ) -> DetectionResult:
        self.seen_previous.append(previous)
        return self.result


def run(settings: Settings, *groups: Iterable[str], **kwargs: object) -> RunSummary:
    return run_detection(settings, finder=FixedFinder(result(*groups)), **kwargs)  # type: ignore[arg-type]


def active(driver: Driver) -> dict[str, set[str]]:
    """campaign_id -> members, for active campaigns."""
    records, _, _ = driver.execute_query(
        "MATCH (c:Campaign {active: true}) OPTIONAL MATCH (c)<-[:IN_CAMPAIGN]-(a:Account) "
        "RETURN c.campaign_id AS id, collect(a.account_id) AS members"
    )
    return {r["id"]: set(r["members"]) for r in records}


def id_of(campaigns: Mapping[str, set[str]], members: set[str]) -> str:
    matches = [cid for cid, m in campaigns.items() if m == members]
    assert len(matches) == 1, f"no single active campaign with exactly {len(members)} given members"
    return matches[0]


def campaign_props(driver: Driver, campaign_id: str) -> dict[str, object]:
    records, _, _ = driver.execute_query(
        "MATCH (c:Campaign {campaign_id: $id}) RETURN c {.*} AS c", id=campaign_id
    )
    return dict(records[0]["c"])

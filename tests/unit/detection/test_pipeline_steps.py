"""The pipeline after the GDS stages, on a hand-made partition and a fake runner (no database)."""

from __future__ import annotations

import numpy as np

from app.detection.algorithms.params import DetectionParams
from app.detection.algorithms.partition import Links, Partition, links_of, partition_of
from app.detection.algorithms.scoring import DAY, HOUR, Platform
from app.detection.pipeline import RunStats, campaigns_from
from tests.unit.detection.fakes import FakeRunner, Row

PLATFORM = Platform(accounts=10_000, median_requests=20.0, model_releases={"old": 0, "new": 100 * DAY})
CAMPAIGN = [f"c{i:02d}" for i in range(12)]
BACKGROUND = [f"u{i:02d}" for i in range(6)]  # three pairs: pieces too small to look at


def _row(account: str, *, created: int, template: str, degree: int, hours: list[int]) -> Row:
    """One `detection/member_profiles` row, shaped like the query's."""
    return {
        "account_id": account,
        "created_at": created,
        "first_seen": created + HOUR,
        "last_seen": created + 30 * DAY,
        "requests": 2000,
        "output_tokens": 2000 * 900,
        "org_id": None,
        "plan": "api",
        "email_domain": "mail.example",
        "ips": [
            {
                "address": "10.0.0.1",
                "ip_type": "hosting",
                "requests": 2000,
                "degree": 14,
                "prefixes": ["10.0.0.0/24"],
                "asn": 14061,
            }
        ],
        "instruments": [{"key": "card-1", "degree": 14}],
        "templates": [
            {
                "template_id": template,
                "capability": "agentic_tool_use",
                "requests": 2000,
                "hours": hours,
                "degree": degree,
            }
        ],
        "models": [],
        "domains": [],
    }


def _profiles() -> dict[str, Row]:
    out = {
        a: _row(a, created=50 * DAY + i * 600, template="t_campaign", degree=12, hours=[1000, 1001, 1002])
        for i, a in enumerate(CAMPAIGN)
    }
    out["hanger"] = _row("hanger", created=10 * DAY, template="t_other", degree=500, hours=[7])
    return out


def _graph() -> tuple[Partition, Links]:
    accounts = [*CAMPAIGN, "hanger", *BACKGROUND]
    node = {a: 1000 + 3 * i for i, a in enumerate(accounts)}
    rows = {node[a]: (a, 7) for a in [*CAMPAIGN, "hanger"]}
    rows |= {node[a]: (a, 40 + i // 2) for i, a in enumerate(BACKGROUND)}
    part = partition_of(rows)
    pairs = [(a, b, 1.0) for i, a in enumerate(CAMPAIGN) for b in CAMPAIGN[i + 1 :]]
    pairs += [("c00", "hanger", 0.02)]  # in the campaign's community by a thread
    pairs += [(BACKGROUND[i], BACKGROUND[i + 1], 1.0) for i in range(0, len(BACKGROUND), 2)]
    src = np.array([node[a] for a, _, _ in pairs], dtype=np.int64)
    dst = np.array([node[b] for _, b, _ in pairs], dtype=np.int64)
    return part, links_of(part, src, dst, np.array([w for *_, w in pairs], dtype=np.float64))


def _run(params: DetectionParams) -> tuple[list[str], dict[str, float], FakeRunner, RunStats]:
    straggler = {"account_id": "straggler", "on_templates": 6, "templates": 1, "requests": 8}
    member = {"account_id": "c03", "on_templates": 2000, "templates": 1, "requests": 2000}
    runner = FakeRunner(_profiles(), {("t_campaign",): [member, straggler]})
    part, lk = _graph()
    stats = RunStats()
    found = campaigns_from(runner, part, lk, PLATFORM, params, stats)
    assert len(found) == 1
    return sorted(found[0].members), found[0].members, runner, stats


def test_campaign_found_with_weak_member_trimmed_and_straggler_recruited() -> None:
    members, strength, _, stats = _run(DetectionParams())
    assert members == sorted([*CAMPAIGN, "straggler"])
    assert "hanger" not in strength  # in the community, but by one thread of weight
    assert strength["straggler"] == 0.75  # its share of requests on the campaign's own templates
    assert all(strength[a] == 1.0 for a in CAMPAIGN)
    assert stats.graph["campaigns"] == 1
    assert stats.graph["recruited_accounts"] == 1


def test_only_pieces_big_enough_are_profiled_and_only_own_templates_recruit() -> None:
    _, _, runner, stats = _run(DetectionParams())
    (profiled,) = runner.asked("detection/member_profiles")
    assert profiled["account_ids"] == sorted([*CAMPAIGN, "hanger"])
    assert runner.asked("detection/template_recruits") == [{"template_ids": ["t_campaign"]}]
    assert stats.graph["communities_raw"] == 4
    assert stats.graph["pieces"] == 1


def test_recruiting_switched_off_asks_nothing_and_adds_nobody() -> None:
    members, _, runner, _ = _run(DetectionParams(recruit=False))
    assert members == CAMPAIGN
    assert runner.asked("detection/template_recruits") == []

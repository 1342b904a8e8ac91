"""Pure parts of detection: features, score and quality arithmetic (no database)."""

from __future__ import annotations

import math
from dataclasses import replace

from app.detection.algorithms.evidence import campaign_evidence, rarity
from app.detection.algorithms.params import DetectionParams
from app.detection.algorithms.profiles import IpUse, Profile, TemplateUse
from app.detection.algorithms.scoring import DAY, HOUR, Platform, community_features, score_community
from app.domain.vocabulary import CONTRIBUTION
from scenarios.quality import evaluate

PLATFORM = Platform(accounts=10_000, median_requests=20.0, model_releases={"old": 0, "new": 100 * DAY})


def _member(
    i: int, *, created: int, hours: tuple[int, ...], org: str | None = None, ip_type: str = "hosting"
) -> Profile:
    tpl = TemplateUse("t_campaign", "agentic_tool_use", 2000, hours, 12)
    return Profile(
        account_id=f"a{i:03d}",
        created_at=created,
        first_seen=created + HOUR,
        last_seen=created + 30 * DAY,
        requests=2000,
        org_id=org,
        plan="api",
        email_domain="mail.example",
        ips=(IpUse(f"10.0.0.{i % 3}", ip_type, 2000, 6, ("10.0.0.0/24",), 14061),),
        instruments=(("card-1", 12),),
        templates=(tpl,),
        actions=frozenset(("t_campaign", h) for h in hours),
    )


def _campaign(org: str | None = None) -> list[Profile]:
    return [
        _member(i, created=50 * DAY + i * 600, hours=(1000, 1001, 1002, 1003), org=org) for i in range(12)
    ]


def test_lockstep_burst_campaign_scores_high_with_every_feature_explained() -> None:
    feats = community_features(_campaign(), PLATFORM, DetectionParams())
    assert feats["signup_burst"] == 1.0
    assert feats["synchrony"] == 1.0
    assert feats["hosting_share"] == 1.0
    assert feats["template_exclusivity"] == 1.0
    assert score_community(_campaign(), PLATFORM, DetectionParams()).score >= 0.6


def test_score_is_the_logistic_of_its_contributions() -> None:
    params = DetectionParams()
    scored = score_community(_campaign(), PLATFORM, params)
    contributions = {
        k.removeprefix(CONTRIBUTION): v for k, v in scored.features.items() if k.startswith(CONTRIBUTION)
    }
    assert set(contributions) == set(params.feature_weights)
    for name, c in contributions.items():
        assert abs(c - params.feature_weights[name] * scored.features[name]) < 1e-5
    logit = params.score_bias + sum(contributions.values())
    assert abs(scored.score - 1 / (1 + math.exp(-logit))) < 1e-5


def test_a_registered_organisation_does_not_launder_a_campaign() -> None:
    # An operator can register an organisation as easily as an account: it must not halve the score.
    free = score_community(_campaign(), PLATFORM, DetectionParams()).score
    org = score_community(_campaign(org="org-acme"), PLATFORM, DetectionParams()).score
    assert org >= DetectionParams().min_score
    assert org > free * 0.8


def test_rarity_fades_with_degree_and_squares() -> None:
    assert rarity(2, 1000) == 1.0
    assert rarity(500, 1000) < rarity(20, 1000) < 1.0
    assert rarity(20, 1000, exponent=2.0) < rarity(20, 1000)


def test_evidence_ranks_shared_entities() -> None:
    ev = campaign_evidence(_campaign(), 10_000, DetectionParams())
    kinds = {e.kind for e in ev}
    assert {"instrument", "template", "synchrony"} <= kinds
    assert all(e.accounts >= 2 for e in ev)


def test_quality_counts_best_matches_and_false_positives() -> None:
    truth = {"a1": "c1", "a2": "c1", "a3": "c2", "a4": "c2", "b1": ""}
    q = evaluate([["a1", "a2", "b1"], ["a3"]], truth, total_accounts=2004, confounders={"b1": "corporate"},
                 confounder_min_accounts=1, confounder_min_share=0.5)  # fmt: skip
    assert q.legit_flagged == 1
    assert q.false_positive_rate == 1 / 2000
    assert q.precision == 0.75
    assert q.recall == 0.75
    assert [c.f1 for c in q.campaigns] == [0.8, round(2 / 3, 4)]
    assert q.confounder_hits == {"corporate": 1}


def test_first_use_before_creation_is_age_zero() -> None:
    members = [_member(i, created=50 * DAY, hours=(1000,)) for i in range(5)]
    skewed = [p.__class__(**{**p.__dict__, "first_seen": p.created_at - 3 * DAY}) for p in members]  # type: ignore[operator]
    assert community_features(skewed, PLATFORM, DetectionParams())["account_age"] == 0.0


def test_disposable_payment_is_the_share_of_members_paying_with_bulk_cards() -> None:
    members = _campaign()
    members = [
        replace(p, instrument_types=("virtual_card",) if i < 3 else ("credit_card",))
        for i, p in enumerate(members)
    ]
    feats = community_features(members, PLATFORM, DetectionParams())
    assert feats["disposable_payment"] == round(3 / len(members), 6)
    # Scored with a positive weight: the same community paying with bank cards scores lower.
    banked = [replace(p, instrument_types=("credit_card",)) for p in members]
    assert (
        score_community(members, PLATFORM, DetectionParams()).score
        > score_community(banked, PLATFORM, DetectionParams()).score
    )


def test_answer_length_is_the_median_members_answer_against_the_platforms() -> None:
    """Tenfold the platform's ordinary answer is the top of the scale; at or below it, nothing. The
    median member decides, so a few members with huge answers do not lift a cohort of short ones."""
    platform = replace(PLATFORM, median_answer_tokens=300.0)
    params = DetectionParams()

    def members(per_request: list[int]) -> list[Profile]:
        return [
            replace(m, output_tokens=m.requests * t) for m, t in zip(_campaign(), per_request, strict=False)
        ]

    assert community_features(members([3000] * 12), platform, params)["answer_length"] == 1.0
    assert community_features(members([300] * 12), platform, params)["answer_length"] == 0.0
    assert community_features(members([100] * 12), platform, params)["answer_length"] == 0.0
    middling = community_features(members([900] * 12), platform, params)["answer_length"]
    assert math.isclose(middling, math.log10(3.0), abs_tol=1e-6)
    few_long = [20_000] * 3 + [200] * 9
    assert community_features(members(few_long), platform, params)["answer_length"] == 0.0
    # A platform with no baseline (nothing loaded with token counts) scores nobody on it.
    assert community_features(members([3000] * 12), PLATFORM, params)["answer_length"] == 0.0

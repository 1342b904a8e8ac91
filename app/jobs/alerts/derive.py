"""Which events a detection run raises: pure logic over what the switch changed and what was announced.

The outbox (`outbox.py`) reads, inside the switch transaction, each campaign of the run with the size it
had when it was last announced (`alert_size`), each auto attribution with the confidence last announced,
and each (watch, campaign) pair the campaign now reaches; `derive` answers with the events and the new
announced state, which the outbox writes in the same transaction. Comparing with the *announced* state
rather than with the previous run is what keeps a full run that re-derives known campaigns silent, makes
slow growth add up to one alert instead of none, and keeps a campaign flapping around one size quiet.

Campaigns that existed before alerts did (no `alert_size` yet) are primed silently: their first run with
alerts records their size and attributions without raising anything.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.domain.alerts import EventType, campaign_link, event_id, shown_key
from app.domain.vocabulary import CampaignStatus

MAX_EVIDENCE = 5
MAX_SAMPLE = 5


@dataclass(frozen=True)
class AlertRules:
    growth: float = 0.2  # LINKWATCH_ALERT_GROWTH
    confidence_change: float = 0.1  # LINKWATCH_ALERT_CONFIDENCE_CHANGE
    console_url: str = ""


@dataclass(frozen=True)
class CampaignState:
    """One campaign of the run, as the switch left it, with the size last announced (None: never)."""

    campaign_id: str
    origin: str  # new | continued | revived (tracking)
    size: int
    announced_size: int | None
    status: str = CampaignStatus.CANDIDATE.value
    score: float = 0.0
    capability: str | None = None
    evidence: Sequence[Mapping[str, Any]] = ()
    merged_from: Sequence[str] = ()
    split_from: Sequence[str] = ()


@dataclass(frozen=True)
class AttributionState:
    """An auto-proposed attribution this run wrote, with the confidence last announced (None: never)."""

    campaign_id: str
    actor_id: str
    confidence: float
    announced: float | None
    evidence: Sequence[Mapping[str, Any]] = ()


@dataclass(frozen=True)
class WatchHit:
    """A watched entity reached by an active campaign's members, in a pair not announced before."""

    watch_id: str
    kind: str
    key: str
    campaign_id: str
    accounts: int
    sample: Sequence[str] = ()


@dataclass(frozen=True)
class Draft:
    event_id: str
    type: EventType
    campaign_id: str
    summary: str
    link: str
    data: dict[str, Any]


@dataclass
class Derived:
    events: list[Draft] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)  # campaign -> alert_size to record
    confidences: list[tuple[str, str, float]] = field(default_factory=list)  # (campaign, actor, conf)
    seen: list[tuple[str, str]] = field(default_factory=list)  # (watch, campaign) now announced


def derive(
    run_id: str,
    campaigns: Sequence[CampaignState],
    attributions: Sequence[AttributionState],
    hits: Sequence[WatchHit],
    rules: AlertRules | None = None,
) -> Derived:
    rules = rules or AlertRules()
    out = Derived()
    primed: set[str] = set()  # campaigns seen by alerts for the first time without being new
    for camp in campaigns:
        _campaign_events(run_id, camp, rules, out, primed)
    for att in attributions:
        _attribution_event(run_id, att, rules, out, primed)
    for hit in hits:
        out.seen.append((hit.watch_id, hit.campaign_id))
        out.events.append(_watch_event(run_id, hit, rules))
    return out


def _campaign_events(
    run_id: str, camp: CampaignState, rules: AlertRules, out: Derived, primed: set[str]
) -> None:
    cid = camp.campaign_id
    if camp.status == CampaignStatus.DISMISSED.value:
        return  # the analyst said benign: its growth is nobody's alert, and its baseline stays put
    link = campaign_link(cid, rules.console_url)
    if camp.origin == "new":
        out.sizes[cid] = camp.size
        data = {
            **_campaign_data(camp),
            "merged_from": list(camp.merged_from),
            "split_from": list(camp.split_from),
        }
        origin = _lineage_phrase(camp)
        out.events.append(
            Draft(
                event_id(run_id, EventType.CAMPAIGN_NEW, cid),
                EventType.CAMPAIGN_NEW,
                cid,
                f"New campaign {cid}{origin}: {camp.size} accounts, score {camp.score:.2f}"
                + _top_evidence_phrase(camp.evidence),
                link,
                data,
            )
        )
        return
    if camp.announced_size is None:
        out.sizes[cid] = camp.size
        primed.add(cid)
        return
    before = camp.announced_size
    if camp.size > before and camp.size >= before * (1.0 + rules.growth):
        out.sizes[cid] = camp.size
        added = camp.size - before
        share = added / before if before else 1.0
        out.events.append(
            Draft(
                event_id(run_id, EventType.CAMPAIGN_GROWN, cid),
                EventType.CAMPAIGN_GROWN,
                cid,
                f"Campaign {cid} grew by {share:.0%}: {before} -> {camp.size} accounts"
                + ("" if camp.origin == "continued" else " (back after a run without it)"),
                link,
                {
                    **_campaign_data(camp),
                    "previous_size": before,
                    "added": added,
                    "growth": round(share, 4),
                    "revived": camp.origin == "revived",
                    "merged_from": list(camp.merged_from),
                },
            )
        )


def _attribution_event(
    run_id: str, att: AttributionState, rules: AlertRules, out: Derived, primed: set[str]
) -> None:
    cid, actor = att.campaign_id, att.actor_id
    if att.announced is None:
        out.confidences.append((cid, actor, att.confidence))
        if cid in primed:
            return
        kind = EventType.ATTRIBUTION_NEW
        summary = f"Campaign {cid} attributed to {actor} (confidence {att.confidence:.2f})"
    elif abs(att.confidence - att.announced) >= rules.confidence_change - 1e-9:
        out.confidences.append((cid, actor, att.confidence))
        kind = EventType.ATTRIBUTION_CHANGED
        summary = (
            f"Attribution of campaign {cid} to {actor} changed: "
            f"confidence {att.announced:.2f} -> {att.confidence:.2f}"
        )
    else:
        return
    out.events.append(
        Draft(
            event_id(run_id, kind, cid, actor),
            kind,
            cid,
            summary,
            campaign_link(cid, rules.console_url),
            {
                "actor_id": actor,
                "confidence": round(att.confidence, 4),
                "previous_confidence": None if att.announced is None else round(att.announced, 4),
                "evidence": [_attribution_evidence(e) for e in att.evidence[:MAX_EVIDENCE]],
            },
        )
    )


def _watch_event(run_id: str, hit: WatchHit, rules: AlertRules) -> Draft:
    shown = shown_key(hit.kind, hit.key)
    return Draft(
        event_id(run_id, EventType.WATCH_JOINED, hit.campaign_id, hit.watch_id),
        EventType.WATCH_JOINED,
        hit.campaign_id,
        f"Watched {hit.kind} {shown} is in campaign {hit.campaign_id} ({hit.accounts} member accounts)",
        campaign_link(hit.campaign_id, rules.console_url),
        {
            "watch": {"id": hit.watch_id, "kind": hit.kind, "key": shown},
            "accounts": hit.accounts,
            "sample": sorted(hit.sample)[:MAX_SAMPLE],
        },
    )


def _campaign_data(camp: CampaignState) -> dict[str, Any]:
    return {
        "size": camp.size,
        "score": round(camp.score, 4),
        "status": camp.status,
        "capability": camp.capability,
        "evidence": [_campaign_evidence(e) for e in camp.evidence[:MAX_EVIDENCE]],
    }


def _campaign_evidence(item: Mapping[str, Any]) -> dict[str, Any]:
    kind = str(item.get("kind", ""))
    return {
        "kind": kind,
        "key": shown_key(kind, str(item.get("key", ""))),
        "accounts": int(item.get("accounts") or 0),
        "detail": str(item.get("detail") or ""),
    }


def _attribution_evidence(item: Mapping[str, Any]) -> dict[str, Any]:
    kind, key = str(item.get("kind", "")), str(item.get("key", ""))
    shown = shown_key(kind, key)
    # The path text quotes the key: an instrument's full keyed hash is shortened there too.
    path = str(item.get("path", "")).replace(key, shown) if key else str(item.get("path", ""))
    out = {"kind": kind, "key": shown, "accounts": int(item.get("accounts") or 0), "path": path}
    if item.get("campaign_id"):
        out["campaign_id"] = str(item["campaign_id"])
    return out


def _top_evidence_phrase(evidence: Sequence[Mapping[str, Any]]) -> str:
    if not evidence:
        return ""
    top = _campaign_evidence(evidence[0])
    return f"; strongest link: {top['kind']} {top['key']} shared by {top['accounts']}"


def _lineage_phrase(camp: CampaignState) -> str:
    if camp.merged_from:
        return " (merged from " + ", ".join(camp.merged_from) + ")"
    if camp.split_from:
        return " (split from " + ", ".join(camp.split_from) + ")"
    return ""

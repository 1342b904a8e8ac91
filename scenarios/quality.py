"""Scoring a detection result against the generator's ground truth (pure: no database).

`truth.csv` has `account_id`, `campaign_id` (empty for legitimate accounts), `actor`; `confounders.csv`
has `account_id` plus columns naming the benign tight cluster it belongs to (company, university, carrier
NAT, viral template, household). Account-level figures treat "in any campaign" as the positive class;
per-campaign figures match each planted campaign with the found campaign that best overlaps it (F1).
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from pathlib import Path

from pydantic import BaseModel


class CampaignQuality(BaseModel):
    campaign_id: str
    size: int
    matched: int | None  # index of the best-matching found campaign, None if nothing overlaps
    precision: float
    recall: float
    f1: float


class Quality(BaseModel):
    accounts: int
    campaign_accounts: int
    flagged: int
    precision: float
    recall: float
    f1: float
    legit_flagged: int
    false_positive_rate: float  # flagged legitimate accounts / legitimate accounts
    campaigns: list[CampaignQuality]
    confounder_hits: dict[str, int]  # benign cluster -> its flagged accounts (only clusters over the bar)


def read_truth(path: Path) -> dict[str, str]:
    """account_id -> campaign_id for every account listed (empty string for legitimate ones)."""
    with path.open(newline="", encoding="utf-8") as fh:
        return {row["account_id"]: (row.get("campaign_id") or "").strip() for row in csv.DictReader(fh)}


def read_confounders(path: Path) -> dict[str, str]:
    """account_id -> benign cluster key (the row's other columns joined), if the file exists."""
    return {acc: ":".join(vals) for acc, vals in _confounder_rows(path)}


def read_cohorts(path: Path) -> dict[str, str]:
    """account_id -> benign cohort kind from `confounders.csv`: its `cohort` column, else the first of the
    row's other columns (the own generator names the kind first, then the instance)."""
    return {acc: vals[0] for acc, vals in _confounder_rows(path)}


def _confounder_rows(path: Path) -> Iterator[tuple[str, list[str]]]:
    """(account_id, the row's other non-empty values, `cohort` first) of each row naming a cluster."""
    if not path.exists():
        return
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            acc = row.pop("account_id")
            cohort = (row.pop("cohort", None) or "").strip()
            vals = ([cohort] if cohort else []) + [str(v) for v in row.values() if v not in (None, "")]
            if acc and vals:
                yield acc, vals


def _account_scores(flagged: set[str], positives: set[str]) -> tuple[float, float, float]:
    """Account-level precision, recall and F1 ("in any campaign" is the positive class), rounded."""
    tp = len(flagged & positives)
    precision = tp / len(flagged) if flagged else 1.0
    recall = tp / len(positives) if positives else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(precision, 4), round(recall, 4), round(f1, 4)


def _best_match(
    members: set[str] | frozenset[str], groups: Sequence[Set[str]]
) -> tuple[float, int | None, float, float]:
    """(F1, index, precision, recall) of the found group that best matches a planted campaign."""
    best: tuple[float, int | None, float, float] = (0.0, None, 0.0, 0.0)
    for i, g in enumerate(groups):
        inter = len(g & members)
        if not inter:
            continue
        p, r = inter / len(g), inter / len(members)
        f = 2 * p * r / (p + r)
        if f > best[0]:
            best = (f, i, p, r)
    return best


def evaluate(
    found: Iterable[Iterable[str]],
    truth: Mapping[str, str],
    total_accounts: int,
    confounders: Mapping[str, str] | None = None,
    confounder_min_share: float = 0.1,
    confounder_min_accounts: int = 3,
) -> Quality:
    """`found`: the member account ids of each found campaign, in result order."""
    groups = [set(g) for g in found]
    flagged: set[str] = set().union(*groups) if groups else set()
    planted: dict[str, set[str]] = defaultdict(set)
    for acc, cid in truth.items():
        if cid:
            planted[cid].add(acc)
    positives = set().union(*planted.values()) if planted else set()
    precision, recall, f1 = _account_scores(flagged, positives)
    legit_flagged = len(flagged - positives)
    legit_total = max(total_accounts - len(positives), 1)

    per_campaign = []
    for cid in sorted(planted):
        members = planted[cid]
        best = _best_match(members, groups)
        per_campaign.append(
            CampaignQuality(
                campaign_id=cid,
                size=len(members),
                matched=best[1],
                precision=round(best[2], 4),
                recall=round(best[3], 4),
                f1=round(best[0], 4),
            )
        )

    hits: dict[str, int] = {}
    if confounders:
        sizes = Counter(confounders.values())
        hit = Counter(confounders[a] for a in flagged - positives if a in confounders)
        hits = {
            k: c
            for k, c in sorted(hit.items())
            if c >= confounder_min_accounts and c / sizes[k] >= confounder_min_share
        }

    return Quality(
        accounts=total_accounts,
        campaign_accounts=len(positives),
        flagged=len(flagged),
        precision=precision,
        recall=recall,
        f1=f1,
        legit_flagged=legit_flagged,
        false_positive_rate=legit_flagged / legit_total,
        campaigns=per_campaign,
        confounder_hits=hits,
    )


# --- Scoring across the scenario zoo: per style, per campaign, per benign cohort, with attribution. ---


class PlantedTruth(BaseModel):
    """One planted campaign of a scenario's ground truth."""

    campaign_id: str
    style: str
    actor: str  # empty: nothing in the labels points to an operator, so nothing should be attributed
    members: frozenset[str]


class FoundCampaign(BaseModel):
    members: frozenset[str]
    actor: str  # empty when no attribution was proposed


class PlantedResult(BaseModel):
    campaign_id: str
    style: str
    size: int
    f1: float  # against the best-matching found campaign
    precision: float
    recall: float
    pieces: int  # found campaigns holding a real part of it
    expected_actor: str
    found_actor: str | None  # None: not found (best match F1 below FOUND_F1)
    attribution_correct: bool | None  # None when not found


class ScenarioQuality(BaseModel):
    accounts: int
    campaign_accounts: int
    flagged: int
    precision: float
    recall: float
    f1: float
    legit_flagged: int
    legit_per_2000: float
    cohorts: dict[str, tuple[int, int]]  # benign cohort -> (flagged, size)
    planted: list[PlantedResult]


# A planted campaign counts as found when its best match reaches this F1; a found campaign is one of its
# pieces when it holds at least PIECE_SHARE of the planted members (and 3 of them).
FOUND_F1 = 0.5
PIECE_SHARE = 0.05


def normalise_actor(name: str) -> str:
    """Actor names compare by their letters and digits only: truth files carry names, the graph ids."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def found_from_export(rows: Iterable[Mapping[str, object]]) -> list[FoundCampaign]:
    """Found campaigns from `detection/export_campaigns` rows (one per campaign and member, each carrying
    the campaign's actor), the way `linkwatch export campaigns` lays them out."""
    members: dict[str, set[str]] = defaultdict(set)
    actors: dict[str, str] = {}
    for r in rows:
        cid = str(r["campaign_id"])
        members[cid].add(str(r["account_id"]))
        actors[cid] = str(r["actor"] or "")
    return [FoundCampaign(members=frozenset(m), actor=actors[c]) for c, m in sorted(members.items())]


def read_zoo_truth(path: Path) -> tuple[list[str], list[PlantedTruth]]:
    """Every account of `truth.csv` and its planted campaigns. A file without a `style` column (the
    own generator, the independent scenarios) names each campaign's style by its campaign id."""
    accounts: list[str] = []
    members: dict[str, set[str]] = defaultdict(set)
    meta: dict[str, tuple[str, str]] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            acc = row["account_id"]
            accounts.append(acc)
            cid = (row.get("campaign_id") or "").strip()
            if cid:
                members[cid].add(acc)
                style = (row.get("style") or "").strip() or cid
                meta.setdefault(cid, (style, (row.get("actor") or "").strip()))
    planted = [
        PlantedTruth(campaign_id=c, style=meta[c][0], actor=meta[c][1], members=frozenset(members[c]))
        for c in sorted(members)
    ]
    return accounts, planted


def evaluate_zoo(
    found: Iterable[FoundCampaign],
    planted: Iterable[PlantedTruth],
    total_accounts: int,
    cohorts: Mapping[str, str] | None = None,
) -> ScenarioQuality:
    groups = list(found)
    plants = list(planted)
    flagged: set[str] = set().union(*(g.members for g in groups)) if groups else set()
    positives: set[str] = set().union(*(p.members for p in plants)) if plants else set()
    precision, recall, f1 = _account_scores(flagged, positives)
    legit = flagged - positives
    legit_total = max(total_accounts - len(positives), 1)
    results = []
    member_sets = [g.members for g in groups]
    for p in plants:
        f, index, pr, rc = _best_match(p.members, member_sets)
        pieces = sum(1 for g in member_sets if len(g & p.members) >= max(3, PIECE_SHARE * len(p.members)))
        found_actor = groups[index].actor if index is not None and f >= FOUND_F1 else None
        results.append(
            PlantedResult(
                campaign_id=p.campaign_id,
                style=p.style,
                size=len(p.members),
                f1=round(f, 4),
                precision=round(pr, 4),
                recall=round(rc, 4),
                pieces=pieces,
                expected_actor=p.actor,
                found_actor=found_actor,
                attribution_correct=None
                if found_actor is None
                else normalise_actor(found_actor) == normalise_actor(p.actor),
            )
        )
    cohort_sizes = Counter((cohorts or {}).values())
    cohort_hits = Counter((cohorts or {})[a] for a in legit if a in (cohorts or {}))
    return ScenarioQuality(
        accounts=total_accounts,
        campaign_accounts=len(positives),
        flagged=len(flagged),
        precision=precision,
        recall=recall,
        f1=f1,
        legit_flagged=len(legit),
        legit_per_2000=round(2000 * len(legit) / legit_total, 3),
        cohorts={k: (cohort_hits.get(k, 0), n) for k, n in sorted(cohort_sizes.items())},
        planted=results,
    )

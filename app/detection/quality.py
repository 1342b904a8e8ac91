"""Scoring a detection result against the generator's ground truth (pure: no database).

`truth.csv` has `account_id`, `campaign_id` (empty for legitimate accounts), `actor`; `confounders.csv`
has `account_id` plus columns naming the benign tight cluster it belongs to (company, university, carrier
NAT, viral template, household). Account-level figures treat "in any campaign" as the positive class;
per-campaign figures match each planted campaign with the found campaign that best overlaps it (F1).
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

from pydantic import BaseModel

from app.detection.model import DetectionResult


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
    if not path.exists():
        return {}
    out: dict[str, str] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            acc = row.pop("account_id")
            key = ":".join(str(v) for v in row.values() if v not in (None, ""))
            if acc and key:
                out[acc] = key
    return out


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
    tp = len(flagged & positives)
    precision = tp / len(flagged) if flagged else 1.0
    recall = tp / len(positives) if positives else 1.0
    legit_flagged = len(flagged - positives)
    legit_total = max(total_accounts - len(positives), 1)

    per_campaign = []
    for cid in sorted(planted):
        members = planted[cid]
        best: tuple[float, int | None, float, float] = (0.0, None, 0.0, 0.0)
        for i, g in enumerate(groups):
            inter = len(g & members)
            if not inter:
                continue
            p, r = inter / len(g), inter / len(members)
            f = 2 * p * r / (p + r)
            if f > best[0]:
                best = (f, i, p, r)
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
        precision=round(precision, 4),
        recall=round(recall, 4),
        f1=round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        legit_flagged=legit_flagged,
        false_positive_rate=legit_flagged / legit_total,
        campaigns=per_campaign,
        confounder_hits=hits,
    )


def evaluate_result(
    result: DetectionResult,
    truth: Mapping[str, str],
    total_accounts: int,
    confounders: Mapping[str, str] | None = None,
) -> Quality:
    return evaluate((c.members for c in result.campaigns), truth, total_accounts, confounders)

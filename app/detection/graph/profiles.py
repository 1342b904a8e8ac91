"""Candidate members' profiles read from the database, one query per batch of accounts."""

from __future__ import annotations

from collections.abc import Iterable

from app.detection.algorithms.profiles import Profile, profile_of
from app.platform.runner import SyncRunner

# Keeps one query's parameter list and result bounded on large candidate sets.
BATCH = 2000


def fetch_profiles(runner: SyncRunner, account_ids: Iterable[str]) -> dict[str, Profile]:
    ids = sorted(set(account_ids))
    out: dict[str, Profile] = {}
    for start in range(0, len(ids), BATCH):
        for row in runner.run("detection/member_profiles", account_ids=ids[start : start + BATCH]):
            p = profile_of(row)
            out[p.account_id] = p
    return out

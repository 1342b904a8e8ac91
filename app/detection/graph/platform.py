"""The platform baselines scoring compares a community with, read once per run."""

from __future__ import annotations

from app.detection.algorithms.scoring import Platform
from app.platform.runner import SyncRunner


def read_platform(runner: SyncRunner) -> Platform:
    rows = runner.run("detection/count_accounts")
    if not rows:
        return Platform(0, 0.0, {})
    rec = rows[0]
    return Platform(
        accounts=int(rec["accounts"]),
        median_requests=float(rec["median_requests"] or 0),
        median_answer_tokens=float(rec["median_answer_tokens"] or 0),
        model_releases={str(m): int(t) for m, t in rec["models"]},
    )

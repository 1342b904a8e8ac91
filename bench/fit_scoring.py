"""Fits the campaign score's weights (`DetectionParams.feature_weights`, `score_bias`) across the scenario
zoo, and reports leave-one-style-out cross-validation for the regularisation it chooses.

    .venv/bin/python bench/fit_scoring.py \\
        --sources dev,own:standard,own:stealthy,heldout,heldout2,heldout3,heldout4,heldout5,heldout6 \\
        --sizes 20000 --seeds 1,2,3 --work DIR [--out FILE.json]

(the seventh round's pool: heldout6, reported on after the sixth round, joined it; heldout7 is held back)

Every (source, size, seed) store is the evaluation harness's (bench/detection_eval.py: generated and
loaded once under --work). On each, the pipeline runs up to scoring with no score threshold and no
recruiting, and every candidate community is kept with its features and what its members really are: a
campaign candidate when most members belong to planted campaigns (its group: their style), benign
otherwise (its group: the benign cohort most of its members belong to, or `background`).

The model is an L2-regularised logistic regression over the features, each candidate weighted by the
square root of its size (a 500-account cohort matters more than a household, but does not drown every
small campaign), classes balanced, and every weight's sign fixed by what its feature means (`FEATURE_SETS`):
more harvesting behaviour never lowers the score, older accounts never raise it, and features an operator
simply declares (a registered organisation) are not scored at all. A sign the data would flip is a fit to
one generator's cohorts, not a property of campaigns. The bounded fit is scipy's L-BFGS-B over the
log-loss. The regularisation is chosen by leave-one-group-out: for each style or cohort, fit without its
candidates and score them, so every figure is on a style the fit never saw.
Never run this on the fresh held-back split (`HELD_BACK`): it exists to measure what this fit does on
styles nobody tuned to. The earlier held-back splits have each been reported on once and are now part of
the pool the fit and its cross-validation draw on: more unlike styles to leave out, none of them unseen.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from _detection_common import store_db
from detection_eval import parse_sets, stores, truth_file
from scipy.optimize import minimize

from app.detection.algorithms import scoring
from app.detection.algorithms.params import DetectionParams
from app.detection.pipeline import find_campaigns
from app.domain.vocabulary import CONTRIBUTION
from scenarios.quality import read_cohorts, read_zoo_truth

# +1: the weight is >= 0; -1: <= 0; 0: either sign. Features not listed are reported, never scored.
BEHAVIOUR: dict[str, int] = {
    "volume": 1,
    "capability_concentration": 1,
    "template_exclusivity": 1,
    "synchrony": 1,
    "new_model_switch": 1,
    "hosting_share": 1,
    "shared_card_density": 1,
    "round_the_clock": 1,
}
# Candidate feature sets, chosen between by the same leave-one-group-out error as the regularisation.
# Never candidates: size (a campaign of 25,000 and a viral prompt's crowd are both big) and what an
# operator simply declares. A set with the registered organisation was tried: cross-validation preferred
# it slightly (0.110 against 0.118) because it clears the dev split's eval lab, but it scored every fake
# start-up (dev dense_infra, a registered organisation of its own) as benign: a score that trusts a
# declaration is one an operator sets. docs/detection-quality.md has both runs.
FEATURE_SETS: dict[str, dict[str, int]] = {
    "behaviour": BEHAVIOUR,
    "behaviour + account age": {**BEHAVIOUR, "account_age": -1},
    # A prepaid, virtual or gift card is what an operation buys in bulk; the type is declared by the
    # card's issuer through the payment processor, not by the account holder.
    "behaviour + account age + payment type": {**BEHAVIOUR, "account_age": -1, "disposable_payment": 1},
    # A harvest is for the answers: how long they are against the platform's ordinary answer, a count the
    # platform itself keeps (not a template or a declaration the operator chooses).
    "behaviour + account age + answer length": {**BEHAVIOUR, "account_age": -1, "answer_length": 1},
    "behaviour + account age + payment type + answer length": {
        **BEHAVIOUR,
        "account_age": -1,
        "disposable_payment": 1,
        "answer_length": 1,
    },
    "behaviour + account age + sign-up pattern": {
        **BEHAVIOUR,
        "account_age": -1,
        "signup_burst": 1,
        "young_accounts": 1,
    },
}
_BOUNDS: dict[int, tuple[float | None, float | None]] = {1: (0.0, None), -1: (None, 0.0), 0: (None, None)}
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
# The decision threshold (DetectionParams.min_score) is chosen with them: classes are balanced in the fit,
# so 0.5 is not the threshold the platform's base rate of campaigns calls for.
THRESHOLDS = (0.5, 0.6, 0.7, 0.8)
# The fresh held-back split: written to be reported on, never fitted on. A split that has been reported on
# after a change is no longer unseen (its misses shaped the next change) and joins the tuning pool; a new
# author's split takes its place (docs/detection-quality.md, "The scenario zoo").
HELD_BACK = frozenset({"heldout7"})


def candidates(
    root: Path, generate: Callable[[Path], None], params: DetectionParams, heap: str, source: str
) -> list[dict[str, Any]]:
    cache = root / f"candidates-{_digest(params)}.json"
    if cache.exists():
        return list(json.loads(cache.read_text()))
    with store_db(root, generate, heap) as (settings, data):
        res = find_campaigns(settings, params)
        _, planted = read_zoo_truth(truth_file(root))
        cohorts = read_cohorts(data / "confounders.csv")
    style = {a: p.style for p in planted for a in p.members}
    out = []
    for c in res.campaigns:
        members = list(c.members)
        in_campaigns = Counter(style[a] for a in members if a in style)
        positive = sum(in_campaigns.values()) * 2 > len(members)
        if positive:
            group = f"{source}/{in_campaigns.most_common(1)[0][0]}"
        else:
            kinds = Counter(cohorts.get(a, "background").split(":")[0] for a in members if a not in style)
            group = f"benign/{kinds.most_common(1)[0][0]}"
        feats = {k: v for k, v in c.features.items() if not k.startswith(CONTRIBUTION)}
        out.append({"size": len(members), "positive": positive, "group": group, "features": feats})
    cache.write_text(json.dumps(out))
    return out


def _digest(params: DetectionParams) -> str:
    """The cache key: the graph stage's parameters and the detection code, Python and Cypher (a new feature,
    or a change to how communities form, needs new rows)."""
    graph_part = params.model_dump(mode="json", exclude={"feature_weights", "score_bias", "min_score"})
    digest = hashlib.sha256(json.dumps(graph_part, sort_keys=True).encode())
    for path in _detection_code():
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _detection_code() -> list[Path]:
    package = Path(scoring.__file__).resolve().parents[1]  # app/detection
    cypher = package.parents[1] / "cypher" / "detection"
    return sorted([*package.rglob("*.py"), *cypher.glob("*.cypher")])


def design(
    rows: list[dict[str, Any]], features: tuple[str, ...]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x = np.array([[r["features"].get(f, 0.0) for f in features] for r in rows], dtype=float)
    y = np.array([1 if r["positive"] else 0 for r in rows])
    w = np.array([math.sqrt(r["size"]) for r in rows], dtype=float)
    return x, y, w


class Model:
    """A fitted logistic model: weights per feature (sorted by name) and a bias."""

    def __init__(self, weights: np.ndarray, bias: float) -> None:
        self.weights = weights
        self.bias = bias

    def predict(self, x: np.ndarray) -> np.ndarray:
        return np.asarray(1.0 / (1.0 + np.exp(-(x @ self.weights + self.bias))))


def fit(rows: list[dict[str, Any]], c: float, signs: dict[str, int]) -> Model:
    features = tuple(sorted(signs))
    x, y, w = design(rows, features)
    # Balanced classes: each class carries half the total sample weight.
    for cls in (0, 1):
        mask = y == cls
        if mask.any():
            w = np.where(mask, w * (0.5 * w.sum() / w[mask].sum()), w)
    w = w / w.mean()
    n = len(features)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ theta[:n] + theta[n]
        # log(1 + e^z) - y z, stably; its gradient is (sigmoid(z) - y).
        nll = np.logaddexp(0.0, z) - y * z
        r = 1.0 / (1.0 + np.exp(-z)) - y
        value = float(np.sum(w * nll)) + 0.5 / c * float(theta[:n] @ theta[:n])
        grad = np.append(x.T @ (w * r) + theta[:n] / c, np.sum(w * r))
        return value, grad

    bounds = [_BOUNDS[signs[f]] for f in features]
    res = minimize(loss, np.zeros(n + 1), jac=True, method="L-BFGS-B", bounds=[*bounds, (None, None)])
    return Model(res.x[:n], float(res.x[n]))


def loso(
    rows: list[dict[str, Any]], c: float, signs: dict[str, int], thresholds: tuple[float, ...]
) -> dict[float, dict[str, tuple[int, int, int]]]:
    """threshold -> group -> (accounts in its candidates, accounts scored as campaigns, candidates); each
    group scored by a fit that never saw it."""
    out: dict[float, dict[str, tuple[int, int, int]]] = {t: {} for t in thresholds}
    for g in sorted({r["group"] for r in rows}):
        train = [r for r in rows if r["group"] != g]
        test = [r for r in rows if r["group"] == g]
        if len({r["positive"] for r in train}) < 2:
            continue
        model = fit(train, c, signs)
        x, _, _ = design(test, tuple(sorted(signs)))
        p = model.predict(x)
        for t in thresholds:
            flagged = sum(r["size"] for r, pi in zip(test, p, strict=True) if pi >= t)
            out[t][g] = (sum(r["size"] for r in test), flagged, len(test))
    return out


def loso_error(table: dict[str, tuple[int, int, int]]) -> float:
    """Mean over groups of the share of accounts on the wrong side: campaigns missed, benign flagged."""
    errs = []
    for g, (n, flagged, _) in table.items():
        errs.append((n - flagged) / n if not g.startswith("benign/") else flagged / n)
    return float(np.mean(errs)) if errs else 1.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", default="dev,own:standard,own:stealthy")
    ap.add_argument("--sizes", default="20000")
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--requests-per-account", type=float, default=12.0)
    ap.add_argument("--heap", default="4g")
    ap.add_argument("--set", action="append", default=[], help="a graph-stage DetectionParams field=JSON")
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=Path("bench/out/fit_scoring.json"))
    args = ap.parse_args()
    if HELD_BACK & set(args.sources.split(",")):
        raise SystemExit(f"the held-back split ({', '.join(sorted(HELD_BACK))}) is never fitted on")
    params = DetectionParams().model_copy(update={**parse_sets(args.set), "min_score": 0.0, "recruit": False})
    rows: list[dict[str, Any]] = []
    for source, _, _, root, gen in stores(
        args.work, args.sources, args.sizes, args.seeds, args.requests_per_account
    ):
        rows += candidates(root, gen, params, args.heap, source)
    print(f"{len(rows)} candidates, {sum(r['positive'] for r in rows)} campaign ones")
    errors: dict[str, float] = {}
    tables: dict[str, dict[str, tuple[int, int, int]]] = {}
    choice: dict[str, tuple[str, float, float]] = {}
    for name, signs in FEATURE_SETS.items():
        for c in C_GRID:
            for t, table in loso(rows, c, signs, THRESHOLDS).items():
                key = f"{name} / C={c} / min_score={t}"
                errors[key], tables[key], choice[key] = loso_error(table), table, (name, c, t)
    # Ties go to the smaller feature set, the stronger regularisation and the lower threshold (listed first).
    best = min(errors, key=lambda k: round(errors[k], 4))
    best_set, best_c, threshold = choice[best]
    signs = FEATURE_SETS[best_set]
    print("leave-one-group-out error:")
    for key, e in errors.items():
        print(f"  {key}: {e:.4f}")
    print("chosen:", best)
    table = tables[best]
    print("\n| group | candidates | accounts | scored as campaign (left out of the fit) |")
    print("|---|---|---|---|")
    for g, (n, flagged, k) in table.items():
        print(f"| {g} | {k} | {n} | {flagged} ({flagged / n:.1%}) |")
    model = fit(rows, best_c, signs)
    weights = {f: round(float(w), 3) for f, w in zip(sorted(signs), model.weights, strict=True)}
    bias = round(model.bias, 3)
    print("\nweights:", json.dumps(weights, indent=1), "\nbias:", bias)
    print(
        "\n--set feature_weights='" + json.dumps(weights) + f"' --set score_bias={bias}"
        f" --set min_score={threshold}"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {
                "features": best_set,
                "C": best_c,
                "min_score": threshold,
                "errors": errors,
                "loso": table,
                "weights": weights,
                "bias": bias,
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()

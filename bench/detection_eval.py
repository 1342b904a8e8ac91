"""Detection quality over the scenario zoo: styles x seeds x sizes, reported per style, per planted
campaign and per benign cohort, with attribution — the figures of docs/detection-quality.md.

    .venv/bin/python bench/detection_eval.py --sources dev,heldout,own:standard --sizes 20000 \\
        --seeds 1,2,3 --work DIR [--set resolution=2.0 --set min_score=0.4] [--out FILE.json]

Sources: `dev` and `heldout` … `heldout7` are the zoo's splits (`scenarios/`); `own:NAME` the own generator's
scenario NAME; `script:PATH` a stand-alone generator run as `python PATH OUT --accounts N --seed S`
(ground truth in `OUT.truth.csv` beside the directory, or `OUT/truth.csv`). Each (source, size, seed) is
generated and loaded once into its own Neo4j under --work and kept. Every evaluated parameter set starts
from no previous run (campaigns and runs are cleared first), goes through the real run — find, persist,
attribute — and is read back the way `linkwatch export campaigns` reads it.

The fresh held-back split is for reporting only: never choose a parameter on it (docs/detection-quality.md).
"""

from __future__ import annotations

import argparse
import importlib
import json
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from _detection_common import store_db

from app.detection.algorithms.params import DetectionParams
from app.jobs.runner import run_detection
from app.platform.cypher import q
from app.platform.driver import sync_driver
from app.platform.settings import Settings
from scenarios.quality import (
    FoundCampaign,
    ScenarioQuality,
    evaluate_zoo,
    found_from_export,
    read_cohorts,
    read_zoo_truth,
)
from scenarios.standard.generator import simulate


def generator(source: str, accounts: int, seed: int, rpa: float) -> Callable[[Path], None]:
    if source.startswith("own:"):
        name = source.removeprefix("own:")

        def run_own(data: Path) -> None:
            simulate(data, scenario=name, accounts=accounts, seed=seed, requests_per_account=rpa)

        return run_own
    if source.startswith("script:"):
        script = Path(source.removeprefix("script:")).resolve()

        def run_script(data: Path) -> None:
            cmd = [sys.executable, str(script), str(data), "--accounts", str(accounts), "--seed", str(seed)]
            subprocess.run(cmd, check=True)
            beside = data.with_name(data.name + ".truth.csv")
            if beside.exists():
                # Kept out of the data directory: the loader would warn about an unknown kind.
                shutil.move(beside, data.parent / "truth.csv")

        return run_script
    module = importlib.import_module(f"scenarios.{source}")
    return lambda data: module.generate(data, accounts, seed, requests_per_account=rpa)


def stores(
    work: Path, sources: str, sizes: str, seeds: str, rpa: float
) -> Iterator[tuple[str, int, int, Path, Callable[[Path], None]]]:
    """(source, size, seed, store root, generator) for every combination asked for, in order."""
    for source in sources.split(","):
        for size in (int(s) for s in sizes.split(",")):
            for seed in (int(s) for s in seeds.split(",")):
                tag = source.replace(":", "-").replace("/", "_")
                yield source, size, seed, work / f"{tag}-{size}-s{seed}", generator(source, size, seed, rpa)


def truth_file(root: Path) -> Path:
    for cand in (root / "truth.csv", root / "data" / "truth.csv"):
        if cand.exists():
            return cand
    raise FileNotFoundError(f"no truth.csv under {root}")


def found_campaigns(settings: Settings) -> list[FoundCampaign]:
    with (
        sync_driver(settings) as driver,
        driver.session(database=settings.neo4j_database, notifications_min_severity="OFF") as s,
    ):
        return found_from_export(s.run(q("detection/export_campaigns")))


def count_accounts(settings: Settings) -> int:
    with (
        sync_driver(settings) as driver,
        driver.session(database=settings.neo4j_database, notifications_min_severity="OFF") as s,
    ):
        rec = s.run(q("detection/count_accounts")).single()
        return int(rec["accounts"]) if rec else 0


def evaluate_once(settings: Settings, root: Path, params: DetectionParams) -> tuple[ScenarioQuality, float]:
    with (
        sync_driver(settings) as driver,
        driver.session(database=settings.neo4j_database, notifications_min_severity="OFF") as s,
    ):
        s.run(q("bench/clear_detection")).consume()
    t = time.perf_counter()
    run_detection(settings, trigger="eval", params=params)
    seconds = time.perf_counter() - t
    _, planted = read_zoo_truth(truth_file(root))
    cohorts = read_cohorts(root / "data" / "confounders.csv")
    quality = evaluate_zoo(found_campaigns(settings), planted, count_accounts(settings), cohorts)
    return quality, seconds


def parse_sets(items: Iterable[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in items:
        key, _, value = item.partition("=")
        out[key] = json.loads(value)
    return out


def style_table(rows: list[dict[str, Any]]) -> list[str]:
    by_style: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        for p in r["quality"]["planted"]:
            by_style[(r["source"], p["style"])].append(p)
    lines = [
        "| source | style | campaigns | mean F1 | min F1 | max pieces | found | attribution |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for (src, style), ps in sorted(by_style.items()):
        found = [p for p in ps if p["found_actor"] is not None]
        attr = [p for p in found if p["attribution_correct"]]
        lines.append(
            f"| {src} | {style} | {len(ps)} | {statistics.mean(p['f1'] for p in ps):.3f} | "
            f"{min(p['f1'] for p in ps):.3f} | {max(p['pieces'] for p in ps)} | {len(found)}/{len(ps)} | "
            f"{len(attr)}/{len(found)} |"
        )
    return lines


def attribution_table(rows: list[dict[str, Any]]) -> list[str]:
    """Attribution over found campaigns, per source: an operator due, and no one due."""
    acc: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for r in rows:
        for p in r["quality"]["planted"]:
            if p["attribution_correct"] is None:
                continue
            i = 0 if p["expected_actor"] else 2
            acc[r["source"]][i] += int(p["attribution_correct"])
            acc[r["source"]][i + 1] += 1
    lines = ["| source | operator due: right | no one due: right | all |", "|---|---|---|---|"]
    for src, (a, n, b, m) in sorted(acc.items()):
        lines.append(f"| {src} | {a}/{n} | {b}/{m} | {(a + b) / max(n + m, 1):.2f} |")
    return lines


def cohort_table(rows: list[dict[str, Any]]) -> list[str]:
    """Legitimate accounts flagged per benign cohort kind, summed over the runs of each source."""
    sums: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        for kind, (flagged, size) in r["quality"]["cohorts"].items():
            sums[(r["source"], kind)][0] += flagged
            sums[(r["source"], kind)][1] += size
    lines = ["| source | benign cohort | flagged / accounts |", "|---|---|---|"]
    lines += [f"| {src} | {kind} | {f} / {n} |" for (src, kind), (f, n) in sorted(sums.items())]
    return lines


def scenario_table(rows: list[dict[str, Any]]) -> list[str]:
    lines = [
        "| source | size | seed | precision | recall | F1 | legit flagged | per 2,000 legit | cohorts hit "
        "| s |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        qd = r["quality"]
        hit = ", ".join(f"{k} {f}/{n}" for k, (f, n) in qd["cohorts"].items() if f) or "none"
        hit = hit if len(hit) < 120 else hit[:117] + "..."
        lines.append(
            f"| {r['source']} | {r['size']:,} | {r['seed']} | {qd['precision']:.3f} | {qd['recall']:.3f} | "
            f"{qd['f1']:.3f} | {qd['legit_flagged']} | {qd['legit_per_2000']:.2f} | {hit} | "
            f"{r['seconds']:.0f} |"
        )
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", default="dev")
    ap.add_argument("--sizes", default="20000")
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--requests-per-account", type=float, default=12.0)
    ap.add_argument("--heap", default="4g")
    ap.add_argument("--set", action="append", default=[], help="a DetectionParams field=JSON value")
    ap.add_argument("--work", type=Path, required=True, help="scenario data and stores, kept between runs")
    ap.add_argument("--out", type=Path, default=Path("bench/out/detection_eval.json"))
    args = ap.parse_args()
    params = DetectionParams().model_copy(update=parse_sets(args.set))
    rows: list[dict[str, Any]] = []
    for source, size, seed, root, gen in stores(
        args.work, args.sources, args.sizes, args.seeds, args.requests_per_account
    ):
        with store_db(root, gen, args.heap) as (settings, _):
            quality, seconds = evaluate_once(settings, root, params)
        rows.append(
            {
                "source": source,
                "size": size,
                "seed": seed,
                "seconds": seconds,
                "quality": quality.model_dump(),
            }
        )
        print("\n".join(scenario_table(rows[-1:])[2:]), flush=True)
    tables = (scenario_table, style_table, cohort_table, attribution_table)
    print("\n\n".join("\n".join(t(rows)) for t in tables))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"params": args.set, "runs": rows}, indent=1))


if __name__ == "__main__":
    main()

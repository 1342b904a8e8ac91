"""Detection quality against the generator's ground truth, per scenario and per planted campaign, with an
ablation that switches off one signal family at a time.

    .venv/bin/python bench/detection_quality.py --scenarios standard,stealthy --accounts 20000 --work DIR

Each scenario is generated and loaded once into its own Neo4j under --work (kept for later runs). Prints
Markdown tables for docs/benchmarks.md and writes the figures as JSON.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from _detection_common import scenario_db

from app.detection.algorithms.params import DetectionParams
from app.detection.pipeline import find_campaigns
from scenarios.quality import Quality, evaluate, read_confounders, read_truth


def _row(name: str, q: Quality) -> str:
    hits = ", ".join(f"{k} ({v})" for k, v in q.confounder_hits.items()) or "none"
    return (
        f"| {name} | {q.precision:.3f} | {q.recall:.3f} | {q.f1:.3f} | {q.legit_flagged} | "
        f"{q.false_positive_rate * 2000:.2f} | {hits} |"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scenarios", default="standard,stealthy")
    ap.add_argument("--accounts", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--requests-per-account", type=float, default=25.0, help="mean organic requests (log size)"
    )
    ap.add_argument("--heap", default="4g")
    ap.add_argument("--no-ablation", action="store_true")
    ap.add_argument(
        "--without-template-merge",
        action="store_true",
        help="also run without recruiting through own templates, and without that and the template merge "
        "(the pipeline before both; part of the full ablation anyway)",
    )
    ap.add_argument("--work", type=Path, required=True, help="scenario data and stores, kept between runs")
    ap.add_argument("--out", type=Path, default=Path("bench/out/detection_quality.json"))
    args = ap.parse_args()
    base = DetectionParams()
    report: dict[str, Any] = {}
    for scenario in args.scenarios.split(","):
        with scenario_db(
            args.work, scenario, args.accounts, args.seed, args.heap, args.requests_per_account
        ) as (settings, data):
            truth, conf = read_truth(data / "truth.csv"), read_confounders(data / "confounders.csv")
            variants = {"all families": base}
            if not args.no_ablation:
                variants |= {f"without {f}": base.without(f) for f in base.active_families()}
            if not args.no_ablation or args.without_template_merge:
                variants["without recruiting"] = base.model_copy(update={"recruit": False})
                variants["without template merge or recruiting"] = base.model_copy(
                    update={"template_merge": False, "recruit": False}
                )
            results: dict[str, Any] = {}
            lines = [
                f"### {scenario}, {args.accounts:,} accounts (seed {args.seed})",
                "",
                "| run | precision | recall | F1 | legit flagged | per 2,000 legit | confounders hit |",
                "|---|---|---|---|---|---|---|",
            ]
            for name, params in variants.items():
                res = find_campaigns(settings, params)
                q = evaluate((c.members for c in res.campaigns), truth, args.accounts, conf)
                results[name] = {"quality": q.model_dump(), "timings": res.timings, "graph": res.graph}
                lines.append(_row(name, q))
                if name == "all families":
                    per = ["", "| campaign | size | precision | recall | F1 |", "|---|---|---|---|---|"]
                    per += [
                        f"| {c.campaign_id} | {c.size} | {c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f} |"
                        for c in q.campaigns
                    ]
            print("\n".join([*lines, *per, ""]), flush=True)
            report[scenario] = results
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, default=float))


if __name__ == "__main__":
    main()

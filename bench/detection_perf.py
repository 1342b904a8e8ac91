"""Detection performance: the GDS path against an in-process igraph/leidenalg baseline, in the same run.

    .venv/bin/python bench/detection_perf.py --sizes 20000,50000 --work DIR

For each size the `standard` scenario is generated and loaded once into its own Neo4j under --work (kept
for later runs; loading is measured by the loader benchmark, not here). Then, per run:
  GDS path   `find_campaigns`: projection (Cypher aggregation into GDS), communities (Leiden in GDS),
             links streamed back, membership, member profiles, scoring; peak JVM heap sampled.
  baseline   what a user without GDS would do: export every account-entity link over the driver, build the
             same weighted graph in Python (same rarity weights, cut-offs, sampling, lockstep weight, minimum
             evidence), Leiden with leidenalg (same resolution and seed), write the communities back.
The ratio compares the graph-and-communities part of both (GDS: projection + communities + links;
baseline: export + build + cluster); write-back is reported separately. Sizes are an option: the target
is 1M accounts; on a shared 2-core machine run what fits.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import statistics
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import igraph as ig
import leidenalg
import numpy as np
from _detection_common import HeapSampler, scenario_db

from app.detection.algorithms.params import DetectionParams
from app.detection.pipeline import find_campaigns
from app.platform.cypher import q
from app.platform.driver import sync_driver
from app.platform.settings import Settings


def baseline(settings: Settings, params: DetectionParams) -> dict[str, float]:
    t = {}
    t0 = time.perf_counter()
    entities: dict[tuple[str, str], list[tuple[str, list[int]]]] = defaultdict(list)
    with sync_driver(settings) as driver, driver.session() as s:
        n_accounts = int(s.run("MATCH (a:Account) RETURN count(a) AS n").single()["n"])  # type: ignore[index]
        for r in s.run(q("bench/export_memberships")):
            entities[(r["family"], r["entity"])].append((r["account_id"], r["hours"]))
    t["export"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    fam = params.families
    n = float(max(n_accounts, 3))
    tmpl_max = max(
        (fam[f].max_degree(n_accounts) for f in ("template", "synchrony") if fam[f].enabled), default=0
    )
    index: dict[str, int] = {}
    src: list[int] = []
    dst: list[int] = []
    wts: list[float] = []
    k, chords = params.sample_k, params.sample_chords
    for (family, _), members in entities.items():
        is_tmpl = family == "template"
        if is_tmpl:
            if not (fam["template"].enabled or fam["synchrony"].enabled):
                continue
            fw = fam["template"].weight if fam["template"].enabled else 0.0
            sw = fam["synchrony"].weight if fam["synchrony"].enabled else 0.0
            cap = tmpl_max
        else:
            if not fam[family].enabled:
                continue
            fw, sw, cap = fam[family].weight, 0.0, fam[family].max_degree(n_accounts)
        d = len(members)
        if d < 2 or d > cap:
            continue
        members.sort()
        w = fw * (math.log(n / d) / math.log(n / 2.0)) ** params.rarity_exponent
        ids = [index.setdefault(a, len(index)) for a, _ in members]
        hours = [set(h) for _, h in members] if sw > 0 else []
        for i in range(d):
            if d <= 2 * k + 1:
                js = range(i + 1, d)
            else:
                offs = list(range(1, k + 1)) + [
                    c * d // (2 * (chords + 1))
                    for c in range(1, chords + 1)
                    if c * d // (2 * (chords + 1)) > k
                ]
                js = [(i + o) % d for o in offs]  # type: ignore[assignment]
            for j in js:
                pw = w
                if sw > 0 and hours[i] and hours[j]:
                    pw += sw * len(hours[i] & hours[j]) / len(hours[i] | hours[j])
                a, b = (ids[i], ids[j]) if members[i][0] < members[j][0] else (ids[j], ids[i])
                src.append(a)
                dst.append(b)
                wts.append(pw)
    sa, da, wa = np.array(src, dtype=np.int64), np.array(dst, dtype=np.int64), np.array(wts)
    keys, inv = np.unique(sa * len(index) + da, return_inverse=True)
    weight = np.bincount(inv, wa)
    keep = weight >= params.min_pair_weight
    ea, eb = keys[keep] // len(index), keys[keep] % len(index)
    used = np.unique(np.concatenate([ea, eb]))
    remap = np.full(len(index), -1, dtype=np.int64)
    remap[used] = np.arange(len(used))
    g = ig.Graph(n=len(used), edges=np.column_stack([remap[ea], remap[eb]]).tolist())
    g.es["weight"] = weight[keep].tolist()
    t["build"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    part = leidenalg.find_partition(
        g,
        leidenalg.RBConfigurationVertexPartition,
        weights="weight",
        resolution_parameter=params.resolution,
        seed=params.seed,
    )
    t["cluster"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    names = np.empty(len(index), dtype=object)
    for a, i in index.items():
        names[i] = a
    rows = [
        {"account_id": names[v], "community": int(c)}
        for v, c in zip(used.tolist(), part.membership, strict=True)
    ]
    with sync_driver(settings) as driver, driver.session() as s:
        for start in range(0, len(rows), 10_000):
            s.run(q("bench/write_communities"), rows=rows[start : start + 10_000]).consume()
        t["write_back"] = time.perf_counter() - t0
        s.run(q("bench/clear_communities")).consume()
    t["links"] = float(int(keep.sum()))
    t["accounts"] = float(len(used))
    t["communities"] = float(len(set(part.membership)))
    return t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="20000,50000", help="accounts per size, comma-separated")
    ap.add_argument("--scenario", default="standard")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--requests-per-account", type=float, default=25.0, help="mean organic requests (log size)"
    )
    ap.add_argument("--runs", type=int, default=1, help="runs per size (medians reported)")
    ap.add_argument("--heap", default="4g")
    ap.add_argument("--work", type=Path, required=True, help="scenario data and stores, kept between runs")
    ap.add_argument("--out", type=Path, default=Path("bench/out/detection_perf.json"))
    ap.add_argument(
        "--bulk", action="store_true", help="first load by `load --bulk` (empty store): for 1M accounts"
    )
    ap.add_argument("--no-baseline", action="store_true", help="time the GDS path only")
    args = ap.parse_args()
    params = DetectionParams()
    report: list[dict[str, Any]] = []
    for size in (int(x) for x in args.sizes.split(",")):
        with scenario_db(
            args.work, args.scenario, size, args.seed, args.heap, args.requests_per_account, args.bulk
        ) as (settings, _):
            gds_runs, base_runs, heaps = [], [], []
            # The first run after start-up pays for Cypher planning and JIT warm-up: reported apart.
            t0 = time.perf_counter()
            find_campaigns(settings, params)
            cold = time.perf_counter() - t0
            for _ in range(args.runs):
                with HeapSampler(settings) as heap:
                    t0 = time.perf_counter()
                    res = find_campaigns(settings, params)
                    total = time.perf_counter() - t0
                heaps.append(heap.peak_bytes)
                gds_runs.append(res.timings | {"total": total})
                if not args.no_baseline:
                    base_runs.append(baseline(settings, params))
            gds = {k: statistics.median(r[k] for r in gds_runs) for k in gds_runs[0]}
            base = {k: statistics.median(r[k] for r in base_runs) for k in base_runs[0]} if base_runs else {}
            gds_graph = gds["projection"] + gds["communities"] + gds["links"]
            base_graph = base["export"] + base["build"] + base["cluster"] if base else float("nan")
            row = {
                "accounts": size,
                "gds_cold_first_run_total": cold,
                "gds": gds,
                "gds_graph": res.graph,
                "gds_peak_heap_mib": max(heaps) / 2**20,
                "baseline": base,
                "baseline_peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "ratio_graph_and_communities": base_graph / gds_graph if gds_graph and base else float("nan"),
            }
            report.append(row)
            print(json.dumps(row, indent=1, default=float))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, default=float))


if __name__ == "__main__":
    main()

"""Scenario generator at scale: wall time, request rows per second and peak memory.

Baseline, measured in the same run: rendering prompts one row at a time in Python (what a naive
generator would do), against the Arrow-vectorised renderer the generator uses.

    .venv/bin/python bench/simulate_scale.py --accounts 1000000 --requests-per-account 25
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

from scenarios.standard import simulate
from scenarios.standard.prompt_families import ALL_FAMILIES, fill_choices
from scenarios.standard.rendering import render_templates


def _naive_render(fams: list[int], variants: list[int], rng: random.Random) -> list[str]:
    values = {
        "num": lambda: str(rng.randint(1, 4999)),
        "few": lambda: str(rng.randint(2, 12)),
        "dec": lambda: f"{rng.randint(0, 99)}.{rng.randint(0, 99)}",
        "qstr": lambda: "the quarterly report is late",
        "qlong": lambda: "The customer wrote that the order never arrived. Please keep the tone friendly.",
        "code": lambda: f"```\ndef add(a, b):\n    return a - b\n# case {rng.randint(1, 9999)}\n```",
        "url": lambda: f"https://example.org/docs/{rng.randint(1, 99999)}",
        "email": lambda: f"alex{rng.randint(1, 999)}@example.com",
        "org": lambda: "Example Corp",
    }
    out = []
    for f, v in zip(fams, variants, strict=True):
        text = fill_choices(ALL_FAMILIES[f].text, v)
        for kind, make in values.items():
            while "{" + kind + "}" in text:
                text = text.replace("{" + kind + "}", make(), 1)
        out.append(text)
    return out


def render_comparison(rows: int, repeats: int) -> tuple[float, float]:
    rng = np.random.default_rng(1)
    fams = rng.integers(0, len(ALL_FAMILIES), rows).astype(np.int32)
    variants = (rng.random(rows) * np.array([ALL_FAMILIES[f].variants for f in fams])).astype(np.int32)
    org = pa.array(["Example Corp"] * rows)
    fast, slow = [], []
    for _ in range(repeats):
        t0 = time.perf_counter()
        render_templates(fams, variants, rng, org)
        fast.append(rows / (time.perf_counter() - t0))
        t0 = time.perf_counter()
        _naive_render(fams.tolist(), variants.tolist(), random.Random(1))
        slow.append(rows / (time.perf_counter() - t0))
    return statistics.median(fast), statistics.median(slow)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--accounts", type=int, default=100_000)
    ap.add_argument("--requests-per-account", type=float, default=25.0)
    ap.add_argument("--scenario", default="standard")
    ap.add_argument("--render-rows", type=int, default=200_000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--keep", type=Path, default=None, help="write here and keep the output")
    args = ap.parse_args()

    fast, slow = render_comparison(args.render_rows, args.repeats)
    out = args.keep or Path(tempfile.mkdtemp(prefix="lw-sim-bench-"))
    try:
        s = simulate(
            out, args.scenario, args.accounts, seed=1, requests_per_account=args.requests_per_account
        )
        rows = sum(v for k, v in s.files.items() if k.startswith("requests"))
        size = sum(p.stat().st_size for p in out.iterdir()) / 2**20
    finally:
        if args.keep is None:
            shutil.rmtree(out, ignore_errors=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"scenario={args.scenario} accounts={s.accounts:,} requests={rows:,} output={size:,.0f} MiB")
    print(f"wall={s.seconds:.1f}s  rows/s={rows / s.seconds:,.0f}  peak_rss={peak:,.0f} MiB")
    print(f"prompt rendering rows/s: vectorised={fast:,.0f} naive={slow:,.0f} ratio={fast / slow:.1f}x")


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Every benchmark at the sizes recorded in docs/benchmarks.md. Each script starts what it needs
# (its own Neo4j on a free port under a temporary home) and prints its figures; sizes are options.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
OUT=bench/out
mkdir -p "$OUT"

$PY bench/runtime_startup.py --runs 3
$PY bench/simulate_scale.py --accounts 100000 --requests-per-account 25

DATA="$OUT/standard-200k"
if [ ! -f "$DATA/.simulated" ]; then
  .venv/bin/linkwatch simulate --out "$DATA" --scenario standard --accounts 200000 --seed 3 --requests-per-account 7
fi
$PY bench/load_bench.py --data "$DATA" --baseline-rows 2000 --warmup
$PY bench/import_ceiling.py --data "$DATA"
$PY bench/mining_bench.py --data "$DATA"
$PY bench/detection_quality.py --scenarios standard,stealthy --accounts 10000 --work "$OUT/detection"
$PY bench/detection_perf.py --sizes 20000,50000 --requests-per-account 10 --work "$OUT/detection"
# The 1M-account targets (stores are kept under --work; the first call generates and loads them).
$PY bench/detection_perf.py --sizes 250000,500000,1000000 --requests-per-account 2 --runs 1 --heap 7g --work "$OUT/detection"
# Bulk first load of the 1M scenario generated above (accounts, ip_links, payment_links).
$PY bench/load_bench.py --data "$OUT/detection/standard-1000000-s7-r2/data" --bulk --repeats 3 --baseline-rows 3000
$PY bench/detection_quality.py --scenarios standard --accounts 500000 --seed 7 --requests-per-account 2 --heap 6g --no-ablation --without-template-merge --work "$OUT/detection"
$PY bench/persist_switch.py --accounts 200000 --member-share 0.25 --campaigns 50 --repeats 2
$PY bench/alerts_bench.py --accounts 20000 --campaigns 500 --size 25 --watches 200
# The API's load generator is wrk when installed (apt-get install wrk), else a Python client.
$PY bench/api_latency.py --accounts 1000000 --workers 2 --duration 10 --warmup 3 --heap 3g --work "$OUT/api"
$PY bench/console_speed.py --accounts 5000 --noise 20000 --runs 5

#!/usr/bin/env bash
# The main job end to end on a fresh machine: Neo4j + GDS, schema, demo data, detection, API, worker.
# Safe to run again: the load is idempotent, detection keeps campaign ids, the API and worker are restarted.
set -euo pipefail
cd "$(dirname "$0")/.."
LW=.venv/bin/linkwatch
HOME_DIR="${LINKWATCH_HOME:-./.linkwatch}"
DEMO="$HOME_DIR/demo-data"
PORT="${LINKWATCH_API_PORT:-8000}"
HOST="${LINKWATCH_API_HOST:-127.0.0.1}"

echo "== Neo4j 5.26 + GDS 2.13 (Docker-less)"
if ! $LW neo4j status >/dev/null 2>&1; then
  $LW neo4j start
fi
$LW db init

echo "== demo scenario → $DEMO"
$LW simulate --out "$DEMO" --scenario demo --seed 7

echo "== load"
$LW load "$DEMO"

echo "== detection"
$LW detect --wait 600

echo "== GraphQL API"
$LW serve-stop >/dev/null 2>&1 || true
KEY=$($LW keys create --name "make-run-$(date -u +%Y%m%dT%H%M%S)" --role analyst 2>/dev/null)
$LW serve --detach

echo "== detection worker (executes the runs the API queues)"
$LW worker-stop >/dev/null 2>&1 || true
$LW worker --detach
ACCOUNT=$(awk -F, 'NR==2 {print $1}' "$DEMO/truth.csv")

cat <<MSG

Linkwatch is up. An analyst key was created for you (shown only now):

  export LINKWATCH_KEY='$KEY'

Which campaign is account $ACCOUNT part of, who is behind it, and on what evidence:

  curl -s http://$HOST:$PORT/graphql -H "Authorization: Bearer \$LINKWATCH_KEY" \\
    -H 'content-type: application/json' \\
    -d '{"query":"{ attribution(account: \"$ACCOUNT\") { campaigns { campaign { id status score size capability } confidence } actors { actor { name } confidence } } }"}'

Campaigns:

  curl -s http://$HOST:$PORT/graphql -H "Authorization: Bearer \$LINKWATCH_KEY" \\
    -H 'content-type: application/json' \\
    -d '{"query":"{ campaigns(first: 10) { totalCount edges { node { id status score size capability } } } }"}'

A run queued with the triggerDetectionRun mutation is executed by the worker
(log: $HOME_DIR/logs/worker.log); \`linkwatch runs\` shows the history.

Stop everything with: make stop

The analyst console (sign in with the key above; it stays in that browser tab only):

  http://$HOST:$PORT/
MSG

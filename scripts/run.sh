#!/usr/bin/env bash
# The main job end to end on a fresh machine: Neo4j + GDS, schema, demo data, detection, API.
set -euo pipefail
cd "$(dirname "$0")/.."
LW=.venv/bin/linkwatch

if ! $LW neo4j status >/dev/null 2>&1; then
  $LW neo4j start
fi
$LW db init

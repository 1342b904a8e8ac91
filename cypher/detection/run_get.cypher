// name: detection/run_get
// description: One detection run with all its properties.
// mode: read
MATCH (r:DetectionRun {run_id: $run_id})
RETURN r {.*} AS run

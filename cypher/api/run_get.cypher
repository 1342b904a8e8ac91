// name: api/run_get
// description: One detection run by id.
// mode: read
MATCH (r:DetectionRun {run_id: $run_id})
RETURN r {.*} AS run

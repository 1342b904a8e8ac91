// name: detection/run_fail
// description: Marks a run as failed with its error; the previous result stays the current one.
// mode: write
MATCH (r:DetectionRun {run_id: $run_id})
SET r.status = 'failed', r.finished_at = datetime(), r.error = $error, r.timings = $timings,
    r.params = coalesce($params, r.params)
RETURN r.run_id AS run_id

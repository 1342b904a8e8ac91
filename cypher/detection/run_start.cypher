// name: detection/run_start
// description: Marks a queued run as running (only a queued run can start, so a run never runs twice).
// mode: write
MATCH (r:DetectionRun {run_id: $run_id})
WHERE r.status = 'queued'
SET r.status = 'running', r.started_at = datetime(), r.pid = $pid, r.host = $host
RETURN r.run_id AS run_id

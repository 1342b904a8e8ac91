// name: detection/run_claim
// description: Claims the oldest queued run for a worker (queued -> running); concurrent claims never get the same run.
// mode: write
MATCH (c:DetectionRun)
WHERE c.status = 'queued'
WITH c
ORDER BY c.queued_at, c.run_id
LIMIT 1
// Write-lock the candidate before checking it again: a concurrent claim of the same run blocks here until
// the first commits. The check is a fresh MATCH so it reads the committed status, not one read earlier.
SET c._claim_lock = true
REMOVE c._claim_lock
WITH c.run_id AS candidate
MATCH (r:DetectionRun {run_id: candidate})
WHERE r.status = 'queued'
SET r.status = 'running', r.started_at = datetime(), r.pid = $pid, r.host = $host, r.worker = $worker
RETURN r.run_id AS run_id, r.trigger AS trigger, r.requested_by AS requested_by,
       coalesce(r.kind, 'full') AS kind

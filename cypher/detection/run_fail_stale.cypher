// name: detection/run_fail_stale
// description: Runs still marked running when the lock is free belong to a process that died: marks them failed.
// mode: write
MATCH (r:DetectionRun)
WHERE r.status = 'running'
SET r.status = 'failed', r.finished_at = datetime(), r.error = $error
RETURN r.run_id AS run_id
ORDER BY run_id

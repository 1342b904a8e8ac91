// name: detection/run_last_full
// description: The latest successful full run; runs recorded before run kinds existed do not count (nothing stamped their loads).
// mode: read
MATCH (r:DetectionRun)
WHERE r.status = 'succeeded' AND r.kind = 'full'
RETURN r.run_id AS run_id
ORDER BY r.finished_at DESC
LIMIT 1

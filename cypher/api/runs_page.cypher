// name: api/runs_page
// description: One page of detection runs, newest first, with the total matching the status filter.
// mode: read
MATCH (r:DetectionRun)
WHERE $status IS NULL OR r.status = $status
WITH r ORDER BY coalesce(r.started_at, r.queued_at) DESC, r.run_id DESC
WITH collect(r) AS runs
RETURN size(runs) AS total, [r IN runs[$skip..($skip + $limit)] | r {.*}] AS rows

// name: detection/run_list
// description: Run history, newest first.
// mode: read
MATCH (r:DetectionRun)
RETURN r {.*} AS run
ORDER BY coalesce(r.started_at, r.queued_at) DESC, r.run_id DESC
LIMIT $limit

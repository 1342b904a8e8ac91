// name: api/metrics_runs
// description: Detection runs grouped by status and trigger, with the durations of finished ones bucketed for /metrics.
// params: buckets
// mode: read
MATCH (r:DetectionRun)
WITH r.status AS status, coalesce(r.trigger, 'unknown') AS trigger,
     CASE WHEN r.started_at IS NOT NULL AND r.finished_at IS NOT NULL
          THEN (r.finished_at.epochMillis - r.started_at.epochMillis) / 1000.0 END AS seconds,
     r.finished_at.epochMillis / 1000.0 AS finished
WITH status, trigger, count(*) AS runs, collect(seconds) AS durations, max(finished) AS last_finished
RETURN status, trigger, runs, size(durations) AS timed,
       reduce(total = 0.0, d IN durations | total + d) AS seconds,
       [b IN $buckets | size([d IN durations WHERE d <= b])] AS buckets,
       last_finished
ORDER BY status, trigger

// name: detection/run_succeed
// description: Marks a run as succeeded with what shaped it, what it found and the kind it ran as (an incremental request with no full run before it runs full), inside the switch transaction.
// mode: write
MATCH (r:DetectionRun {run_id: $run_id})
SET r.status = 'succeeded', r.finished_at = datetime(), r.error = null, r.kind = $kind, r.params = $params,
    r.timings = $timings, r.graph = $graph, r.metrics = $metrics, r.campaigns = $campaigns
RETURN r.run_id AS run_id

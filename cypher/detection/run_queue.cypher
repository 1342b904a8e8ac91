// name: detection/run_queue
// description: Records a requested detection run as queued; the runner starts it when it holds the lock.
// mode: write
CREATE (r:DetectionRun {
  run_id: $run_id,
  status: 'queued',
  trigger: $trigger,
  kind: $kind,
  requested_kind: $kind,
  requested_by: $requested_by,
  queued_at: datetime()
})
RETURN r.run_id AS run_id

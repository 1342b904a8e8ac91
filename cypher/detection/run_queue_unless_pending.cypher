// name: detection/run_queue_unless_pending
// description: Queues a run unless one with the same trigger and kind is still queued or running (a scheduler tick is then skipped).
// mode: write
OPTIONAL MATCH (p:DetectionRun)
WHERE p.trigger = $trigger AND coalesce(p.requested_kind, 'full') = $kind AND p.status IN ['queued', 'running']
WITH count(p) AS pending
WHERE pending = 0
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

// name: alerts/delivery_claim
// description: Claims up to $limit deliveries due by $as_of for one deliverer (a lease); concurrent claims never get the same delivery.
// mode: write
MATCH (d:AlertDelivery)
WHERE d.status = 'pending' AND d.next_attempt_at <= $as_of
  AND (d.lease_until IS NULL OR d.lease_until <= datetime())
WITH d
ORDER BY d.next_attempt_at, d.delivery_id
LIMIT $limit
// Write-lock each candidate, then check it again with a fresh MATCH (it reads the committed lease): a
// concurrent claim of the same delivery blocks on the lock until the first commits, then skips it.
SET d._claim_lock = true
REMOVE d._claim_lock
WITH collect(d.delivery_id) AS candidates
UNWIND candidates AS candidate
MATCH (x:AlertDelivery {delivery_id: candidate})
WHERE x.status = 'pending' AND (x.lease_until IS NULL OR x.lease_until <= datetime())
SET x.lease_until = datetime() + duration({milliseconds: $lease_ms}), x.claim = $claim, x.claimed_by = $worker
WITH x
MATCH (e:AlertEvent {event_id: x.event_id})
MATCH (w:Webhook {webhook_id: x.webhook_id})
RETURN x.delivery_id AS delivery_id, x.attempts AS attempts, e.event_id AS event_id, e.type AS type,
       e.body AS body, w.webhook_id AS webhook_id, w.url AS url
ORDER BY e.seq, w.webhook_id

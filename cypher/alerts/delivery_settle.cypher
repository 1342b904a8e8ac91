// name: alerts/delivery_settle
// description: Records one attempt of a claimed delivery: delivered, pending again after a back-off, or failed for good; only by the claim holder.
// mode: write
MATCH (d:AlertDelivery {delivery_id: $delivery_id})
WHERE d.claim = $claim
SET d.status = $status,
    d.attempts = coalesce(d.attempts, 0) + 1,
    d.last_attempt_at = datetime(),
    d.last_status = $http_status,
    d.last_error = $error,
    d.next_attempt_at = CASE WHEN $status = 'pending'
                             THEN datetime() + duration({milliseconds: $delay_ms}) ELSE d.next_attempt_at END,
    d.delivered_at = CASE WHEN $status = 'delivered' THEN datetime() ELSE d.delivered_at END,
    d.lease_until = null,
    d.claim = null
RETURN d.delivery_id AS delivery_id, d.attempts AS attempts, d.status AS status

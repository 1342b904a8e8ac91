// name: alerts/delivery_release
// description: Gives back claimed deliveries a stopping deliverer did not attempt, so another can take them at once.
// mode: write
UNWIND $delivery_ids AS id
MATCH (d:AlertDelivery {delivery_id: id})
WHERE d.claim = $claim
SET d.lease_until = null, d.claim = null
RETURN count(d) AS released

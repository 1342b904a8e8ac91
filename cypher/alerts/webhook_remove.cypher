// name: alerts/webhook_remove
// description: Removes a webhook and its deliveries not yet made; returns its id when it existed.
// mode: write
MATCH (w:Webhook {webhook_id: $webhook_id})
OPTIONAL MATCH (d:AlertDelivery {webhook_id: $webhook_id})
WHERE d.status = 'pending'
WITH w, w.webhook_id AS webhook_id, w.url AS url, collect(d) AS pending
FOREACH (d IN pending | DELETE d)
DETACH DELETE w
RETURN webhook_id, url, size(pending) AS cancelled

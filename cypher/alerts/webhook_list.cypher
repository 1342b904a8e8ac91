// name: alerts/webhook_list
// description: Every webhook with its delivery counts per status and its latest error (no secrets: none are stored).
// mode: read
MATCH (w:Webhook)
OPTIONAL MATCH (d:AlertDelivery {webhook_id: w.webhook_id})
WITH w, d ORDER BY d.last_attempt_at DESC
WITH w,
     count(CASE WHEN d.status = 'pending' THEN 1 END) AS pending,
     count(CASE WHEN d.status = 'delivered' THEN 1 END) AS delivered,
     count(CASE WHEN d.status = 'failed' THEN 1 END) AS failed,
     [x IN collect(d) WHERE x.last_error IS NOT NULL | x.last_error][0] AS last_error
RETURN w.webhook_id AS webhook_id, w.url AS url, w.events AS events, w.created_by AS created_by,
       w.created_at AS created_at, pending, delivered, failed, last_error
ORDER BY w.created_at, w.webhook_id

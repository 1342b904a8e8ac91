// name: alerts/webhook_add
// description: Registers a webhook (its signing secret is derived from the server alert key, never stored).
// mode: write
CREATE (w:Webhook {webhook_id: $webhook_id, url: $url, events: $events, created_by: $created_by,
                   created_at: datetime()})
RETURN w.webhook_id AS webhook_id, w.url AS url, w.events AS events, w.created_at AS created_at

// name: alerts/events_write
// description: Writes a run's events (the outbox), then one pending delivery per event and subscribed webhook.
// mode: write
UNWIND $rows AS row
CREATE (e:AlertEvent {event_id: row.event_id, seq: row.seq, type: row.type, run_id: $run_id,
                      campaign_id: row.campaign_id, summary: row.summary, link: row.link,
                      data: row.data, body: row.body, created_at: datetime(row.created_at)})
WITH e
CALL (e) {
  MATCH (w:Webhook)
  WHERE size(coalesce(w.events, [])) = 0 OR e.type IN w.events
  CREATE (d:AlertDelivery {delivery_id: e.event_id + '/' + w.webhook_id, event_id: e.event_id,
                           webhook_id: w.webhook_id, status: 'pending', attempts: 0,
                           next_attempt_at: datetime(), created_at: datetime()})
  RETURN count(d) AS deliveries
}
RETURN count(e) AS events, sum(deliveries) AS deliveries

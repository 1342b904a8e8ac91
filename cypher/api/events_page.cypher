// name: api/events_page
// description: Alert events after a sequence number, oldest first (the feed), optionally of some types or one campaign.
// mode: read
MATCH (e:AlertEvent)
WHERE e.seq > $after
  AND ($types IS NULL OR e.type IN $types)
  AND ($campaign_id IS NULL OR e.campaign_id = $campaign_id)
RETURN e {.event_id, .seq, .type, .run_id, .campaign_id, .summary, .link, .data, .created_at} AS event
ORDER BY e.seq
LIMIT $limit

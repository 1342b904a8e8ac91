// name: api/watches_page
// description: Watched entities, newest first, each with the campaigns it has been seen in (at most 50).
// mode: read
MATCH (w:Watch)
WITH count(w) AS total
CALL (total) {
  MATCH (w:Watch)
  WITH w ORDER BY w.created_at DESC, w.watch_id SKIP $skip LIMIT $limit
  RETURN collect({
    watch: w {.watch_id, .kind, .key, .note, .created_by, .created_at},
    campaigns: COLLECT { MATCH (w)-[:WATCH_SEEN]->(c:Campaign) RETURN c.campaign_id ORDER BY c.campaign_id LIMIT 50 }
  }) AS rows
}
RETURN total, rows

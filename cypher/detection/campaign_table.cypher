// name: detection/campaign_table
// description: Active campaigns, strongest first, each with its best non-rejected attribution (analyst-set or confirmed first).
// mode: read
MATCH (c:Campaign {active: true})
OPTIONAL CALL (c) {
  MATCH (c)-[r:ATTRIBUTED_TO]->(x:Actor)
  WHERE coalesce(r.status, 'proposed') <> 'rejected'
  RETURN coalesce(x.name, x.actor_id) AS actor, r.confidence AS confidence, coalesce(r.status, 'proposed') AS attribution_status
  ORDER BY CASE WHEN r.source = 'analyst' OR r.status = 'confirmed' THEN 0 ELSE 1 END,
           coalesce(r.confidence, 1.0) DESC, x.actor_id
  LIMIT 1
}
RETURN c.campaign_id AS campaign_id, c.status AS status, c.size AS size, c.score AS score,
       c.capability AS capability, actor, confidence, attribution_status
ORDER BY score DESC, campaign_id
LIMIT $limit

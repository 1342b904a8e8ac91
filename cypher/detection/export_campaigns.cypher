// name: detection/export_campaigns
// description: One row per (active campaign, member account) with the campaign's best non-rejected attribution.
// mode: read
MATCH (c:Campaign {active: true})
OPTIONAL CALL (c) {
  MATCH (c)-[r:ATTRIBUTED_TO]->(x:Actor)
  WHERE coalesce(r.status, 'proposed') <> 'rejected'
  RETURN coalesce(x.name, x.actor_id) AS actor, r.confidence AS confidence
  ORDER BY CASE WHEN r.source = 'analyst' OR r.status = 'confirmed' THEN 0 ELSE 1 END,
           coalesce(r.confidence, 1.0) DESC, x.actor_id
  LIMIT 1
}
MATCH (c)<-[m:IN_CAMPAIGN]-(a:Account)
RETURN c.campaign_id AS campaign_id, a.account_id AS account_id, c.score AS campaign_score,
       m.membership AS membership, c.status AS status, actor, confidence AS attribution_confidence
ORDER BY campaign_id, account_id

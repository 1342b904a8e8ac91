// name: detection/attribution_reuse_sources
// description: Entities characteristic of analyst-attributed campaigns (mostly used by campaign accounts), for infrastructure and template reuse.
// mode: read
MATCH (d:Campaign)-[t:ATTRIBUTED_TO]->(x:Actor)
WHERE coalesce(t.status, '') <> 'rejected' AND (t.source = 'analyst' OR t.status = 'confirmed')
CALL (d) {
  MATCH (d)<-[:IN_CAMPAIGN]-(:Account)-[:USED_IP|PAID_WITH|SENT]->(e)
  WITH DISTINCT e
  // Degree without a label check is a constant-time lookup; only accounts have these relationships.
  WITH e, COUNT { (e)<-[:USED_IP|PAID_WITH|SENT]-() } AS users
  WHERE users <= $max_entity_users
  WITH e, users, COUNT { (e)<-[:USED_IP|PAID_WITH|SENT]-(b:Account) WHERE EXISTS { (b)-[:IN_CAMPAIGN]->() } } AS in_campaigns
  WHERE in_campaigns >= $min_campaign_share * users
  RETURN e, CASE WHEN e:IP THEN 'ip' WHEN e:PaymentInstrument THEN 'instrument' ELSE 'template' END AS kind,
         coalesce(e.address, e.instrument_key, e.template_id) AS key
  UNION
  MATCH (d)<-[:IN_CAMPAIGN]-(:Account)-[:USED_IP]->(:IP)-[:IN_PREFIX]->(e:Prefix)
  WITH DISTINCT e
  WHERE COUNT { (e)<-[:IN_PREFIX]-() } <= $max_prefix_ips
  WITH e, COUNT { (e)<-[:IN_PREFIX]-()<-[:USED_IP]-(b:Account) } AS users,
       COUNT { (e)<-[:IN_PREFIX]-()<-[:USED_IP]-(b:Account) WHERE EXISTS { (b)-[:IN_CAMPAIGN]->() } } AS in_campaigns
  WHERE users <= $max_entity_users AND in_campaigns >= $min_campaign_share * users
  RETURN e, 'prefix' AS kind, e.cidr AS key
}
RETURN d.campaign_id AS other, x.actor_id AS actor_id, t.confidence AS confidence, elementId(e) AS eid, kind, key
ORDER BY other, actor_id, kind, key

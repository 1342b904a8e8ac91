// name: detection/attribution_write
// description: Writes or refreshes auto-proposed attributions; analyst-set, confirmed and rejected pairs are left alone.
// mode: write
UNWIND $rows AS row
MATCH (c:Campaign {campaign_id: row.campaign_id})
MATCH (x:Actor {actor_id: row.actor_id})
OPTIONAL MATCH (c)-[old:ATTRIBUTED_TO]->(x)
WITH c, x, row, collect(old) AS olds
WHERE all(o IN olds WHERE o.source = 'auto' AND o.status = 'proposed')
MERGE (c)-[r:ATTRIBUTED_TO]->(x)
  ON CREATE SET r.source = 'auto', r.status = 'proposed', r.created_at = datetime()
SET r.confidence = row.confidence, r.evidence = row.evidence, r.run_id = $run_id, r.updated_at = datetime()
RETURN count(r) AS written

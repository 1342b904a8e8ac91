// name: api/campaign_lineage
// description: The campaigns a campaign was derived from (merge/split) and those derived from it.
// mode: read
MATCH (c:Campaign {campaign_id: $campaign_id})
RETURN COLLECT {
         MATCH (c)-[d:DERIVED_FROM]->(p:Campaign)
         RETURN {campaign_id: p.campaign_id, kind: d.kind, overlap: d.overlap, run_id: d.run_id}
       } AS parents,
       COLLECT {
         MATCH (c)<-[d:DERIVED_FROM]-(ch:Campaign)
         RETURN {campaign_id: ch.campaign_id, kind: d.kind, overlap: d.overlap, run_id: d.run_id}
       } AS children

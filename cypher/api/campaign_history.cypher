// name: api/campaign_history
// description: A campaign's case history: its analysts' decision records, newest first, one page, with the total and each record's actor.
// params: campaign_id, skip, limit
// mode: read
MATCH (c:Campaign {campaign_id: $campaign_id})
RETURN COUNT { (c)<-[:ON]-(:Decision) } AS total,
       COLLECT {
         MATCH (c)<-[:ON]-(d:Decision)
         WITH d ORDER BY d.seq DESC, d.at DESC SKIP $skip LIMIT $limit
         OPTIONAL MATCH (x:Actor {actor_id: d.actor_id})
         RETURN d {.*, actor: x {.*}}
       } AS rows

// name: api/actor_campaigns
// description: Campaigns attributed to an actor (rejected attributions excluded), most confident first.
// mode: read
MATCH (x:Actor {actor_id: $actor_id})<-[t:ATTRIBUTED_TO]-(c:Campaign)
WHERE coalesce(t.status, "proposed") <> "rejected"
WITH c, t ORDER BY t.confidence DESC, c.campaign_id LIMIT $limit
RETURN c {.*} AS campaign, t {.*} AS edge

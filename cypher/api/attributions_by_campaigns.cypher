// name: api/attributions_by_campaigns
// description: Every ATTRIBUTED_TO edge (with its actor) of a batch of campaigns, for the attribution DataLoader.
// mode: read
UNWIND $ids AS id
MATCH (:Campaign {campaign_id: id})-[t:ATTRIBUTED_TO]->(x:Actor)
RETURN id AS campaign_id, x {.*} AS actor, t {.*} AS edge

// name: api/attribution_confirm
// description: An analyst attributes a campaign to an actor: source analyst, confirmed, with who and when (overrides automatic proposals).
// mode: write
MATCH (c:Campaign {campaign_id: $campaign_id}), (x:Actor {actor_id: $actor_id})
MERGE (c)-[t:ATTRIBUTED_TO]->(x)
SET t.source = "analyst", t.status = "confirmed", t.confidence = 1.0,
    t.decided_by = $by, t.decided_at = datetime(), t.decision_note = $note
RETURN x {.*} AS actor, t {.*} AS edge

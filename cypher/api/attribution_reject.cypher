// name: api/attribution_reject
// description: An analyst rejects a campaign's attribution to an actor; the rejected edge stays so later runs do not propose it again.
// mode: write
MATCH (c:Campaign {campaign_id: $campaign_id}), (x:Actor {actor_id: $actor_id})
MERGE (c)-[t:ATTRIBUTED_TO]->(x)
SET t.source = "analyst", t.status = "rejected", t.confidence = coalesce(t.confidence, 0.0),
    t.decided_by = $by, t.decided_at = datetime(), t.decision_note = $note
RETURN x {.*} AS actor, t {.*} AS edge

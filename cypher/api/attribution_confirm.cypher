// name: api/attribution_confirm
// description: An analyst attributes a campaign to an actor: source analyst, confirmed, with who and when (overrides automatic proposals); appended to the campaign's case history in the same transaction.
// params: campaign_id, actor_id, kind, by, note
// mode: write
MATCH (c:Campaign {campaign_id: $campaign_id}), (x:Actor {actor_id: $actor_id})
MERGE (c)-[t:ATTRIBUTED_TO]->(x)
SET t.source = "analyst", t.status = "confirmed", t.confidence = 1.0,
    t.decided_by = $by, t.decided_at = datetime(), t.decision_note = $note,
    c.decision_seq = coalesce(c.decision_seq, 0) + 1
CREATE (:Decision {decision_id: randomUUID(), kind: $kind, seq: c.decision_seq, by: $by, at: t.decided_at,
                   note: $note, actor_id: x.actor_id})-[:ON]->(c)
RETURN x {.*} AS actor, t {.*} AS edge

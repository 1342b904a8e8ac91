// name: alerts/attribution_states
// description: The run's auto proposals as written (analyst-held pairs are not), with the confidence last announced (alert_confidence, null: never).
// mode: read
UNWIND $pairs AS pair
MATCH (c:Campaign {campaign_id: pair.campaign_id})-[r:ATTRIBUTED_TO]->(x:Actor {actor_id: pair.actor_id})
WHERE r.source = 'auto' AND r.status = 'proposed'
RETURN c.campaign_id AS campaign_id, x.actor_id AS actor_id, r.confidence AS confidence,
       r.alert_confidence AS announced, r.evidence AS evidence
ORDER BY campaign_id, actor_id

// name: alerts/attribution_announce
// description: Records the confidence at which each auto attribution was last announced (or silently primed).
// mode: write
UNWIND $rows AS row
MATCH (:Campaign {campaign_id: row.campaign_id})-[r:ATTRIBUTED_TO]->(:Actor {actor_id: row.actor_id})
SET r.alert_confidence = row.confidence
RETURN count(r) AS written

// name: detection/attribution_targets
// description: Active campaigns auto-attribution considers (dismissed ones are benign and get no proposals).
// mode: read
MATCH (c:Campaign {active: true})
WHERE coalesce(c.status, 'candidate') <> 'dismissed'
RETURN c.campaign_id AS campaign_id, COUNT { (c)<-[:IN_CAMPAIGN]-(:Account) } AS size
ORDER BY campaign_id

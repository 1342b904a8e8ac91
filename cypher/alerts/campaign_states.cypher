// name: alerts/campaign_states
// description: The run's campaigns as the switch left them, with the size last announced (alert_size, null: never).
// mode: read
UNWIND $campaign_ids AS cid
MATCH (c:Campaign {campaign_id: cid})
RETURN c.campaign_id AS campaign_id, c.alert_size AS announced_size, coalesce(c.status, 'candidate') AS status,
       coalesce(c.score, 0.0) AS score, c.capability AS capability, c.evidence AS evidence

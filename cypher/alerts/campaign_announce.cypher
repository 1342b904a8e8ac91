// name: alerts/campaign_announce
// description: Records the size at which each campaign was last announced (or silently primed).
// mode: write
UNWIND $rows AS row
MATCH (c:Campaign {campaign_id: row.campaign_id})
SET c.alert_size = row.size
RETURN count(c) AS written

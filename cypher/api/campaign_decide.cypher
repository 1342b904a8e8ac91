// name: api/campaign_decide
// description: Records an analyst's decision on a campaign (confirmed / dismissed), who made it and when; detection runs carry it over.
// mode: write
MATCH (c:Campaign {campaign_id: $campaign_id})
SET c.status = $status, c.decided_by = $by, c.decided_at = datetime(), c.decision_note = $note
RETURN c {.*} AS campaign

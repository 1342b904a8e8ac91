// name: detection/previous_campaigns
// description: Every campaign with its current (active) or last (inactive) membership, for identity matching.
// mode: read
MATCH (c:Campaign)
OPTIONAL MATCH (c)<-[:IN_CAMPAIGN]-(a:Account)
WITH c, collect(a.account_id) AS members
RETURN c.campaign_id AS campaign_id, coalesce(c.active, false) AS active,
       coalesce(c.status, 'candidate') AS status, members
ORDER BY campaign_id

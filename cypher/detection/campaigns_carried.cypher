// name: detection/campaigns_carried
// description: Active campaigns an incremental run leaves untouched, as the last run wrote them (score, features, evidence, members with their strength), to be carried over unchanged.
// mode: read
UNWIND $campaign_ids AS campaign_id
MATCH (c:Campaign {campaign_id: campaign_id})
MATCH (c)<-[m:IN_CAMPAIGN]-(a:Account)
WITH c, a.account_id AS account_id, m.membership AS membership ORDER BY account_id
WITH c, collect(account_id) AS accounts, collect(membership) AS memberships
RETURN c.campaign_id AS campaign_id, c.score AS score, c.features AS features, c.evidence AS evidence,
       c.capability AS capability, toString(c.first_seen) AS first_seen, toString(c.last_seen) AS last_seen,
       accounts, memberships
ORDER BY campaign_id

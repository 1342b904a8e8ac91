// name: api/campaign_members
// description: One page of a campaign's member accounts, strongest membership first, with the total.
// mode: read
MATCH (c:Campaign {campaign_id: $campaign_id})
RETURN COUNT { (c)<-[:IN_CAMPAIGN]-(:Account) } AS total,
       COLLECT {
         MATCH (c)<-[m:IN_CAMPAIGN]-(a:Account)
         WITH a, m ORDER BY m.membership DESC, a.account_id SKIP $skip LIMIT $limit
         RETURN {account: a {.*}, membership: m.membership, run_id: m.run_id}
       } AS rows

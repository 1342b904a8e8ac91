// name: api/campaign_capabilities
// description: A campaign's capability profile: requests, templates and accounts per template capability.
// mode: read
MATCH (:Campaign {campaign_id: $campaign_id})<-[:IN_CAMPAIGN]-(a:Account)-[s:SENT]->(t:PromptTemplate)
WITH coalesce(t.capability, "other") AS capability, sum(coalesce(s.requests, 0)) AS requests,
     count(DISTINCT t) AS templates, count(DISTINCT a) AS accounts
RETURN capability, requests, templates, accounts
ORDER BY requests DESC, capability

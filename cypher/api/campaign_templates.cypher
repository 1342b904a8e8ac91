// name: api/campaign_templates
// description: Prompt templates a campaign's accounts send, ranked by evidence strength = shared accounts x log((N+1)/(degree+1)).
// mode: read
CALL () { MATCH (x:Account) RETURN count(x) AS total }
MATCH (:Campaign {campaign_id: $campaign_id})<-[:IN_CAMPAIGN]-(a:Account)-[s:SENT]->(t:PromptTemplate)
WITH total, t, count(DISTINCT a) AS shared, sum(coalesce(s.requests, 0)) AS requests
WITH t, shared, requests, COUNT { (t)<-[:SENT]-(:Account) } AS degree, total
WITH t, shared, requests, degree, shared * log((toFloat(total) + 1.0) / (degree + 1.0)) AS strength
ORDER BY strength DESC, shared DESC, t.template_id
LIMIT $limit
RETURN t {.*} AS template, shared, requests, degree, strength

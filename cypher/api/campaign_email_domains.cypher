// name: api/campaign_email_domains
// description: Email domains shared by a campaign's accounts, ranked by evidence strength = shared accounts x log((N+1)/(degree+1)).
// mode: read
CALL () { MATCH (x:Account) RETURN count(x) AS total }
MATCH (:Campaign {campaign_id: $campaign_id})<-[:IN_CAMPAIGN]-(a:Account)-[:HAS_EMAIL_DOMAIN]->(e:EmailDomain)
WITH total, e, count(DISTINCT a) AS shared
WITH e, shared, COUNT { (e)<-[:HAS_EMAIL_DOMAIN]-(:Account) } AS degree, total
WITH e, shared, degree, shared * log((toFloat(total) + 1.0) / (degree + 1.0)) AS strength
ORDER BY strength DESC, shared DESC, e.domain
LIMIT $limit
RETURN e.domain AS key, null AS detail, shared, degree, strength

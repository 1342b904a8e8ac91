// name: api/campaign_ips
// description: IP addresses shared by a campaign's accounts, ranked by evidence strength = shared accounts x log((N+1)/(degree+1)).
// mode: read
CALL () { MATCH (x:Account) RETURN count(x) AS total }
MATCH (:Campaign {campaign_id: $campaign_id})<-[:IN_CAMPAIGN]-(a:Account)-[:USED_IP]->(e:IP)
WITH total, e, count(DISTINCT a) AS shared
WITH e, shared, COUNT { (e)<-[:USED_IP]-(:Account) } AS degree, total
WITH e, shared, degree, shared * log((toFloat(total) + 1.0) / (degree + 1.0)) AS strength
ORDER BY strength DESC, shared DESC, e.address
LIMIT $limit
RETURN e.address AS key, e.ip_type AS detail, shared, degree, strength

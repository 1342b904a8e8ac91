// name: api/campaign_prefixes
// description: Network prefixes (rarity by IP count, N = all IPs) shared by a campaign's accounts, ranked by evidence strength = shared accounts x log((N+1)/(degree+1)).
// mode: read
CALL () { MATCH (x:IP) RETURN count(x) AS total }
MATCH (:Campaign {campaign_id: $campaign_id})<-[:IN_CAMPAIGN]-(a:Account)-[:USED_IP]->(:IP)-[:IN_PREFIX]->(e:Prefix)
WITH total, e, count(DISTINCT a) AS shared
WITH e, shared, COUNT { (e)<-[:IN_PREFIX]-(:IP) } AS degree, total
WITH e, shared, degree, shared * log((toFloat(total) + 1.0) / (degree + 1.0)) AS strength
ORDER BY strength DESC, shared DESC, e.cidr
LIMIT $limit
RETURN e.cidr AS key, null AS detail, shared, degree, strength

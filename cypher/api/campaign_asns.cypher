// name: api/campaign_asns
// description: ASNs (rarity by IP count, N = all IPs) shared by a campaign's accounts, ranked by evidence strength = shared accounts x log((N+1)/(degree+1)).
// mode: read
CALL () { MATCH (x:IP) RETURN count(x) AS total }
MATCH (:Campaign {campaign_id: $campaign_id})<-[:IN_CAMPAIGN]-(a:Account)-[:USED_IP]->(:IP)-[:IN_ASN]->(e:ASN)
WITH total, e, count(DISTINCT a) AS shared
WITH e, shared, COUNT { (e)<-[:IN_ASN]-(:IP) } AS degree, total
WITH e, shared, degree, shared * log((toFloat(total) + 1.0) / (degree + 1.0)) AS strength
ORDER BY strength DESC, shared DESC, toString(e.asn)
LIMIT $limit
RETURN toString(e.asn) AS key, e.org AS detail, shared, degree, strength

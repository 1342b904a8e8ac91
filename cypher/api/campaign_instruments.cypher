// name: api/campaign_instruments
// description: Payment instruments (by key prefix only) shared by a campaign's accounts, ranked by evidence strength = shared accounts x log((N+1)/(degree+1)).
// mode: read
CALL () { MATCH (x:Account) RETURN count(x) AS total }
MATCH (:Campaign {campaign_id: $campaign_id})<-[:IN_CAMPAIGN]-(a:Account)-[:PAID_WITH]->(e:PaymentInstrument)
WITH total, e, count(DISTINCT a) AS shared
WITH e, shared, COUNT { (e)<-[:PAID_WITH]-(:Account) } AS degree, total
WITH e, shared, degree, shared * log((toFloat(total) + 1.0) / (degree + 1.0)) AS strength
ORDER BY strength DESC, shared DESC, left(e.instrument_key, 12)
LIMIT $limit
RETURN left(e.instrument_key, 12) AS key, e.instrument_type AS detail, shared, degree, strength

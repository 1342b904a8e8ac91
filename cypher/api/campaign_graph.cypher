// name: api/campaign_graph
// description: A bounded drawing of a campaign: its strongest members and the entities (IPs, instruments, templates, email domains) at least two of them share, ranked by evidence strength = shared x log((N+1)/(degree+1)), each with its users among the shown members and its labels.
// mode: read
MATCH (c:Campaign {campaign_id: $campaign_id})
CALL (c) {
  MATCH (c)<-[m:IN_CAMPAIGN]-(a:Account)
  WITH a, m ORDER BY m.membership DESC, a.account_id LIMIT $max_accounts
  RETURN collect(a) AS shown,
         collect({key: a.account_id, membership: m.membership, requests: a.requests, detail: a.status,
                  labels: COLLECT { MATCH (a)-[l:LABELLED_AS]->(x:Actor) RETURN {actor: x {.*}, edge: l {.*}} }})
           AS accounts
}
CALL () { MATCH (x:Account) RETURN count(x) AS platform }
CALL (shown, platform) {
  UNWIND shown AS a
  MATCH (a)-[r:USED_IP|PAID_WITH|SENT|HAS_EMAIL_DOMAIN]->(e)
  WITH e, type(r) AS rel, collect(DISTINCT a.account_id) AS users
  WHERE size(users) >= 2
  WITH e, rel, users, COUNT { (e)<-[t]-(:Account) WHERE type(t) = rel } AS degree
  WITH e, rel, users, degree, size(users) * log((toFloat(platform) + 1.0) / (degree + 1.0)) AS strength
  ORDER BY strength DESC, size(users) DESC
  LIMIT $max_entities
  RETURN collect({rel: rel, key: coalesce(e.address, e.instrument_key, e.template_id, e.domain),
                  detail: coalesce(e.ip_type, e.instrument_type, e.capability), users: users, degree: degree,
                  strength: strength,
                  labels: COLLECT { MATCH (e)-[l:LABELLED_AS]->(x:Actor) RETURN {actor: x {.*}, edge: l {.*}} }})
           AS entities
}
RETURN COUNT { (c)<-[:IN_CAMPAIGN]-(:Account) } AS total_accounts, accounts, entities

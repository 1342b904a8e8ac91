// name: api/attribution_ip
// description: Attribution of an IP address: the campaigns whose accounts use it (scanning at most $scan accounts, so a supernode stays cheap), their attributions, and its own labels.
// mode: read
MATCH (e:IP {address: $key})
CALL (e) {
  MATCH (e)<-[:USED_IP]-(a:Account)
  WITH a LIMIT $scan
  RETURN count(a) AS scanned
}
RETURN e.address AS key, scanned, COUNT { (e)<-[:USED_IP]-(:Account) } AS degree,
       COLLECT {
         MATCH (e)<-[:USED_IP]-(a:Account)
         WITH a LIMIT $scan
         MATCH (a)-[:IN_CAMPAIGN]->(c:Campaign)
         WITH c, count(a) AS shared, collect(a.account_id)[..3] AS sample
         ORDER BY shared DESC, c.campaign_id
         RETURN {campaign: c {.*}, membership: null, shared: shared, sample: sample, attributions: COLLECT { MATCH (c)-[t:ATTRIBUTED_TO]->(x:Actor) RETURN {actor: x {.*}, edge: t {.*}} }}
       } AS campaigns,
       COLLECT { MATCH (e)-[l:LABELLED_AS]->(x:Actor) RETURN {actor: x {.*}, edge: l {.*}} } AS labels,
       [] AS entities

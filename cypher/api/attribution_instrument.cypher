// name: api/attribution_instrument
// description: Attribution of a payment instrument (looked up by its keyed hash): the campaigns whose accounts use it (scanning at most $scan accounts, so a supernode stays cheap), their attributions, and its own labels.
// mode: read
MATCH (e:PaymentInstrument {instrument_key: $key})
CALL (e) {
  MATCH (e)<-[:PAID_WITH]-(a:Account)
  WITH a LIMIT $scan
  RETURN count(a) AS scanned
}
RETURN e.instrument_key AS key, scanned, COUNT { (e)<-[:PAID_WITH]-(:Account) } AS degree,
       COLLECT {
         MATCH (e)<-[:PAID_WITH]-(a:Account)
         WITH a LIMIT $scan
         MATCH (a)-[:IN_CAMPAIGN]->(c:Campaign)
         WITH c, count(a) AS shared, collect(a.account_id)[..3] AS sample
         ORDER BY shared DESC, c.campaign_id
         RETURN {campaign: c {.*}, membership: null, shared: shared, sample: sample, attributions: COLLECT { MATCH (c)-[t:ATTRIBUTED_TO]->(x:Actor) RETURN {actor: x {.*}, edge: t {.*}} }}
       } AS campaigns,
       COLLECT { MATCH (e)-[l:LABELLED_AS]->(x:Actor) RETURN {actor: x {.*}, edge: l {.*}} } AS labels,
       [] AS entities

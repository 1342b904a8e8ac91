// name: api/attribution_template
// description: Attribution of a prompt template: the campaigns whose accounts use it (scanning at most $scan accounts, so a supernode stays cheap), their attributions, and its own labels.
// mode: read
MATCH (e:PromptTemplate {template_id: $key})
CALL (e) {
  MATCH (e)<-[:SENT]-(a:Account)
  WITH a LIMIT $scan
  RETURN count(a) AS scanned
}
RETURN e.template_id AS key, scanned, COUNT { (e)<-[:SENT]-(:Account) } AS degree,
       COLLECT {
         MATCH (e)<-[:SENT]-(a:Account)
         WITH a LIMIT $scan
         MATCH (a)-[:IN_CAMPAIGN]->(c:Campaign)
         WITH c, count(a) AS shared, collect(a.account_id)[..3] AS sample
         ORDER BY shared DESC, c.campaign_id
         RETURN {campaign: c {.*}, membership: null, shared: shared, sample: sample, attributions: COLLECT { MATCH (c)-[t:ATTRIBUTED_TO]->(x:Actor) RETURN {actor: x {.*}, edge: t {.*}} }}
       } AS campaigns,
       COLLECT { MATCH (e)-[l:LABELLED_AS]->(x:Actor) RETURN {actor: x {.*}, edge: l {.*}} } AS labels,
       [] AS entities

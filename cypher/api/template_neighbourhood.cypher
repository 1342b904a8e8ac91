// name: api/template_neighbourhood
// description: A prompt template with its neighbourhood: the accounts using it (bounded), the campaigns among them, and its labels.
// mode: read
MATCH (e:PromptTemplate {template_id: $key})
RETURN e {.*} AS node, COUNT { (e)<-[:SENT]-(:Account) } AS degree,
       COLLECT {
         MATCH (e)<-[:SENT]-(a:Account)
         WITH a ORDER BY a.account_id LIMIT $limit
         RETURN a.account_id
       } AS accounts,
       COLLECT {
         MATCH (e)<-[:SENT]-(a:Account)
         WITH a LIMIT $scan
         MATCH (a)-[:IN_CAMPAIGN]->(c:Campaign)
         WITH c, count(a) AS shared
         ORDER BY shared DESC, c.campaign_id
         RETURN {campaign: c {.*}, shared: shared}
       } AS campaigns,
       
       COLLECT { MATCH (e)-[l:LABELLED_AS]->(x:Actor) RETURN {actor: x {.*}, edge: l {.*}} } AS labels

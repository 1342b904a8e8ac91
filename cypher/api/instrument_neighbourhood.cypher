// name: api/instrument_neighbourhood
// description: A payment instrument (by keyed hash) with its neighbourhood: the accounts using it (bounded), the campaigns among them, and its labels.
// mode: read
MATCH (e:PaymentInstrument {instrument_key: $key})
RETURN e {.*} AS node, COUNT { (e)<-[:PAID_WITH]-(:Account) } AS degree,
       COLLECT {
         MATCH (e)<-[:PAID_WITH]-(a:Account)
         WITH a ORDER BY a.account_id LIMIT $limit
         RETURN a.account_id
       } AS accounts,
       COLLECT {
         MATCH (e)<-[:PAID_WITH]-(a:Account)
         WITH a LIMIT $scan
         MATCH (a)-[:IN_CAMPAIGN]->(c:Campaign)
         WITH c, count(a) AS shared
         ORDER BY shared DESC, c.campaign_id
         RETURN {campaign: c {.*}, shared: shared}
       } AS campaigns,
       
       COLLECT { MATCH (e)-[l:LABELLED_AS]->(x:Actor) RETURN {actor: x {.*}, edge: l {.*}} } AS labels

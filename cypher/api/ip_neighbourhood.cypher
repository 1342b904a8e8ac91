// name: api/ip_neighbourhood
// description: An IP address with its neighbourhood: the accounts using it (bounded), the campaigns among them, and its labels.
// mode: read
MATCH (e:IP {address: $key})
RETURN e {.*} AS node, COUNT { (e)<-[:USED_IP]-(:Account) } AS degree,
       COLLECT {
         MATCH (e)<-[:USED_IP]-(a:Account)
         WITH a ORDER BY a.account_id LIMIT $limit
         RETURN a.account_id
       } AS accounts,
       COLLECT {
         MATCH (e)<-[:USED_IP]-(a:Account)
         WITH a LIMIT $scan
         MATCH (a)-[:IN_CAMPAIGN]->(c:Campaign)
         WITH c, count(a) AS shared
         ORDER BY shared DESC, c.campaign_id
         RETURN {campaign: c {.*}, shared: shared}
       } AS campaigns,
       head(COLLECT { MATCH (e)-[:IN_PREFIX]->(p:Prefix) RETURN p.cidr }) AS prefix, head(COLLECT { MATCH (e)-[:IN_ASN]->(n:ASN) RETURN {asn: n.asn, org: n.org} }) AS asn,
       COLLECT { MATCH (e)-[l:LABELLED_AS]->(x:Actor) RETURN {actor: x {.*}, edge: l {.*}} } AS labels

// name: detection/attribution_labels
// description: Labelled accounts and infrastructure reached from each campaign's members, per actor, with the members that reach them and how many accounts use the labelled entity platform-wide.
// mode: read
UNWIND $campaign_ids AS cid
MATCH (c:Campaign {campaign_id: cid})
CALL (c) {
  MATCH (c)<-[:IN_CAMPAIGN]-(a:Account)-[l:LABELLED_AS]->(x:Actor)
  RETURN 'account' AS kind, a.account_id AS key, x.actor_id AS actor_id, l.confidence AS confidence,
         [a.account_id] AS accounts, 1 AS users
  UNION ALL
  MATCH (c)<-[:IN_CAMPAIGN]-(a:Account)-[:USED_IP]->(e:IP)-[l:LABELLED_AS]->(x:Actor)
  RETURN 'ip' AS kind, e.address AS key, x.actor_id AS actor_id, l.confidence AS confidence,
         collect(DISTINCT a.account_id) AS accounts,
         COUNT { (e)<-[:USED_IP]-(:Account) } AS users
  UNION ALL
  MATCH (c)<-[:IN_CAMPAIGN]-(a:Account)-[:PAID_WITH]->(e:PaymentInstrument)-[l:LABELLED_AS]->(x:Actor)
  RETURN 'instrument' AS kind, e.instrument_key AS key, x.actor_id AS actor_id, l.confidence AS confidence,
         collect(DISTINCT a.account_id) AS accounts,
         COUNT { (e)<-[:PAID_WITH]-(:Account) } AS users
  UNION ALL
  MATCH (c)<-[:IN_CAMPAIGN]-(a:Account)-[:USED_IP]->(:IP)-[:IN_ASN]->(e:ASN)-[l:LABELLED_AS]->(x:Actor)
  RETURN 'asn' AS kind, toString(e.asn) AS key, x.actor_id AS actor_id, l.confidence AS confidence,
         collect(DISTINCT a.account_id) AS accounts,
         COUNT { (e)<-[:IN_ASN]-(:IP)<-[:USED_IP]-(:Account) } AS users
  UNION ALL
  MATCH (c)<-[:IN_CAMPAIGN]-(a:Account)-[:HAS_EMAIL_DOMAIN]->(e:EmailDomain)-[l:LABELLED_AS]->(x:Actor)
  RETURN 'email_domain' AS kind, e.domain AS key, x.actor_id AS actor_id, l.confidence AS confidence,
         collect(DISTINCT a.account_id) AS accounts,
         COUNT { (e)<-[:HAS_EMAIL_DOMAIN]-(:Account) } AS users
  UNION ALL
  MATCH (c)<-[:IN_CAMPAIGN]-(a:Account)-[:SENT]->(e:PromptTemplate)-[l:LABELLED_AS]->(x:Actor)
  RETURN 'template' AS kind, e.template_id AS key, x.actor_id AS actor_id, l.confidence AS confidence,
         collect(DISTINCT a.account_id) AS accounts,
         COUNT { (e)<-[:SENT]-(:Account) } AS users
}
RETURN cid AS campaign_id, kind, key, actor_id, confidence, accounts, users
ORDER BY campaign_id, actor_id, kind, key

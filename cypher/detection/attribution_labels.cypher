// name: detection/attribution_labels
// description: Labelled accounts and infrastructure reached from each campaign's members, per actor, with the members that reach them.
// mode: read
UNWIND $campaign_ids AS cid
MATCH (c:Campaign {campaign_id: cid})
CALL (c) {
  MATCH (c)<-[:IN_CAMPAIGN]-(a:Account)-[l:LABELLED_AS]->(x:Actor)
  RETURN 'account' AS kind, a.account_id AS key, x.actor_id AS actor_id, l.confidence AS confidence,
         [a.account_id] AS accounts
  UNION ALL
  MATCH (c)<-[:IN_CAMPAIGN]-(a:Account)-[:USED_IP]->(e:IP)-[l:LABELLED_AS]->(x:Actor)
  RETURN 'ip' AS kind, e.address AS key, x.actor_id AS actor_id, l.confidence AS confidence,
         collect(DISTINCT a.account_id) AS accounts
  UNION ALL
  MATCH (c)<-[:IN_CAMPAIGN]-(a:Account)-[:PAID_WITH]->(e:PaymentInstrument)-[l:LABELLED_AS]->(x:Actor)
  RETURN 'instrument' AS kind, e.instrument_key AS key, x.actor_id AS actor_id, l.confidence AS confidence,
         collect(DISTINCT a.account_id) AS accounts
  UNION ALL
  MATCH (c)<-[:IN_CAMPAIGN]-(a:Account)-[:USED_IP]->(:IP)-[:IN_ASN]->(e:ASN)-[l:LABELLED_AS]->(x:Actor)
  RETURN 'asn' AS kind, toString(e.asn) AS key, x.actor_id AS actor_id, l.confidence AS confidence,
         collect(DISTINCT a.account_id) AS accounts
  UNION ALL
  MATCH (c)<-[:IN_CAMPAIGN]-(a:Account)-[:HAS_EMAIL_DOMAIN]->(e:EmailDomain)-[l:LABELLED_AS]->(x:Actor)
  RETURN 'email_domain' AS kind, e.domain AS key, x.actor_id AS actor_id, l.confidence AS confidence,
         collect(DISTINCT a.account_id) AS accounts
  UNION ALL
  MATCH (c)<-[:IN_CAMPAIGN]-(a:Account)-[:SENT]->(e:PromptTemplate)-[l:LABELLED_AS]->(x:Actor)
  RETURN 'template' AS kind, e.template_id AS key, x.actor_id AS actor_id, l.confidence AS confidence,
         collect(DISTINCT a.account_id) AS accounts
}
RETURN cid AS campaign_id, kind, key, actor_id, confidence, accounts
ORDER BY campaign_id, actor_id, kind, key

// name: detection/attribution_labels
// description: Labelled accounts and infrastructure reached from each campaign's members, per actor, with the members that reach them and how many accounts use the labelled entity platform-wide.
// mode: read
// Each entity's platform-wide count is taken once, after its members are collected: as a grouping key it
// was taken again for every member row, 145 s of a run at 1,000,000 accounts (a labelled hosting ASN
// counted once per member behind it). Counts without a label check are constant-time degree lookups;
// only accounts have these relationships (and only IPs are in an ASN).
UNWIND $campaign_ids AS cid
MATCH (c:Campaign {campaign_id: cid})
CALL (c) {
  MATCH (c)<-[:IN_CAMPAIGN]-(a:Account)-[l:LABELLED_AS]->(x:Actor)
  RETURN 'account' AS kind, a.account_id AS key, x.actor_id AS actor_id, l.confidence AS confidence,
         [a.account_id] AS accounts, 1 AS users
  UNION ALL
  MATCH (c)<-[:IN_CAMPAIGN]-(a:Account)-[:USED_IP]->(e:IP)-[l:LABELLED_AS]->(x:Actor)
  WITH e, l, x, collect(DISTINCT a.account_id) AS accounts
  RETURN 'ip' AS kind, e.address AS key, x.actor_id AS actor_id, l.confidence AS confidence, accounts,
         COUNT { (e)<-[:USED_IP]-() } AS users
  UNION ALL
  MATCH (c)<-[:IN_CAMPAIGN]-(a:Account)-[:PAID_WITH]->(e:PaymentInstrument)-[l:LABELLED_AS]->(x:Actor)
  WITH e, l, x, collect(DISTINCT a.account_id) AS accounts
  RETURN 'instrument' AS kind, e.instrument_key AS key, x.actor_id AS actor_id, l.confidence AS confidence,
         accounts, COUNT { (e)<-[:PAID_WITH]-() } AS users
  UNION ALL
  MATCH (c)<-[:IN_CAMPAIGN]-(a:Account)-[:USED_IP]->(:IP)-[:IN_ASN]->(e:ASN)-[l:LABELLED_AS]->(x:Actor)
  WITH e, l, x, collect(DISTINCT a.account_id) AS accounts
  RETURN 'asn' AS kind, toString(e.asn) AS key, x.actor_id AS actor_id, l.confidence AS confidence, accounts,
         COUNT { (e)<-[:IN_ASN]-()<-[:USED_IP]-() } AS users
  UNION ALL
  MATCH (c)<-[:IN_CAMPAIGN]-(a:Account)-[:HAS_EMAIL_DOMAIN]->(e:EmailDomain)-[l:LABELLED_AS]->(x:Actor)
  WITH e, l, x, collect(DISTINCT a.account_id) AS accounts
  RETURN 'email_domain' AS kind, e.domain AS key, x.actor_id AS actor_id, l.confidence AS confidence,
         accounts, COUNT { (e)<-[:HAS_EMAIL_DOMAIN]-() } AS users
  UNION ALL
  MATCH (c)<-[:IN_CAMPAIGN]-(a:Account)-[:SENT]->(e:PromptTemplate)-[l:LABELLED_AS]->(x:Actor)
  WITH e, l, x, collect(DISTINCT a.account_id) AS accounts
  RETURN 'template' AS kind, e.template_id AS key, x.actor_id AS actor_id, l.confidence AS confidence,
         accounts, COUNT { (e)<-[:SENT]-() } AS users
}
RETURN cid AS campaign_id, kind, key, actor_id, confidence, accounts, users
ORDER BY campaign_id, actor_id, kind, key

// name: bench/export_memberships
// description: Every account-entity link of the signal families (with SENT hour buckets), for the in-process igraph/leidenalg baseline of the detection benchmark.
// mode: read
CALL () {
  MATCH (a:Account)-[:PAID_WITH]->(e:PaymentInstrument)
  RETURN 'instrument' AS family, e.instrument_key AS entity, a.account_id AS account_id, [] AS hours
  UNION ALL
  MATCH (a:Account)-[:USED_IP]->(e:IP)
  RETURN 'ip' AS family, e.address AS entity, a.account_id AS account_id, [] AS hours
  UNION ALL
  MATCH (a:Account)-[:USED_IP]->(:IP)-[:IN_PREFIX]->(e:Prefix)
  RETURN DISTINCT 'prefix' AS family, e.cidr AS entity, a.account_id AS account_id, [] AS hours
  UNION ALL
  MATCH (a:Account)-[:USED_IP]->(:IP)-[:IN_ASN]->(e:ASN)
  RETURN DISTINCT 'asn' AS family, toString(e.asn) AS entity, a.account_id AS account_id, [] AS hours
  UNION ALL
  MATCH (a:Account)-[:HAS_EMAIL_DOMAIN]->(e:EmailDomain)
  RETURN 'email_domain' AS family, e.domain AS entity, a.account_id AS account_id, [] AS hours
  UNION ALL
  MATCH (a:Account)-[s:SENT]->(e:PromptTemplate)
  RETURN 'template' AS family, e.template_id AS entity, a.account_id AS account_id, coalesce(s.hours, []) AS hours
}
RETURN family, entity, account_id, hours

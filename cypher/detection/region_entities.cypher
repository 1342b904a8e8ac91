// name: detection/region_entities
// description: Every entity an incremental run's region uses (instruments, IPs, their prefixes and ASNs, e-mail domains, templates): the only entities whose pairs its projection can keep.
// mode: read
UNWIND $region AS id
MATCH (a:Account {account_id: id})
CALL (a) {
  MATCH (a)-[:PAID_WITH]->(e:PaymentInstrument) RETURN e
  UNION
  MATCH (a)-[:USED_IP]->(e:IP) RETURN e
  UNION
  MATCH (a)-[:USED_IP]->(:IP)-[:IN_PREFIX]->(e:Prefix) RETURN e
  UNION
  MATCH (a)-[:USED_IP]->(:IP)-[:IN_ASN]->(e:ASN) RETURN e
  UNION
  MATCH (a)-[:HAS_EMAIL_DOMAIN]->(e:EmailDomain) RETURN e
  UNION
  MATCH (a)-[:SENT]->(e:PromptTemplate) RETURN e
}
RETURN DISTINCT elementId(e) AS entity

// name: detection/incremental_region
// description: The changed accounts and every account sharing an entity with them, through the entities the projection uses (enabled families, same supernode cut-offs), so a carrier NAT does not pull in the platform.
// mode: read
CALL () {
  MATCH (a:Account) WHERE a.account_id IN $changed AND $fam.instrument.enabled
  MATCH (a)-[:PAID_WITH]->(e:PaymentInstrument)
  WITH DISTINCT e
  WHERE COUNT { (e)<-[:PAID_WITH]-(:Account) } <= $fam.instrument.max_degree
  MATCH (e)<-[:PAID_WITH]-(b:Account)
  RETURN b.account_id AS account_id
  UNION
  MATCH (a:Account) WHERE a.account_id IN $changed AND $fam.ip.enabled
  MATCH (a)-[:USED_IP]->(e:IP)
  WITH DISTINCT e
  WHERE COUNT { (e)<-[:USED_IP]-(:Account) } <= $fam.ip.max_degree
  MATCH (e)<-[:USED_IP]-(b:Account)
  RETURN b.account_id AS account_id
  UNION
  MATCH (a:Account) WHERE a.account_id IN $changed AND $fam.prefix.enabled
  MATCH (a)-[:USED_IP]->(:IP)-[:IN_PREFIX]->(e:Prefix)
  WITH DISTINCT e
  CALL (e) {
    MATCH (e)<-[:IN_PREFIX]-(:IP)<-[:USED_IP]-(b:Account)
    RETURN collect(DISTINCT b.account_id) AS m
  }
  WITH m WHERE size(m) <= $fam.prefix.max_degree
  UNWIND m AS account_id
  RETURN account_id
  UNION
  MATCH (a:Account) WHERE a.account_id IN $changed AND $fam.asn.enabled
  MATCH (a)-[:USED_IP]->(:IP)-[:IN_ASN]->(e:ASN)
  WITH DISTINCT e
  CALL (e) {
    MATCH (e)<-[:IN_ASN]-(:IP)<-[:USED_IP]-(b:Account)
    RETURN collect(DISTINCT b.account_id) AS m
  }
  WITH m WHERE size(m) <= $fam.asn.max_degree
  UNWIND m AS account_id
  RETURN account_id
  UNION
  MATCH (a:Account) WHERE a.account_id IN $changed AND $fam.email_domain.enabled
  MATCH (a)-[:HAS_EMAIL_DOMAIN]->(e:EmailDomain)
  WITH DISTINCT e
  WHERE COUNT { (e)<-[:HAS_EMAIL_DOMAIN]-(:Account) } <= $fam.email_domain.max_degree
  MATCH (e)<-[:HAS_EMAIL_DOMAIN]-(b:Account)
  RETURN b.account_id AS account_id
  UNION
  MATCH (a:Account) WHERE a.account_id IN $changed AND ($fam.template.enabled OR $fam.synchrony.enabled)
  MATCH (a)-[:SENT]->(e:PromptTemplate)
  WITH DISTINCT e
  WHERE COUNT { (e)<-[:SENT]-(:Account) } <= $template_max_degree
  MATCH (e)<-[:SENT]-(b:Account)
  RETURN b.account_id AS account_id
  UNION
  // A changed account with nothing shared (yet) is still part of its own region.
  UNWIND $changed AS account_id
  RETURN account_id
}
RETURN account_id
ORDER BY account_id

// name: detection/changes_accounts
// description: Accounts whose pairs the given load batches can change: those the batches created, and those with a link the batches created to an entity that pairs them with another account (at least two users, none above its family's supernode cut-off).
// mode: read
// Loads stamp new accounts (Account.load_batch) and new account-entity links (r.load_batch). A new link to an
// entity nobody else uses, or to one cut as a supernode, gives no pair, so it leaves the account unchanged.
// The family switches and degree bounds are detection/link_pairs' own (its one home; keep the two in step:
// tests/detection/test_changes_accounts.py checks them against each other), from the same $fam and
// $template_max_degree. Each entity is counted once however many new links it gained.
CALL () {
  UNWIND $batch_ids AS batch_id
  MATCH (a:Account {load_batch: batch_id})
  RETURN a
  UNION
  UNWIND $batch_ids AS batch_id
  MATCH (a:Account)-[:PAID_WITH {load_batch: batch_id}]->(e:PaymentInstrument)
  WHERE $fam.instrument.enabled
  WITH e, collect(a) AS gained
  WHERE 2 <= COUNT { (e)<-[:PAID_WITH]-(:Account) } <= $fam.instrument.max_degree
  UNWIND gained AS a
  RETURN a
  UNION
  UNWIND $batch_ids AS batch_id
  MATCH (a:Account)-[:USED_IP {load_batch: batch_id}]->(e:IP)
  WHERE $fam.ip.enabled
  WITH e, collect(a) AS gained
  WHERE 2 <= COUNT { (e)<-[:USED_IP]-(:Account) } <= $fam.ip.max_degree
  UNWIND gained AS a
  RETURN a
  UNION
  // A new IP can pair its account through the IP's prefix or ASN even when nobody else uses the address.
  UNWIND $batch_ids AS batch_id
  MATCH (a:Account)-[:USED_IP {load_batch: batch_id}]->(:IP)-[:IN_PREFIX]->(e:Prefix)
  WHERE $fam.prefix.enabled
  WITH e, collect(DISTINCT a) AS gained
  CALL (e) {
    MATCH (e)<-[:IN_PREFIX]-(:IP)<-[:USED_IP]-(b:Account)
    RETURN count(DISTINCT b) AS d
  }
  WITH gained, d WHERE 2 <= d <= $fam.prefix.max_degree
  UNWIND gained AS a
  RETURN a
  UNION
  UNWIND $batch_ids AS batch_id
  MATCH (a:Account)-[:USED_IP {load_batch: batch_id}]->(:IP)-[:IN_ASN]->(e:ASN)
  WHERE $fam.asn.enabled
  WITH e, collect(DISTINCT a) AS gained
  CALL (e) {
    MATCH (e)<-[:IN_ASN]-(:IP)<-[:USED_IP]-(b:Account)
    RETURN count(DISTINCT b) AS d
  }
  WITH gained, d WHERE 2 <= d <= $fam.asn.max_degree
  UNWIND gained AS a
  RETURN a
  UNION
  UNWIND $batch_ids AS batch_id
  MATCH (a:Account)-[:HAS_EMAIL_DOMAIN {load_batch: batch_id}]->(e:EmailDomain)
  WHERE $fam.email_domain.enabled
  WITH e, collect(a) AS gained
  WHERE 2 <= COUNT { (e)<-[:HAS_EMAIL_DOMAIN]-(:Account) } <= $fam.email_domain.max_degree
  UNWIND gained AS a
  RETURN a
  UNION
  UNWIND $batch_ids AS batch_id
  MATCH (a:Account)-[:SENT {load_batch: batch_id}]->(e:PromptTemplate)
  WHERE $fam.template.enabled OR $fam.synchrony.enabled
  WITH e, collect(a) AS gained
  WHERE 2 <= COUNT { (e)<-[:SENT]-(:Account) } <= $template_max_degree
  UNWIND gained AS a
  RETURN a
}
RETURN DISTINCT a.account_id AS account_id
ORDER BY account_id

// name: detection/changes_accounts
// description: Accounts whose pairs the given load batches can change: those the batches created, and those with a link the batches created to an entity that pairs them with another account (at least two users, none above its family's supernode cut-off). One row: their ids in order.
// mode: read
// Loads stamp new accounts (Account.load_batch) and new account-entity links (r.load_batch). A new link to an
// entity nobody else uses, or to one cut as a supernode, gives no pair, so it leaves the account unchanged.
// The family switches and degree bounds are detection/link_pairs' own (its one home; keep the two in step:
// tests/detection/test_changes_accounts.py checks them against each other), from the same $fam and
// $template_max_degree. Each entity is counted once however many new links it gained.
// The cost must follow the new links, not the platform:
// - Each branch starts from a seek in the link index (the hints): on its own the planner sometimes scanned
//   every entity of the label and expanded all their links (47,762 e-mail domains, 440,000 links, for 60
//   new accounts: 0.4 s of a 2 s incremental run), or scanned the whole index (every stamped link); a
//   plain `USING INDEX` still allows the second.
// - Degrees are read off the entity (no label on the far end: only accounts hold these links), once.
// - A prefix's or ASN's users are counted only up to one past the cut-off.
CALL () {
  UNWIND $batch_ids AS batch_id
  MATCH (a:Account {load_batch: batch_id})
  RETURN a
  UNION
  UNWIND $batch_ids AS batch_id
  MATCH (a:Account)-[r:PAID_WITH {load_batch: batch_id}]->(e:PaymentInstrument)
  USING INDEX SEEK r:PAID_WITH(load_batch)
  WHERE $fam.instrument.enabled
  WITH e, collect(a) AS gained
  WITH gained, COUNT { (e)<-[:PAID_WITH]-() } AS d
  WHERE 2 <= d <= $fam.instrument.max_degree
  UNWIND gained AS a
  RETURN a
  UNION
  UNWIND $batch_ids AS batch_id
  MATCH (a:Account)-[r:USED_IP {load_batch: batch_id}]->(e:IP)
  USING INDEX SEEK r:USED_IP(load_batch)
  WHERE $fam.ip.enabled
  WITH e, collect(a) AS gained
  WITH gained, COUNT { (e)<-[:USED_IP]-() } AS d
  WHERE 2 <= d <= $fam.ip.max_degree
  UNWIND gained AS a
  RETURN a
  UNION
  // A new IP can pair its account through the IP's prefix or ASN even when nobody else uses the address.
  UNWIND $batch_ids AS batch_id
  MATCH (a:Account)-[r:USED_IP {load_batch: batch_id}]->(:IP)-[:IN_PREFIX]->(e:Prefix)
  USING INDEX SEEK r:USED_IP(load_batch)
  WHERE $fam.prefix.enabled
  WITH e, collect(DISTINCT a) AS gained
  CALL (e) {
    MATCH (e)<-[:IN_PREFIX]-(:IP)<-[:USED_IP]-(b:Account)
    WITH DISTINCT b LIMIT $fam.prefix.max_degree + 1
    RETURN count(b) AS d
  }
  WITH gained, d WHERE 2 <= d <= $fam.prefix.max_degree
  UNWIND gained AS a
  RETURN a
  UNION
  UNWIND $batch_ids AS batch_id
  MATCH (a:Account)-[r:USED_IP {load_batch: batch_id}]->(:IP)-[:IN_ASN]->(e:ASN)
  USING INDEX SEEK r:USED_IP(load_batch)
  WHERE $fam.asn.enabled
  WITH e, collect(DISTINCT a) AS gained
  CALL (e) {
    MATCH (e)<-[:IN_ASN]-(:IP)<-[:USED_IP]-(b:Account)
    WITH DISTINCT b LIMIT $fam.asn.max_degree + 1
    RETURN count(b) AS d
  }
  WITH gained, d WHERE 2 <= d <= $fam.asn.max_degree
  UNWIND gained AS a
  RETURN a
  UNION
  UNWIND $batch_ids AS batch_id
  MATCH (a:Account)-[r:HAS_EMAIL_DOMAIN {load_batch: batch_id}]->(e:EmailDomain)
  USING INDEX SEEK r:HAS_EMAIL_DOMAIN(load_batch)
  WHERE $fam.email_domain.enabled
  WITH e, collect(a) AS gained
  WITH gained, COUNT { (e)<-[:HAS_EMAIL_DOMAIN]-() } AS d
  WHERE 2 <= d <= $fam.email_domain.max_degree
  UNWIND gained AS a
  RETURN a
  UNION
  UNWIND $batch_ids AS batch_id
  MATCH (a:Account)-[r:SENT {load_batch: batch_id}]->(e:PromptTemplate)
  USING INDEX SEEK r:SENT(load_batch)
  WHERE $fam.template.enabled OR $fam.synchrony.enabled
  WITH e, collect(a) AS gained
  WITH gained, COUNT { (e)<-[:SENT]-() } AS d
  WHERE 2 <= d <= $template_max_degree
  UNWIND gained AS a
  RETURN a
}
// One row, not one per account: the driver's per-record cost was half the query's time at a tenth.
WITH DISTINCT a.account_id AS account_id
ORDER BY account_id
RETURN collect(account_id) AS accounts

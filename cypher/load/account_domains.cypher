// name: load/account_domains
// description: Links accounts (written earlier in the same transaction) to their e-mail domain.
// mode: write
UNWIND $rows AS row
MATCH (a:Account {account_id: row.account_id})
MERGE (d:EmailDomain {domain: row.email_domain})
MERGE (a)-[r:HAS_EMAIL_DOMAIN]->(d)
  ON CREATE SET r.load_batch = $batch_id

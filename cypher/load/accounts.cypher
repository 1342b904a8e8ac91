// name: load/accounts
// description: Upserts accounts with their e-mail domain and organisation; a given value replaces, a missing one keeps.
// mode: write
UNWIND $rows AS row
MERGE (a:Account {account_id: row.account_id})
SET a.created_at = coalesce(row.created_at, a.created_at),
    a.email_domain = coalesce(row.email_domain, a.email_domain),
    a.country = coalesce(row.country, a.country),
    a.plan = coalesce(row.plan, a.plan),
    a.org_id = coalesce(row.org_id, a.org_id),
    a.signup_channel = coalesce(row.signup_channel, a.signup_channel),
    a.status = coalesce(row.status, a.status)
WITH a, row
CALL (a, row) {
  WITH a, row
  WHERE row.email_domain IS NOT NULL
  MERGE (d:EmailDomain {domain: row.email_domain})
  MERGE (a)-[:HAS_EMAIL_DOMAIN]->(d)
  WITH a, d
  OPTIONAL MATCH (a)-[old:HAS_EMAIL_DOMAIN]->(other:EmailDomain)
  WHERE other <> d
  DELETE old
}
CALL (a, row) {
  WITH a, row
  WHERE row.org_id IS NOT NULL
  MERGE (o:Org {org_id: row.org_id})
  MERGE (a)-[:IN_ORG]->(o)
  WITH a, o
  OPTIONAL MATCH (a)-[old:IN_ORG]->(other:Org)
  WHERE other <> o
  DELETE old
}

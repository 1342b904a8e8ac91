// name: load/accounts
// description: Upserts accounts (one row per account; a given value replaces, a missing one keeps; times as ISO 8601 text) and drops the domain / organisation links of accounts whose value changed.
// mode: write
UNWIND $rows AS row
MERGE (a:Account {account_id: row.account_id})
  ON CREATE SET a.load_batch = $batch_id
WITH a, row, a.email_domain AS old_domain, a.org_id AS old_org
SET a.created_at = coalesce(datetime(row.created_at), a.created_at),
    a.email_domain = coalesce(row.email_domain, a.email_domain),
    a.country = coalesce(row.country, a.country),
    a.plan = coalesce(row.plan, a.plan),
    a.org_id = coalesce(row.org_id, a.org_id),
    a.signup_channel = coalesce(row.signup_channel, a.signup_channel),
    a.status = coalesce(row.status, a.status)
// A link can only be stale where the property held another value before: new and unchanged accounts
// (null or equal comparisons) skip the expansion entirely.
WITH a, row, old_domain, old_org
WHERE old_domain <> row.email_domain OR old_org <> row.org_id
CALL (a, row) {
  MATCH (a)-[old:HAS_EMAIL_DOMAIN]->(d:EmailDomain)
  WHERE row.email_domain IS NOT NULL AND d.domain <> row.email_domain
  DELETE old
}
CALL (a, row) {
  MATCH (a)-[old:IN_ORG]->(o:Org)
  WHERE row.org_id IS NOT NULL AND o.org_id <> row.org_id
  DELETE old
}

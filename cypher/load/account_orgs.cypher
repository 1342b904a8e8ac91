// name: load/account_orgs
// description: Links accounts (written earlier in the same transaction) to their organisation.
// mode: write
UNWIND $rows AS row
MATCH (a:Account {account_id: row.account_id})
MERGE (o:Org {org_id: row.org_id})
MERGE (a)-[:IN_ORG]->(o)

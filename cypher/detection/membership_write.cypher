// name: detection/membership_write
// description: Writes a batch of account memberships of a run, tagged with the run.
// mode: write
UNWIND $rows AS row
MATCH (a:Account {account_id: row.account_id})
MATCH (c:Campaign {campaign_id: row.campaign_id})
MERGE (a)-[m:IN_CAMPAIGN]->(c)
SET m.membership = row.membership, m.run_id = $run_id
RETURN count(m) AS written

// name: bench/write_communities
// description: Writes the in-process baseline's community per account (detection benchmark write-back).
// mode: write
UNWIND $rows AS row
MATCH (a:Account {account_id: row.account_id})
SET a.bench_community = row.community

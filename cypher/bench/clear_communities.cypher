// name: bench/clear_communities
// description: Removes the detection benchmark's baseline community property again.
// mode: write
MATCH (a:Account) WHERE a.bench_community IS NOT NULL
CALL (a) { REMOVE a.bench_community } IN TRANSACTIONS OF 10000 ROWS

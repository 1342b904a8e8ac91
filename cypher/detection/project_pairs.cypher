// name: detection/project_pairs
// description: Run through the GDS client's Cypher projection. Puts the pairs detection/link_pairs computed into the GDS catalog as the undirected weighted Account-Account graph, in their order, each account with its Leiden seed. $accounts: the distinct account ids; $seeds: their seeds; $source / $target: positions in both; $weight: the pair weights.
// mode: read
// Kept apart from the pair computation on purpose: GDS plans the whole text of a projection query again on
// every projection (to estimate its rows, without the parameters, so the plan cache never helps), and this
// text takes milliseconds to plan where the pair computation took half a second.
UNWIND range(0, size($accounts) - 1) AS i
OPTIONAL MATCH (a:Account {account_id: $accounts[i]})
// [a], not a: collect skips nulls, and positions must stay those of $accounts (an account deleted since the
// pairs were read is left out with its pairs).
WITH i, [a] AS node ORDER BY i
WITH collect(node) AS nodes
UNWIND range(0, size($source) - 1) AS r
WITH nodes[$source[r]][0] AS a, nodes[$target[r]][0] AS b, $seeds[$source[r]] AS sa, $seeds[$target[r]] AS sb,
     $weight[r] AS weight
  WHERE a IS NOT NULL AND b IS NOT NULL
RETURN gds.graph.project(
  $graph_name, a, b,
  {
    sourceNodeProperties: {seed: sa},
    targetNodeProperties: {seed: sb},
    relationshipProperties: {weight: weight}
  },
  {undirectedRelationshipTypes: ['*']}
) AS projection

// name: detection/leiden_stream
// description: Leiden communities of a projected detection graph, with each node's account id, as three parallel lists in one record ($config: the procedure's own configuration map, camelCase).
// mode: read
// One record of lists, and the account ids read in the same query: through the client's stream (a record
// per node, then a second query for the account ids) the call cost several times what Leiden itself does on
// an incremental run's graph.
CALL gds.leiden.stream($graph_name, $config)
YIELD nodeId, communityId
RETURN collect(nodeId) AS node_id, collect(gds.util.asNode(nodeId).account_id) AS account_id,
       collect(communityId) AS community

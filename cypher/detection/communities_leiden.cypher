// name: detection/communities_leiden
// description: Leiden communities of the weighted projected account graph (fixed random seed; optional seed property from the previous run).
// mode: read
CALL gds.leiden.stream($graph_name, $config)
YIELD nodeId, communityId
RETURN nodeId AS node_id, gds.util.asNode(nodeId).account_id AS account_id, communityId AS community

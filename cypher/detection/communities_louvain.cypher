// name: detection/communities_louvain
// description: Louvain communities of the weighted projected account graph (optional seed property from the previous run).
// mode: read
CALL gds.louvain.stream($graph_name, $config)
YIELD nodeId, communityId
RETURN nodeId AS node_id, gds.util.asNode(nodeId).account_id AS account_id, communityId AS community

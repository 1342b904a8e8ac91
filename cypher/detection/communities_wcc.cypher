// name: detection/communities_wcc
// description: Weakly connected components of the projected account graph over links at or above a weight threshold.
// mode: read
CALL gds.wcc.stream($graph_name, {relationshipWeightProperty: 'weight', threshold: $threshold, concurrency: $concurrency})
YIELD nodeId, componentId
RETURN nodeId AS node_id, gds.util.asNode(nodeId).account_id AS account_id, componentId AS community

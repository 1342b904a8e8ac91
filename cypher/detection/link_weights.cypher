// name: detection/link_weights
// description: Streams the projected account-account links with their weights, each undirected link once, for merging communities and membership strength.
// mode: read
CALL gds.graph.relationshipProperty.stream($graph_name, 'weight')
YIELD sourceNodeId, targetNodeId, propertyValue
WITH sourceNodeId, targetNodeId, propertyValue WHERE sourceNodeId < targetNodeId
RETURN sourceNodeId AS source, targetNodeId AS target, propertyValue AS weight

// name: detection/links_stream
// description: Every projected link once (the undirected graph streams both directions) with its weight, as three parallel lists in one record: decoding a few lists is a fraction of decoding one record per link.
// mode: read
CALL gds.graph.relationshipProperty.stream($graph_name, 'weight')
YIELD sourceNodeId, targetNodeId, propertyValue
WITH sourceNodeId, targetNodeId, propertyValue WHERE sourceNodeId < targetNodeId
RETURN collect(sourceNodeId) AS source, collect(targetNodeId) AS target, collect(propertyValue) AS weight

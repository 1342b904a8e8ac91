// name: detection/drop_graph
// description: Drops a detection run's in-memory GDS graph if it exists (also after a failure).
// mode: read
CALL gds.graph.drop($graph_name, false) YIELD graphName
RETURN graphName AS graph_name

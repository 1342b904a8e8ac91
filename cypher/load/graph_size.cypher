// name: load/graph_size
// description: Nodes and relationships in the database (count store lookups): a bulk load needs an empty store and checks the imported one.
// mode: read
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships

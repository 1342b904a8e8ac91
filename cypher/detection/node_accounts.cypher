// name: detection/node_accounts
// description: The account id behind each node id a GDS stream returned, and nothing else of the node (reading whole nodes was most of the community step's time).
// mode: read
UNWIND $node_ids AS node_id
RETURN node_id, gds.util.asNode(node_id).account_id AS account_id

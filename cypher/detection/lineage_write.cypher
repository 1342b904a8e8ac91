// name: detection/lineage_write
// description: Records that a campaign derives from another by a merge or a split (first record of a pair wins).
// mode: write
UNWIND $rows AS row
MATCH (child:Campaign {campaign_id: row.child})
MATCH (parent:Campaign {campaign_id: row.parent})
MERGE (child)-[d:DERIVED_FROM]->(parent)
  ON CREATE SET d.kind = row.kind, d.overlap = row.overlap, d.run_id = $run_id, d.created_at = datetime()
RETURN count(d) AS written

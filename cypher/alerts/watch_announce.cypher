// name: alerts/watch_announce
// description: Records that a watched entity's presence in a campaign was announced, so it is announced once.
// mode: write
UNWIND $rows AS row
MATCH (w:Watch {watch_id: row.watch_id})
MATCH (c:Campaign {campaign_id: row.campaign_id})
MERGE (w)-[s:WATCH_SEEN]->(c)
  ON CREATE SET s.run_id = $run_id, s.at = datetime()
RETURN count(s) AS written

// name: detection/detected_in_write
// description: Ties each campaign found to the run that found it, with its score then (score history).
// mode: write
MATCH (r:DetectionRun {run_id: $run_id})
UNWIND $rows AS row
MATCH (c:Campaign {campaign_id: row.campaign_id})
CREATE (c)-[d:DETECTED_IN {score: row.score, size: row.size, origin: row.origin}]->(r)
RETURN count(d) AS written

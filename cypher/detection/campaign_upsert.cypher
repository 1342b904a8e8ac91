// name: detection/campaign_upsert
// description: Creates or updates the campaigns found by a run; never touches analyst decisions (status, decided_*).
// mode: write
UNWIND $rows AS row
MERGE (c:Campaign {campaign_id: row.campaign_id})
  ON CREATE SET c.status = 'candidate', c.created_run = $run_id, c.created_at = datetime()
SET c.active = true,
    c.last_run = $run_id,
    c.deactivated_run = null,
    c.score = row.score,
    c.features = row.features,
    c.evidence = row.evidence,
    c.size = row.size,
    c.capability = row.capability,
    c.first_seen = datetime(row.first_seen),
    c.last_seen = datetime(row.last_seen)
RETURN count(c) AS written

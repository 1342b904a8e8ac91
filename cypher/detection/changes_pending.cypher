// name: detection/changes_pending
// description: Load batches no successful detection run has taken in yet: what an incremental run reads its changed accounts from.
// mode: read
MATCH (b:LoadBatch)
WHERE b.detected_run IS NULL AND b.rows IS NOT NULL
RETURN b.batch_id AS batch_id
ORDER BY batch_id

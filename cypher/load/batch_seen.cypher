// name: load/batch_seen
// description: Whether a load batch was already applied (its marker exists); read inside the batch's own write transaction.
// mode: read
OPTIONAL MATCH (b:LoadBatch {batch_id: $batch_id})
RETURN b IS NOT NULL AS seen

// name: load/batches_done
// description: Markers of a load unit already applied (batch ids share the unit's prefix; uses the unique index).
// mode: read
MATCH (b:LoadBatch)
WHERE b.batch_id STARTS WITH $prefix
RETURN b.batch_id AS batch_id

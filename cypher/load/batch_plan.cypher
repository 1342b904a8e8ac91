// name: load/batch_plan
// description: Pins the batch size of a load unit on first sight, so a resumed load cuts identical batches.
// mode: write
MERGE (p:LoadBatch {batch_id: $batch_id})
  ON CREATE SET p.unit = $unit, p.kind = $kind, p.batch_size = $batch_size, p.loaded_at = datetime()
RETURN p.batch_size AS batch_size

// name: load/batch_mark
// description: Records a load batch as applied, in the same transaction as its writes (exactly-once increments).
// mode: write
CREATE (:LoadBatch {batch_id: $batch_id, unit: $unit, kind: $kind, rows: $rows, loaded_at: datetime()})

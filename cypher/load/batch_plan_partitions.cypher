// name: load/batch_plan_partitions
// description: Pins the batch size and writer partitions of a load unit on first sight (plans from before partitioning count as one partition).
// mode: write
MERGE (p:LoadBatch {batch_id: $batch_id})
  ON CREATE SET p.unit = $unit, p.kind = $kind, p.batch_size = $batch_size, p.partitions = $partitions,
                p.loaded_at = datetime()
RETURN p.batch_size AS batch_size, coalesce(p.partitions, 1) AS partitions

// name: detection/changes_consume
// description: Marks the load batches a run read as taken in by it, inside the run's switch transaction: if the run fails they stay pending for the next one.
// mode: write
UNWIND $batch_ids AS batch_id
MATCH (b:LoadBatch {batch_id: batch_id})
SET b.detected_run = $run_id
RETURN count(b) AS consumed

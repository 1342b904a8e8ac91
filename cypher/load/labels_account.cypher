// name: load/labels_account
// description: Ties account entities to actors (LABELLED_AS); the actor's other spellings become aliases.
// mode: write
UNWIND $rows AS row
MERGE (x:Actor {actor_id: row.actor_id})
  ON CREATE SET x.name = row.actor, x.aliases = [], x.created_at = datetime(), x.created_by = row.created_by
SET x.aliases = CASE WHEN row.actor <> x.name AND NOT row.actor IN coalesce(x.aliases, [])
                     THEN coalesce(x.aliases, []) + row.actor ELSE x.aliases END
WITH x, row
MERGE (e:Account {account_id: row.value})
  ON CREATE SET e.load_batch = $batch_id
WITH x, row, e
MERGE (e)-[l:LABELLED_AS]->(x)
  ON CREATE SET l.created_at = datetime(), l.created_by = row.created_by
SET l.confidence = row.confidence, l.source = row.source, l.note = row.note

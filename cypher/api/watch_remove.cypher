// name: api/watch_remove
// description: Stops watching an entity; returns what was removed.
// mode: write
MATCH (w:Watch {watch_id: $watch_id})
WITH w, w {.watch_id, .kind, .key, .note, .created_by, .created_at} AS watch
DETACH DELETE w
RETURN watch, [] AS campaigns

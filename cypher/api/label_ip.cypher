// name: api/label_ip
// description: Labels an existing IP as an actor's (one label per entity and actor; a new one replaces the old values).
// mode: write
MATCH (e:IP {address: $key}), (x:Actor {actor_id: $actor_id})
MERGE (e)-[l:LABELLED_AS]->(x)
SET l.confidence = $confidence, l.source = $source, l.note = $note, l.created_at = datetime(), l.created_by = $by
RETURN x {.*} AS actor, l {.*} AS edge

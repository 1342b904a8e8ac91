// name: api/label_template
// description: Labels an existing PromptTemplate as an actor's (one label per entity and actor; a new one replaces the old values).
// mode: write
MATCH (e:PromptTemplate {template_id: $key}), (x:Actor {actor_id: $actor_id})
MERGE (e)-[l:LABELLED_AS]->(x)
SET l.confidence = $confidence, l.source = $source, l.note = $note, l.created_at = datetime(), l.created_by = $by
RETURN x {.*} AS actor, l {.*} AS edge

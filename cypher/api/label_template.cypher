// name: api/label_template
// description: Labels an existing PromptTemplate as an actor's (one label per entity and actor; a new one replaces the old values); with a campaign id, appends the label to that campaign's case history in the same transaction.
// params: key, actor_id, confidence, source, note, by, campaign_id, kind
// mode: write
MATCH (e:PromptTemplate {template_id: $key}), (x:Actor {actor_id: $actor_id})
OPTIONAL MATCH (c:Campaign {campaign_id: $campaign_id})
WITH e, x, c WHERE $campaign_id IS NULL OR c IS NOT NULL
MERGE (e)-[l:LABELLED_AS]->(x)
SET l.confidence = $confidence, l.source = $source, l.note = $note, l.created_at = datetime(), l.created_by = $by
// The label edge keeps only its latest values; the record keeps each one, on the campaign it was made from.
FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END |
  SET c.decision_seq = coalesce(c.decision_seq, 0) + 1
  CREATE (:Decision {decision_id: randomUUID(), kind: $kind, seq: c.decision_seq, by: $by, at: l.created_at,
                     note: $note, actor_id: x.actor_id, entity: 'template', entity_key: $key,
                     confidence: $confidence, source: $source})-[:ON]->(c))
RETURN x {.*} AS actor, l {.*} AS edge

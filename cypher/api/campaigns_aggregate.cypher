// name: api/campaigns_aggregate
// description: totalCount and aggregates of the campaigns matching the same filters as api/campaigns_page.
// mode: read
MATCH (c:Campaign)
WHERE ($statuses IS NULL OR c.status IN $statuses)
  AND ($min_score IS NULL OR c.score >= $min_score)
  AND ($max_score IS NULL OR c.score <= $max_score)
  AND ($capability IS NULL OR c.capability = $capability)
  AND ($active IS NULL OR coalesce(c.active, false) = $active)
  AND ($min_size IS NULL OR c.size >= $min_size)
  AND ($actor_id IS NULL OR EXISTS {
    MATCH (c)-[t:ATTRIBUTED_TO]->(:Actor {actor_id: $actor_id}) WHERE coalesce(t.status, "proposed") <> "rejected"
  })
RETURN count(c) AS total,
       sum(CASE c.status WHEN "candidate" THEN 1 ELSE 0 END) AS candidate,
       sum(CASE c.status WHEN "confirmed" THEN 1 ELSE 0 END) AS confirmed,
       sum(CASE c.status WHEN "dismissed" THEN 1 ELSE 0 END) AS dismissed,
       min(c.score) AS min_score, max(c.score) AS max_score, avg(c.score) AS avg_score,
       sum(coalesce(c.size, 0)) AS accounts

// name: api/campaigns_page
// description: One page of campaigns for the campaigns connection: filters, a parameterised sort, offset paging.
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
WITH c, CASE $sort
    WHEN "score" THEN c.score
    WHEN "size" THEN c.size
    WHEN "first_seen" THEN c.first_seen
    WHEN "last_seen" THEN c.last_seen
    ELSE c.campaign_id
  END AS k
// A unique last key keeps pages stable, so an offset cursor never skips or repeats a campaign.
ORDER BY CASE WHEN $desc THEN k END DESC, CASE WHEN NOT $desc THEN k END ASC, c.campaign_id
SKIP $skip LIMIT $limit
RETURN c {.*} AS campaign

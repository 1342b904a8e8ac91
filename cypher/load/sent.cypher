// name: load/sent
// description: Adds account-template usage: counts and tokens add up, seen times widen, hourly buckets merge (sum per hour, sorted).
// mode: write
UNWIND $rows AS row
MATCH (t:PromptTemplate {template_id: row.template_id})
MERGE (a:Account {account_id: row.account_id})
MERGE (a)-[s:SENT]->(t)
WITH s, row, coalesce(s.hours, []) AS h0, coalesce(s.hour_counts, []) AS c0
CALL (row, h0, c0) {
  // One row always (aggregation without grouping keys), also when both lists are empty.
  UNWIND range(0, size(h0) + size(row.hours) - 1) AS i
  WITH CASE WHEN i < size(h0) THEN h0[i] ELSE row.hours[i - size(h0)] END AS h,
       CASE WHEN i < size(h0) THEN c0[i] ELSE row.hour_counts[i - size(h0)] END AS c
  WITH h, sum(c) AS c
  ORDER BY h
  RETURN collect(h) AS hours, collect(c) AS hour_counts
}
SET s.hours = hours,
    s.hour_counts = hour_counts,
    s.requests = coalesce(s.requests, 0) + row.requests,
    s.input_tokens = coalesce(s.input_tokens, 0) + row.input_tokens,
    s.output_tokens = coalesce(s.output_tokens, 0) + row.output_tokens,
    s.first_seen = CASE WHEN s.first_seen IS NULL OR row.first_seen < s.first_seen
                        THEN row.first_seen ELSE s.first_seen END,
    s.last_seen = CASE WHEN s.last_seen IS NULL OR row.last_seen > s.last_seen
                       THEN row.last_seen ELSE s.last_seen END

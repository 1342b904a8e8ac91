// name: load/sent
// description: Adds account-template usage (accounts and templates exist): counts and tokens add up, seen times widen, hourly buckets merge.
// mode: write
UNWIND $rows AS row
// Times travel as epoch milliseconds: converting them here is far cheaper than in the Python driver.
WITH row, datetime({epochMillis: row.first_seen}) AS first, datetime({epochMillis: row.last_seen}) AS last
MATCH (a:Account {account_id: row.account_id})
MATCH (t:PromptTemplate {template_id: row.template_id})
MERGE (a)-[s:SENT]->(t)
  ON CREATE SET s.load_batch = $batch_id
WITH s, row, first, last
// Only a link an earlier load wrote has buckets to merge (sum per hour, sorted); a new one takes the row's
// lists as they are, which keeps the common case (a first load) to plain property writes.
CALL (s, row) {
  WITH s, row
  WHERE s.hours IS NOT NULL
  UNWIND range(0, size(s.hours) + size(row.hours) - 1) AS i
  WITH s,
       CASE WHEN i < size(s.hours) THEN s.hours[i] ELSE row.hours[i - size(s.hours)] END AS h,
       CASE WHEN i < size(s.hours) THEN s.hour_counts[i] ELSE row.hour_counts[i - size(s.hours)] END AS c
  WITH s, h, sum(c) AS c
  ORDER BY h
  WITH s, collect(h) AS hours, collect(c) AS hour_counts
  SET s.hours = hours, s.hour_counts = hour_counts
}
SET s.hours = coalesce(s.hours, row.hours),
    s.hour_counts = coalesce(s.hour_counts, row.hour_counts),
    s.requests = coalesce(s.requests, 0) + row.requests,
    s.input_tokens = coalesce(s.input_tokens, 0) + row.input_tokens,
    s.output_tokens = coalesce(s.output_tokens, 0) + row.output_tokens,
    s.first_seen = CASE WHEN s.first_seen IS NULL OR first < s.first_seen
                        THEN first ELSE s.first_seen END,
    s.last_seen = CASE WHEN s.last_seen IS NULL OR last > s.last_seen
                       THEN last ELSE s.last_seen END

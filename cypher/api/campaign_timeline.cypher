// name: api/campaign_timeline
// description: A campaign's requests per UTC day, summed from the hour buckets on its members' SENT links.
// mode: read
MATCH (:Campaign {campaign_id: $campaign_id})<-[:IN_CAMPAIGN]-(:Account)-[s:SENT]->(:PromptTemplate)
WHERE s.hours IS NOT NULL
UNWIND range(0, size(s.hours) - 1) AS i
WITH s.hours[i] / 24 AS day, coalesce(s.hour_counts[i], 1) AS n
WITH day, sum(n) AS requests
ORDER BY day
RETURN date(datetime({epochSeconds: day * 86400})) AS day, requests

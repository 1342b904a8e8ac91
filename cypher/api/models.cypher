// name: api/models
// description: Every model with its first request on the platform (the release proxy of the data model), oldest first.
// mode: read
MATCH (m:Model)
RETURN m.name AS name, m.first_seen AS first_seen
ORDER BY m.first_seen, m.name

// name: api/ready
// description: The readiness probe: answers only when the configured database is online and serving queries.
// mode: read
RETURN 1 AS ready

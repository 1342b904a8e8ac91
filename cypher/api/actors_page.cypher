// name: api/actors_page
// description: One page of actors by name (optionally filtered by a case-insensitive substring of name or alias), with the total.
// mode: read
MATCH (x:Actor)
WHERE $search IS NULL OR toLower(x.name) CONTAINS toLower($search)
   OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) CONTAINS toLower($search))
WITH x ORDER BY x.name, x.actor_id
WITH collect(x) AS actors
RETURN size(actors) AS total, [x IN actors[$skip..($skip + $limit)] | x {.*}] AS rows

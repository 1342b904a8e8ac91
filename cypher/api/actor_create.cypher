// name: api/actor_create
// description: Creates an actor (the uniqueness constraint on actor_id refuses a duplicate).
// mode: write
CREATE (x:Actor {actor_id: $actor_id, name: $name, aliases: $aliases, created_at: datetime(), created_by: $by})
RETURN x {.*} AS actor

// name: api/actors_by_ids
// description: Actors by id, batched for the actor DataLoader.
// mode: read
UNWIND $ids AS id
MATCH (x:Actor {actor_id: id})
RETURN x {.*} AS actor

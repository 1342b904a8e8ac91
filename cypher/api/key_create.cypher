// name: api/key_create
// description: Stores a new API key: only the SHA-256 of its secret, never the secret itself.
// mode: write
CREATE (k:ApiKey {key_id: $key_id, name: $name, role: $role, hash: $hash, created_at: datetime()})
RETURN k.key_id AS key_id, k.name AS name, k.role AS role, k.created_at AS created_at

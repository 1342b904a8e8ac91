// name: api/key_get
// description: One API key by id, for verifying a presented key (hash compared in the application).
// mode: read
MATCH (k:ApiKey {key_id: $key_id})
RETURN k.key_id AS key_id, k.name AS name, k.role AS role, k.hash AS hash, k.revoked_at AS revoked_at

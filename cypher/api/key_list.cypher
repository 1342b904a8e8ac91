// name: api/key_list
// description: Every API key (without hashes), newest first.
// mode: read
MATCH (k:ApiKey)
RETURN k.key_id AS key_id, k.name AS name, k.role AS role, k.created_at AS created_at,
       k.revoked_at AS revoked_at
ORDER BY k.created_at DESC, k.key_id

// name: api/key_revoke
// description: Revokes an API key (keeps the node so the audit trail still resolves its name).
// mode: write
MATCH (k:ApiKey {key_id: $key_id})
SET k.revoked_at = coalesce(k.revoked_at, datetime())
RETURN k.key_id AS key_id, k.name AS name, k.revoked_at AS revoked_at

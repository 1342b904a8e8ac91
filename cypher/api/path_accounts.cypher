// name: api/path_accounts
// description: The shortest evidence path between two accounts through shared entities only (IP, prefix, instrument, template, email domain), skipping supernodes above $max_degree links.
// mode: read
MATCH (a:Account {account_id: $from}), (b:Account {account_id: $to})
MATCH p = SHORTEST 1 (a)(()-[:USED_IP|PAID_WITH|SENT|HAS_EMAIL_DOMAIN|IN_PREFIX]-(n)
            WHERE n:Account OR COUNT { (n)--() } <= $max_degree){1,8}(b)
WHERE length(p) <= $max_length
RETURN [n IN nodes(p) | {
         label: labels(n)[0],
         key: coalesce(n.account_id, n.address, n.cidr, left(n.instrument_key, 12), n.template_id, n.domain)
       }] AS nodes,
       [r IN relationships(p) | type(r)] AS relationships

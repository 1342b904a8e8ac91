// name: api/account_neighbourhood
// description: An account's direct neighbourhood: IPs (with prefix and ASN), instruments (key prefix), templates, email domain, org, campaigns and labels, each list bounded.
// mode: read
MATCH (e:Account {account_id: $key})
RETURN COLLECT {
         MATCH (e)-[u:USED_IP]->(x:IP)
         WITH x, u ORDER BY u.requests DESC, x.address LIMIT $limit
         RETURN {key: x.address, detail: x.ip_type, requests: u.requests, first_seen: u.first_seen,
                 last_seen: u.last_seen, degree: COUNT { (x)<-[:USED_IP]-(:Account) },
                 prefix: head(COLLECT { MATCH (x)-[:IN_PREFIX]->(p:Prefix) RETURN p.cidr }),
                 asn: head(COLLECT { MATCH (x)-[:IN_ASN]->(n:ASN) RETURN n.asn })}
       } AS ips,
       COLLECT {
         MATCH (e)-[u:PAID_WITH]->(x:PaymentInstrument)
         WITH x, u ORDER BY x.instrument_key LIMIT $limit
         RETURN {key: left(x.instrument_key, 12), detail: x.instrument_type, first_seen: u.first_used,
                 degree: COUNT { (x)<-[:PAID_WITH]-(:Account) }}
       } AS instruments,
       COLLECT {
         MATCH (e)-[s:SENT]->(x:PromptTemplate)
         WITH x, s ORDER BY s.requests DESC, x.template_id LIMIT $limit
         RETURN {key: x.template_id, detail: x.capability, requests: s.requests, first_seen: s.first_seen,
                 last_seen: s.last_seen, degree: COUNT { (x)<-[:SENT]-(:Account) }}
       } AS templates,
       COLLECT {
         MATCH (e)-[:HAS_EMAIL_DOMAIN]->(x:EmailDomain)
         RETURN {key: x.domain, degree: COUNT { (x)<-[:HAS_EMAIL_DOMAIN]-(:Account) }}
       } AS email_domains,
       COLLECT { MATCH (e)-[m:IN_CAMPAIGN]->(c:Campaign) RETURN {campaign: c {.*}, membership: m.membership} }
         AS campaigns,
       COLLECT { MATCH (e)-[l:LABELLED_AS]->(x:Actor) RETURN {actor: x {.*}, edge: l {.*}} } AS labels

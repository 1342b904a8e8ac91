// name: api/attribution_account
// description: Attribution of one account: its campaigns (with their attributions), its own labels, and the entities it links to (to match against campaign evidence).
// mode: read
MATCH (e:Account {account_id: $key})
RETURN e.account_id AS key,
       COLLECT {
         MATCH (e)-[m:IN_CAMPAIGN]->(c:Campaign)
         RETURN {campaign: c {.*}, membership: m.membership, shared: 1, sample: [e.account_id], attributions: COLLECT { MATCH (c)-[t:ATTRIBUTED_TO]->(x:Actor) RETURN {actor: x {.*}, edge: t {.*}} }}
       } AS campaigns,
       COLLECT { MATCH (e)-[l:LABELLED_AS]->(x:Actor) RETURN {actor: x {.*}, edge: l {.*}} } AS labels,
       // The account's entities only matter to match a campaign's evidence: skip them for non-members.
       CASE WHEN NOT EXISTS { (e)-[:IN_CAMPAIGN]->(:Campaign) } THEN [] ELSE
       COLLECT { MATCH (e)-[:USED_IP]->(x:IP) RETURN {kind: "ip", key: x.address} LIMIT $entity_limit }
       + COLLECT {
           MATCH (e)-[:USED_IP]->(:IP)-[:IN_PREFIX]->(x:Prefix)
           RETURN DISTINCT {kind: "prefix", key: x.cidr} LIMIT $entity_limit
         }
       + COLLECT {
           MATCH (e)-[:USED_IP]->(:IP)-[:IN_ASN]->(x:ASN)
           RETURN DISTINCT {kind: "asn", key: toString(x.asn)} LIMIT $entity_limit
         }
       + COLLECT {
           MATCH (e)-[:PAID_WITH]->(x:PaymentInstrument)
           RETURN {kind: "instrument", key: x.instrument_key} LIMIT $entity_limit
         }
       + COLLECT {
           MATCH (e)-[:SENT]->(x:PromptTemplate) RETURN {kind: "template", key: x.template_id} LIMIT $entity_limit
         }
       + COLLECT {
           MATCH (e)-[:HAS_EMAIL_DOMAIN]->(x:EmailDomain) RETURN {kind: "email_domain", key: x.domain}
         }
       END AS entities

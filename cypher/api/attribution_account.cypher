// name: api/attribution_account
// description: Attribution of one account: its campaigns, its own labels, the entities it links to (to match against campaign evidence), and each non-rejected campaign -> actor attribution's evidence (as api/attribution_evidence): the whole answer in one round trip.
// mode: read
MATCH (e:Account {account_id: $key})
RETURN e.account_id AS key,
       COLLECT {
         MATCH (e)-[m:IN_CAMPAIGN]->(c:Campaign)
         RETURN {campaign: c {.*}, membership: m.membership, shared: 1, sample: [e.account_id], attributions: COLLECT {
           MATCH (c)-[t:ATTRIBUTED_TO]->(x:Actor)
           RETURN {actor: x {.*}, edge: t {.*},
             // Rejected attributions are never shown, so their evidence is never asked for.
             labels: CASE WHEN coalesce(t.status, "proposed") = "rejected" THEN [] ELSE COLLECT {
               MATCH (x)<-[l:LABELLED_AS]-(le)
               WHERE (le:Account AND EXISTS { (le)-[:IN_CAMPAIGN]->(c) })
                  OR ((le:IP OR le:PaymentInstrument OR le:EmailDomain OR le:PromptTemplate)
                      AND EXISTS { (le)<-[:USED_IP|PAID_WITH|HAS_EMAIL_DOMAIN|SENT]-(:Account)-[:IN_CAMPAIGN]->(c) })
                  OR (le:ASN AND EXISTS { (le)<-[:IN_ASN]-(:IP)<-[:USED_IP]-(:Account)-[:IN_CAMPAIGN]->(c) })
               WITH le, l ORDER BY l.confidence DESC LIMIT $evidence_limit
               RETURN {
                 kind: CASE
                   WHEN le:Account THEN "account" WHEN le:IP THEN "ip" WHEN le:PaymentInstrument THEN "instrument"
                   WHEN le:ASN THEN "asn" WHEN le:EmailDomain THEN "email_domain" ELSE "template" END,
                 key: coalesce(le.account_id, le.address, left(le.instrument_key, 12), toString(le.asn), le.domain,
                               le.template_id),
                 confidence: l.confidence, source: l.source, note: l.note,
                 via: CASE WHEN le:Account THEN null ELSE head(COLLECT {
                   MATCH (le)<-[:IN_ASN*0..1]-()<-[:USED_IP|PAID_WITH|HAS_EMAIL_DOMAIN|SENT]-(mm:Account)-[:IN_CAMPAIGN]->(c)
                   RETURN mm.account_id LIMIT 1
                 }) END
               }
             } END,
             priors: CASE WHEN coalesce(t.status, "proposed") = "rejected" THEN [] ELSE COLLECT {
               MATCH (x)<-[pt:ATTRIBUTED_TO]-(p:Campaign)
               WHERE p <> c AND coalesce(pt.status, "proposed") <> "rejected"
               WITH p, pt ORDER BY pt.confidence DESC, p.campaign_id LIMIT $evidence_limit
               RETURN {campaign_id: p.campaign_id, evidence: p.evidence, confidence: pt.confidence, status: pt.status}
             } END}
         }}
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

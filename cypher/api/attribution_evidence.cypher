// name: api/attribution_evidence
// description: Why a campaign is tied to an actor, per (campaign, actor) pair: the actor's labelled entities its accounts touch, and the actor's other attributed campaigns (for evidence overlap).
// mode: read
UNWIND $pairs AS pair
MATCH (c:Campaign {campaign_id: pair.campaign_id}), (x:Actor {actor_id: pair.actor_id})
RETURN pair.campaign_id AS campaign_id, pair.actor_id AS actor_id, c.evidence AS evidence,
       COLLECT {
         MATCH (x)<-[l:LABELLED_AS]-(e)
         WHERE (e:Account AND EXISTS { (e)-[:IN_CAMPAIGN]->(c) })
            OR ((e:IP OR e:PaymentInstrument OR e:EmailDomain OR e:PromptTemplate)
                AND EXISTS { (e)<-[:USED_IP|PAID_WITH|HAS_EMAIL_DOMAIN|SENT]-(:Account)-[:IN_CAMPAIGN]->(c) })
            OR (e:ASN AND EXISTS { (e)<-[:IN_ASN]-(:IP)<-[:USED_IP]-(:Account)-[:IN_CAMPAIGN]->(c) })
         WITH e, l ORDER BY l.confidence DESC LIMIT $limit
         RETURN {
           kind: CASE
             WHEN e:Account THEN "account" WHEN e:IP THEN "ip" WHEN e:PaymentInstrument THEN "instrument"
             WHEN e:ASN THEN "asn" WHEN e:EmailDomain THEN "email_domain" ELSE "template" END,
           key: coalesce(e.account_id, e.address, left(e.instrument_key, 12), toString(e.asn), e.domain,
                         e.template_id),
           confidence: l.confidence, source: l.source, note: l.note,
           via: CASE WHEN e:Account THEN null ELSE head(COLLECT {
             MATCH (e)<-[:IN_ASN*0..1]-()<-[:USED_IP|PAID_WITH|HAS_EMAIL_DOMAIN|SENT]-(m:Account)-[:IN_CAMPAIGN]->(c)
             RETURN m.account_id LIMIT 1
           }) END
         }
       } AS labels,
       COLLECT {
         MATCH (x)<-[t:ATTRIBUTED_TO]-(p:Campaign)
         WHERE p <> c AND coalesce(t.status, "proposed") <> "rejected"
         WITH p, t ORDER BY t.confidence DESC, p.campaign_id LIMIT $limit
         RETURN {campaign_id: p.campaign_id, evidence: p.evidence, confidence: t.confidence, status: t.status}
       } AS priors

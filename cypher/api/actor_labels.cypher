// name: api/actor_labels
// description: The entities labelled as an actor (instrument keys by prefix only), most confident first.
// mode: read
MATCH (x:Actor {actor_id: $actor_id})<-[l:LABELLED_AS]-(e)
WITH e, l ORDER BY l.confidence DESC, l.created_at DESC LIMIT $limit
RETURN CASE
         WHEN e:Account THEN "account" WHEN e:IP THEN "ip" WHEN e:PaymentInstrument THEN "instrument"
         WHEN e:ASN THEN "asn" WHEN e:EmailDomain THEN "email_domain" ELSE "template" END AS kind,
       coalesce(e.account_id, e.address, left(e.instrument_key, 12), toString(e.asn), e.domain,
                e.template_id) AS key,
       l {.*} AS edge

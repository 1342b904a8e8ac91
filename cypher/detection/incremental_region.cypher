// name: detection/incremental_region
// description: The changed accounts and every account the projection could link to one of them: through the same entities (enabled families, same supernode cut-offs) and, in an entity too big to give all its pairs, only the changed account's sampling-window partners, exactly as link_pairs pairs them; so a popular template or a carrier NAT does not pull in its whole crowd.
// mode: read
CALL () {
  MATCH (a:Account) WHERE a.account_id IN $changed AND $fam.instrument.enabled
  MATCH (a)-[:PAID_WITH]->(e:PaymentInstrument)
  WITH DISTINCT e
  WITH e, COUNT { (e)<-[:PAID_WITH]-(:Account) } AS d
  WHERE 2 <= d <= $fam.instrument.max_degree
  MATCH (e)<-[:PAID_WITH]-(b:Account)
  WITH e, b.account_id AS id ORDER BY id
  RETURN collect(id) AS m
  UNION ALL
  MATCH (a:Account) WHERE a.account_id IN $changed AND $fam.ip.enabled
  MATCH (a)-[:USED_IP]->(e:IP)
  WITH DISTINCT e
  WITH e, COUNT { (e)<-[:USED_IP]-(:Account) } AS d
  WHERE 2 <= d <= $fam.ip.max_degree
  MATCH (e)<-[:USED_IP]-(b:Account)
  WITH e, b.account_id AS id ORDER BY id
  RETURN collect(id) AS m
  UNION ALL
  MATCH (a:Account) WHERE a.account_id IN $changed AND $fam.prefix.enabled
  MATCH (a)-[:USED_IP]->(:IP)-[:IN_PREFIX]->(e:Prefix)
  WITH DISTINCT e
  CALL (e) {
    MATCH (e)<-[:IN_PREFIX]-(:IP)<-[:USED_IP]-(b:Account)
    WITH DISTINCT b.account_id AS id ORDER BY id
    RETURN collect(id) AS m
  }
  WITH m WHERE 2 <= size(m) <= $fam.prefix.max_degree
  RETURN m
  UNION ALL
  MATCH (a:Account) WHERE a.account_id IN $changed AND $fam.asn.enabled
  MATCH (a)-[:USED_IP]->(:IP)-[:IN_ASN]->(e:ASN)
  WITH DISTINCT e
  CALL (e) {
    MATCH (e)<-[:IN_ASN]-(:IP)<-[:USED_IP]-(b:Account)
    WITH DISTINCT b.account_id AS id ORDER BY id
    RETURN collect(id) AS m
  }
  WITH m WHERE 2 <= size(m) <= $fam.asn.max_degree
  RETURN m
  UNION ALL
  MATCH (a:Account) WHERE a.account_id IN $changed AND $fam.email_domain.enabled
  MATCH (a)-[:HAS_EMAIL_DOMAIN]->(e:EmailDomain)
  WITH DISTINCT e
  WITH e, COUNT { (e)<-[:HAS_EMAIL_DOMAIN]-(:Account) } AS d
  WHERE 2 <= d <= $fam.email_domain.max_degree
  MATCH (e)<-[:HAS_EMAIL_DOMAIN]-(b:Account)
  WITH e, b.account_id AS id ORDER BY id
  RETURN collect(id) AS m
  UNION ALL
  MATCH (a:Account) WHERE a.account_id IN $changed AND ($fam.template.enabled OR $fam.synchrony.enabled)
  MATCH (a)-[:SENT]->(e:PromptTemplate)
  WITH DISTINCT e
  WITH e, COUNT { (e)<-[:SENT]-(:Account) } AS d
  WHERE 2 <= d <= $template_max_degree
  MATCH (e)<-[:SENT]-(b:Account)
  WITH e, b.account_id AS id ORDER BY id
  RETURN collect(id) AS m
}
// The changed members' positions in the entity's account order, and their partners: every co-member of a
// small entity; in a big one the next and previous $k and the chords both ways (link_pairs' windows).
WITH m, size(m) AS d
UNWIND [p IN range(0, d - 1) WHERE $changed_set[m[p]] IS NOT NULL] AS i
WITH m, d, i, [c IN range(1, $chords) WHERE c * d / (2 * ($chords + 1)) > $k | c * d / (2 * ($chords + 1))] AS cs
UNWIND CASE
  WHEN d <= 2 * $k + 1 THEN range(0, d - 1)
  ELSE [o IN range(1, $k) | (i + o) % d] + [o IN range(1, $k) | (i - o + d) % d]
     + [c IN cs | (i + c) % d] + [c IN cs | (i - c + d) % d]
END AS j
RETURN DISTINCT m[j] AS account_id
UNION
// A changed account with nothing shared (yet) is still part of its own region.
UNWIND $changed AS account_id
RETURN account_id

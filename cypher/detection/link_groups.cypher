// name: detection/link_groups
// description: The member groups of the entities $region's accounts use, as detection/link_pairs sees them (same families, degree bounds and supernode cut-offs): per entity its key, its members' account ids in account order, for templates each member's hour buckets and dedication, the family and lockstep weights, and whether it is network evidence. An incremental run computes its pairs from them (app/detection/algorithms/pair_windows.py). Entities whose key is in $known (element id -> true) were read before and are skipped.
// mode: read
// The first half of detection/link_pairs, restricted to a region: keep the two in step
// (tests/detection/test_incremental_projection.py checks the pairs made from these groups against link_pairs' own).
CALL () {
  // Each family's entities the region's accounts use (none when the family is off), less those read before.
  CALL () {
    UNWIND CASE WHEN $fam.instrument.enabled THEN $region ELSE [] END AS id
    MATCH (:Account {account_id: id})-[:PAID_WITH]->(e:PaymentInstrument)
    WITH DISTINCT e WHERE $known[elementId(e)] IS NULL
    RETURN e
  }
  WITH e, COUNT { (e)<-[:PAID_WITH]-() } AS d
  WHERE 2 <= d <= $fam.instrument.max_degree
  MATCH (e)<-[:PAID_WITH]-(a:Account)
  WITH e, a ORDER BY a.account_id
  WITH e, collect(a.account_id) AS m
  RETURN elementId(e) AS key, m, [] AS hs, [] AS ded, $fam.instrument.weight AS fw, 0.0 AS sw, false AS net
  UNION ALL
  CALL () {
    UNWIND CASE WHEN $fam.ip.enabled THEN $region ELSE [] END AS id
    MATCH (:Account {account_id: id})-[:USED_IP]->(e:IP)
    WITH DISTINCT e WHERE $known[elementId(e)] IS NULL
    RETURN e
  }
  WITH e, COUNT { (e)<-[:USED_IP]-() } AS d
  WHERE 2 <= d <= $fam.ip.max_degree
  MATCH (e)<-[:USED_IP]-(a:Account)
  WITH e, a ORDER BY a.account_id
  WITH e, collect(a.account_id) AS m
  RETURN elementId(e) AS key, m, [] AS hs, [] AS ded, $fam.ip.weight AS fw, 0.0 AS sw, true AS net
  UNION ALL
  CALL () {
    UNWIND CASE WHEN $fam.prefix.enabled THEN $region ELSE [] END AS id
    MATCH (:Account {account_id: id})-[:USED_IP]->(:IP)-[:IN_PREFIX]->(e:Prefix)
    WITH DISTINCT e WHERE $known[elementId(e)] IS NULL
    RETURN e
  }
  // One walk: at most one member past the cut-off is read, so a block above it costs no more than that.
  CALL (e) {
    MATCH (e)<-[:IN_PREFIX]-(:IP)<-[:USED_IP]-(a:Account)
    WITH DISTINCT a LIMIT $fam.prefix.max_degree + 1
    WITH a ORDER BY a.account_id
    RETURN collect(a.account_id) AS m
  }
  WITH e, m WHERE 2 <= size(m) <= $fam.prefix.max_degree
  RETURN elementId(e) AS key, m, [] AS hs, [] AS ded, $fam.prefix.weight AS fw, 0.0 AS sw, true AS net
  UNION ALL
  CALL () {
    UNWIND CASE WHEN $fam.asn.enabled THEN $region ELSE [] END AS id
    MATCH (:Account {account_id: id})-[:USED_IP]->(:IP)-[:IN_ASN]->(e:ASN)
    WITH DISTINCT e WHERE $known[elementId(e)] IS NULL
    RETURN e
  }
  // One walk: at most one member past the cut-off is read, so a block above it costs no more than that.
  CALL (e) {
    MATCH (e)<-[:IN_ASN]-(:IP)<-[:USED_IP]-(a:Account)
    WITH DISTINCT a LIMIT $fam.asn.max_degree + 1
    WITH a ORDER BY a.account_id
    RETURN collect(a.account_id) AS m
  }
  WITH e, m WHERE 2 <= size(m) <= $fam.asn.max_degree
  RETURN elementId(e) AS key, m, [] AS hs, [] AS ded, $fam.asn.weight AS fw, 0.0 AS sw, true AS net
  UNION ALL
  CALL () {
    UNWIND CASE WHEN $fam.email_domain.enabled THEN $region ELSE [] END AS id
    MATCH (:Account {account_id: id})-[:HAS_EMAIL_DOMAIN]->(e:EmailDomain)
    WITH DISTINCT e WHERE $known[elementId(e)] IS NULL
    RETURN e
  }
  WITH e, COUNT { (e)<-[:HAS_EMAIL_DOMAIN]-() } AS d
  WHERE 2 <= d <= $fam.email_domain.max_degree
  MATCH (e)<-[:HAS_EMAIL_DOMAIN]-(a:Account)
  WITH e, a ORDER BY a.account_id
  WITH e, collect(a.account_id) AS m
  RETURN elementId(e) AS key, m, [] AS hs, [] AS ded, $fam.email_domain.weight AS fw, 0.0 AS sw, false AS net
  UNION ALL
  // Templates carry both the content signal and, through the hour buckets on SENT, the lockstep signal.
  CALL () {
    UNWIND CASE WHEN $fam.template.enabled OR $fam.synchrony.enabled THEN $region ELSE [] END AS id
    MATCH (:Account {account_id: id})-[:SENT]->(e:PromptTemplate)
    WITH DISTINCT e WHERE $known[elementId(e)] IS NULL
    RETURN e
  }
  WITH e, COUNT { (e)<-[:SENT]-() } AS d
  WHERE 2 <= d <= $template_max_degree
  MATCH (e)<-[s:SENT]-(a:Account)
  WITH e, a, s ORDER BY a.account_id
  // Dedication: the share of the account's requests on this template (shrunk towards 0 for accounts with
  // few requests). Two ordinary users of a popular prompt spend a little of their traffic on it; the
  // accounts of a harvesting operation spend most of theirs.
  WITH e, collect(a.account_id) AS m, collect(coalesce(s.hours, [])) AS hs,
       collect(toFloat(coalesce(s.requests, 1)) / (coalesce(a.requests, 0) + $dedication_prior)) AS ded
  RETURN elementId(e) AS key, m, hs, ded,
         CASE WHEN $fam.template.enabled THEN $fam.template.weight ELSE 0.0 END AS fw,
         CASE WHEN $fam.synchrony.enabled THEN $fam.synchrony.weight ELSE 0.0 END AS sw, false AS net
}
// One row of parallel lists, not a record per entity: the driver's per-record cost.
RETURN collect(key) AS keys, collect(m) AS members, collect(hs) AS hours, collect(ded) AS dedication,
       collect(fw) AS family_weight, collect(sw) AS sync_weight, collect(net) AS network

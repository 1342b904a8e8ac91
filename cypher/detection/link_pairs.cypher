// name: detection/link_pairs
// description: The weighted Account-Account pairs the detection graph is made of: shared entities of every enabled signal family, rarity-weighted, supernodes cut, large groups sampled in one global order, pairs kept above the minimum shared evidence; with $changed, only the pairs an incremental run recomputes: those with a changed endpoint, and those inside one campaign of $members (account_id -> campaign). Returned as three parallel lists in account order; detection/project_pairs puts them into GDS.
// mode: read
// $region (account ids; null = all): an incremental run visits only the entities its changed accounts and
// campaign members use, reached from those accounts in this query. (They were a separate query's result handed
// back as a map of element ids: a record per entity through the driver, and an element id computed for every
// entity of the platform, 0.13 s of the changed accounts' read at a tenth, 20,000 accounts.)
// Degrees are read off the entity (no label on the far end: only accounts hold these links); a prefix's or
// ASN's members are collected only up to one past the cut-off.
// Each entity's members are collected as account ids in account order, not as nodes: the window, the
// changed / campaign tests and each pair's two ends are then plain values, where reading account_id off the
// nodes again on every row was a third of the query's time.
CALL () {
  // Each family's entities: all of them in a full run, those the region's accounts use in an incremental one,
  // none when the family is off.
  CALL () {
    MATCH (e:PaymentInstrument) WHERE $fam.instrument.enabled AND $region IS NULL RETURN e
    UNION ALL
    UNWIND CASE WHEN $fam.instrument.enabled THEN coalesce($region, []) ELSE [] END AS id
    MATCH (:Account {account_id: id})-[:PAID_WITH]->(e:PaymentInstrument)
    RETURN DISTINCT e
  }
  WITH e, COUNT { (e)<-[:PAID_WITH]-() } AS d
  WHERE 2 <= d <= $fam.instrument.max_degree
  MATCH (e)<-[:PAID_WITH]-(a:Account)
  WITH e, a ORDER BY a.account_id
  WITH e, collect(a.account_id) AS m
  RETURN m, [] AS hs, [] AS ded, $fam.instrument.weight AS fw, 0.0 AS sw, false AS net
  UNION ALL
  CALL () {
    MATCH (e:IP) WHERE $fam.ip.enabled AND $region IS NULL RETURN e
    UNION ALL
    UNWIND CASE WHEN $fam.ip.enabled THEN coalesce($region, []) ELSE [] END AS id
    MATCH (:Account {account_id: id})-[:USED_IP]->(e:IP)
    RETURN DISTINCT e
  }
  WITH e, COUNT { (e)<-[:USED_IP]-() } AS d
  WHERE 2 <= d <= $fam.ip.max_degree
  MATCH (e)<-[:USED_IP]-(a:Account)
  WITH e, a ORDER BY a.account_id
  WITH e, collect(a.account_id) AS m
  RETURN m, [] AS hs, [] AS ded, $fam.ip.weight AS fw, 0.0 AS sw, true AS net
  UNION ALL
  CALL () {
    MATCH (e:Prefix) WHERE $fam.prefix.enabled AND $region IS NULL RETURN e
    UNION ALL
    UNWIND CASE WHEN $fam.prefix.enabled THEN coalesce($region, []) ELSE [] END AS id
    MATCH (:Account {account_id: id})-[:USED_IP]->(:IP)-[:IN_PREFIX]->(e:Prefix)
    RETURN DISTINCT e
  }
  // One walk: at most one member past the cut-off is read, so a block above it costs no more than that.
  CALL (e) {
    MATCH (e)<-[:IN_PREFIX]-(:IP)<-[:USED_IP]-(a:Account)
    WITH DISTINCT a LIMIT $fam.prefix.max_degree + 1
    WITH a ORDER BY a.account_id
    RETURN collect(a.account_id) AS m
  }
  WITH m WHERE 2 <= size(m) <= $fam.prefix.max_degree
  RETURN m, [] AS hs, [] AS ded, $fam.prefix.weight AS fw, 0.0 AS sw, true AS net
  UNION ALL
  CALL () {
    MATCH (e:ASN) WHERE $fam.asn.enabled AND $region IS NULL RETURN e
    UNION ALL
    UNWIND CASE WHEN $fam.asn.enabled THEN coalesce($region, []) ELSE [] END AS id
    MATCH (:Account {account_id: id})-[:USED_IP]->(:IP)-[:IN_ASN]->(e:ASN)
    RETURN DISTINCT e
  }
  // One walk: at most one member past the cut-off is read, so a block above it costs no more than that.
  CALL (e) {
    MATCH (e)<-[:IN_ASN]-(:IP)<-[:USED_IP]-(a:Account)
    WITH DISTINCT a LIMIT $fam.asn.max_degree + 1
    WITH a ORDER BY a.account_id
    RETURN collect(a.account_id) AS m
  }
  WITH m WHERE 2 <= size(m) <= $fam.asn.max_degree
  RETURN m, [] AS hs, [] AS ded, $fam.asn.weight AS fw, 0.0 AS sw, true AS net
  UNION ALL
  CALL () {
    MATCH (e:EmailDomain) WHERE $fam.email_domain.enabled AND $region IS NULL RETURN e
    UNION ALL
    UNWIND CASE WHEN $fam.email_domain.enabled THEN coalesce($region, []) ELSE [] END AS id
    MATCH (:Account {account_id: id})-[:HAS_EMAIL_DOMAIN]->(e:EmailDomain)
    RETURN DISTINCT e
  }
  WITH e, COUNT { (e)<-[:HAS_EMAIL_DOMAIN]-() } AS d
  WHERE 2 <= d <= $fam.email_domain.max_degree
  MATCH (e)<-[:HAS_EMAIL_DOMAIN]-(a:Account)
  WITH e, a ORDER BY a.account_id
  WITH e, collect(a.account_id) AS m
  RETURN m, [] AS hs, [] AS ded, $fam.email_domain.weight AS fw, 0.0 AS sw, false AS net
  UNION ALL
  // Templates carry both the content signal and, through the hour buckets on SENT, the lockstep signal.
  CALL () {
    MATCH (e:PromptTemplate) WHERE ($fam.template.enabled OR $fam.synchrony.enabled) AND $region IS NULL
    RETURN e
    UNION ALL
    UNWIND CASE WHEN $fam.template.enabled OR $fam.synchrony.enabled THEN coalesce($region, []) ELSE [] END AS id
    MATCH (:Account {account_id: id})-[:SENT]->(e:PromptTemplate)
    RETURN DISTINCT e
  }
  WITH e, COUNT { (e)<-[:SENT]-() } AS d
  WHERE 2 <= d <= $template_max_degree
  MATCH (e)<-[s:SENT]-(a:Account)
  WITH e, a, s ORDER BY a.account_id
  // Dedication: the share of the account's requests on this template (shrunk towards 0 for accounts with
  // few requests). Two ordinary users of a popular prompt spend a little of their traffic on it; the
  // accounts of a harvesting operation spend most of theirs.
  // Read once per member, also in an incremental run: reading them per pair instead costs twice as much.
  WITH e, collect(a.account_id) AS m, collect(coalesce(s.hours, [])) AS hs,
       collect(toFloat(coalesce(s.requests, 1)) / (coalesce(a.requests, 0) + $dedication_prior)) AS ded
  RETURN m, hs, ded,
         CASE WHEN $fam.template.enabled THEN $fam.template.weight ELSE 0.0 END AS fw,
         CASE WHEN $fam.synchrony.enabled THEN $fam.synchrony.weight ELSE 0.0 END AS sw, false AS net
}
// Rarity: IDF scaled to 1 for a pair-only entity, raised to $rarity_exponent (sharper = supernodes fade faster).
WITH m, hs, ded, size(m) AS d, fw * (log($n / toFloat(size(m))) / log($n / 2.0)) ^ $rarity_exponent AS w, sw, net
// An incremental run ($changed: account_id -> true; null = a full run) projects only the pairs with a changed
// endpoint and the pairs inside one touched campaign ($members: account_id -> campaign): every other pair,
// also one across two campaigns, is the last run's.
// Degrees, order and windows stay those of the whole platform, so a pair's weight is the full run's.
WITH m, hs, ded, d, w, sw, net,
     CASE WHEN $changed IS NULL THEN range(0, d - 1)
          ELSE [p IN range(0, d - 1)
                WHERE $changed[m[p]] IS NOT NULL OR $members[m[p]] IS NOT NULL] END AS starts
WHERE size(starts) > 0
// Small groups give every pair. Bigger ones link each member to its next $k co-members (circularly) in
// account order, so pairs that recur across entities still accumulate weight while the pair count stays
// d * (k + chords); $chords long-range offsets (below d / 2, so no pair twice) keep the ring from being a
// chain of arcs that community detection would cut apart.
UNWIND starts AS i
WITH m, hs, ded, d, w, sw, net, i, $changed IS NOT NULL AND $changed[m[i]] IS NOT NULL AS ci,
     [c IN range(1, $chords) WHERE c * d / (2 * ($chords + 1)) > $k | c * d / (2 * ($chords + 1))] AS cs
// Each pair is walked once, from its earlier end in the window order: forward from every start, and
// backward from a changed account only to the partners that are not starts themselves (whose forward walk
// does not reach it).
UNWIND CASE
  WHEN d <= 2 * $k + 1 THEN range(i + 1, d - 1)
    + CASE WHEN ci THEN [b IN range(0, i - 1)
                         WHERE $changed[m[b]] IS NULL AND $members[m[b]] IS NULL] ELSE [] END
  ELSE [o IN range(1, $k) | (i + o) % d] + [c IN cs | (i + c) % d]
    + CASE WHEN ci THEN [b IN [o IN range(1, $k) | (i - o + d) % d] + [c IN cs | (i - c + d) % d]
                         WHERE $changed[m[b]] IS NULL AND $members[m[b]] IS NULL] ELSE [] END
END AS j
WITH m, hs, ded, d, w, sw, net, i, j
  WHERE $changed IS NULL OR ci OR $changed[m[j]] IS NOT NULL
     OR $members[m[i]] = $members[m[j]]
WITH m, w, sw, net, i, j, size(ded) > 0 AS templated,
     CASE WHEN size(hs) > 0 THEN hs[i] ELSE [] END AS hi,
     CASE WHEN size(hs) > 0 THEN hs[j] ELSE [] END AS hj,
     CASE WHEN size(ded) > 0 THEN ded[i] * ded[j] END AS dd
WITH m[i] AS x, m[j] AS y, net,
     w * (1.0 + CASE WHEN templated THEN $dedication_boost * sqrt(dd) ELSE 0.0 END) + CASE
       WHEN sw > 0.0 AND size(hi) > 0 AND size(hj) > 0 THEN sw * gds.similarity.jaccard(hi, hj)
       ELSE 0.0
     END AS pw
WITH CASE WHEN x < y THEN x ELSE y END AS a,
     CASE WHEN x < y THEN y ELSE x END AS b, pw, net
WITH a, b, sum(CASE WHEN net THEN pw ELSE 0.0 END) AS wn, sum(CASE WHEN net THEN 0.0 ELSE pw END) AS wo
// Corroboration: two accounts that share only network evidence (an address, its /24, its ASN) and nothing
// else (no card, template, timing or domain) are the typical users of a VPN exit, a cloud egress pool or a
// carrier NAT; a campaign's members share that network and something more. Network alone keeps
// $network_alone of its weight (1.0, no discount, by default: DetectionParams.network_alone says why).
WITH a, b, wo + wn * CASE WHEN wo > 0.0 THEN 1.0 ELSE $network_alone END AS weight
WHERE weight >= $min_pair_weight
// Fixed row order gives fixed internal node ids in the projection (detection/project_pairs keeps it), which
// Louvain/Leiden results depend on. Three lists decode far faster than one record per pair.
WITH a, b, weight ORDER BY a, b
RETURN collect(a) AS source, collect(b) AS target, collect(weight) AS weight

// name: detection/attribution_reuse_members
// description: Which members of each campaign use the given entities (directly, or an IP in the given prefixes).
// mode: read
UNWIND $campaign_ids AS cid
MATCH (:Campaign {campaign_id: cid})<-[:IN_CAMPAIGN]-(a:Account)
CALL (a) {
  MATCH (a)-[:USED_IP|PAID_WITH|SENT]->(e)
  WHERE elementId(e) IN $eids
  RETURN elementId(e) AS eid
  UNION
  MATCH (a)-[:USED_IP]->(:IP)-[:IN_PREFIX]->(e:Prefix)
  WHERE elementId(e) IN $eids
  RETURN elementId(e) AS eid
}
RETURN cid AS campaign_id, eid, collect(DISTINCT a.account_id) AS accounts
ORDER BY campaign_id, eid

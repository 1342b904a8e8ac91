// name: alerts/watch_hits
// description: (watch, active campaign) pairs where the campaign's members reach the watched entity and the pair was never announced; dismissed campaigns excluded.
// mode: read
MATCH (w:Watch)
CALL (w) {
  MATCH (a:Account {account_id: w.key}) WHERE w.kind = 'account' RETURN a
  UNION
  MATCH (:IP {address: w.key})<-[:USED_IP]-(a:Account) WHERE w.kind = 'ip' RETURN a
  UNION
  MATCH (:PaymentInstrument {instrument_key: w.key})<-[:PAID_WITH]-(a:Account) WHERE w.kind = 'instrument' RETURN a
  UNION
  MATCH (:EmailDomain {domain: w.key})<-[:HAS_EMAIL_DOMAIN]-(a:Account) WHERE w.kind = 'email_domain' RETURN a
  UNION
  MATCH (:PromptTemplate {template_id: w.key})<-[:SENT]-(a:Account) WHERE w.kind = 'template' RETURN a
}
MATCH (a)-[:IN_CAMPAIGN]->(c:Campaign {active: true})
WHERE coalesce(c.status, 'candidate') <> 'dismissed' AND NOT EXISTS { (w)-[:WATCH_SEEN]->(c) }
WITH w, c, count(DISTINCT a) AS accounts, collect(DISTINCT a.account_id)[..5] AS sample
RETURN w.watch_id AS watch_id, w.kind AS kind, w.key AS key, c.campaign_id AS campaign_id, accounts, sample
ORDER BY watch_id, campaign_id

// name: api/watch_add
// description: Watches an entity (idempotent per entity); the campaigns it is already in are recorded as announced, so only later joins alert.
// mode: write
MERGE (w:Watch {watch_id: $watch_id})
  ON CREATE SET w.kind = $kind, w.key = $key, w.note = $note, w.created_by = $who, w.created_at = datetime()
WITH w
CALL (w) {
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
  WITH DISTINCT c
  MERGE (w)-[s:WATCH_SEEN]->(c)
    ON CREATE SET s.at = datetime()
  RETURN count(c) AS primed
}
RETURN w {.watch_id, .kind, .key, .note, .created_by, .created_at} AS watch,
       COLLECT { MATCH (w)-[:WATCH_SEEN]->(c:Campaign) RETURN c.campaign_id ORDER BY c.campaign_id LIMIT 50 } AS campaigns

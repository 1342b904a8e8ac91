// name: schema/indexes
// description: Lookup indexes for the filters analysts and detection use most.
// mode: schema
CREATE INDEX campaign_status IF NOT EXISTS FOR (n:Campaign) ON (n.status);
CREATE INDEX campaign_score IF NOT EXISTS FOR (n:Campaign) ON (n.score);
CREATE INDEX account_created IF NOT EXISTS FOR (n:Account) ON (n.created_at);
CREATE INDEX template_capability IF NOT EXISTS FOR (n:PromptTemplate) ON (n.capability);
CREATE INDEX ip_type IF NOT EXISTS FOR (n:IP) ON (n.ip_type);
CREATE INDEX run_started IF NOT EXISTS FOR (n:DetectionRun) ON (n.started_at);
CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name);
CREATE INDEX decision_at IF NOT EXISTS FOR (n:Decision) ON (n.at);
CREATE INDEX alert_event_seq IF NOT EXISTS FOR (n:AlertEvent) ON (n.seq);
CREATE INDEX alert_delivery_due IF NOT EXISTS FOR (n:AlertDelivery) ON (n.status, n.next_attempt_at);
CREATE INDEX account_load_batch IF NOT EXISTS FOR (n:Account) ON (n.load_batch);
// The links a load batch created (detection/changes_accounts finds the accounts whose new links can pair).
CREATE INDEX used_ip_load_batch IF NOT EXISTS FOR ()-[r:USED_IP]-() ON (r.load_batch);
CREATE INDEX paid_with_load_batch IF NOT EXISTS FOR ()-[r:PAID_WITH]-() ON (r.load_batch);
CREATE INDEX sent_load_batch IF NOT EXISTS FOR ()-[r:SENT]-() ON (r.load_batch);
CREATE INDEX has_email_domain_load_batch IF NOT EXISTS FOR ()-[r:HAS_EMAIL_DOMAIN]-() ON (r.load_batch)

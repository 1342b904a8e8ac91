// name: schema/constraints
// description: Uniqueness constraints on every natural key (BRIEF §3); IF NOT EXISTS keeps `db init` idempotent.
// mode: schema
CREATE CONSTRAINT account_id IF NOT EXISTS FOR (n:Account) REQUIRE n.account_id IS UNIQUE;
CREATE CONSTRAINT ip_address IF NOT EXISTS FOR (n:IP) REQUIRE n.address IS UNIQUE;
CREATE CONSTRAINT prefix_cidr IF NOT EXISTS FOR (n:Prefix) REQUIRE n.cidr IS UNIQUE;
CREATE CONSTRAINT asn_number IF NOT EXISTS FOR (n:ASN) REQUIRE n.asn IS UNIQUE;
CREATE CONSTRAINT instrument_key IF NOT EXISTS FOR (n:PaymentInstrument) REQUIRE n.instrument_key IS UNIQUE;
CREATE CONSTRAINT email_domain IF NOT EXISTS FOR (n:EmailDomain) REQUIRE n.domain IS UNIQUE;
CREATE CONSTRAINT org_id IF NOT EXISTS FOR (n:Org) REQUIRE n.org_id IS UNIQUE;
CREATE CONSTRAINT template_id IF NOT EXISTS FOR (n:PromptTemplate) REQUIRE n.template_id IS UNIQUE;
CREATE CONSTRAINT model_name IF NOT EXISTS FOR (n:Model) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT campaign_id IF NOT EXISTS FOR (n:Campaign) REQUIRE n.campaign_id IS UNIQUE;
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.actor_id IS UNIQUE;
CREATE CONSTRAINT run_id IF NOT EXISTS FOR (n:DetectionRun) REQUIRE n.run_id IS UNIQUE;
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (n:ApiKey) REQUIRE n.key_id IS UNIQUE;
CREATE CONSTRAINT load_batch_id IF NOT EXISTS FOR (n:LoadBatch) REQUIRE n.batch_id IS UNIQUE;
CREATE CONSTRAINT decision_id IF NOT EXISTS FOR (n:Decision) REQUIRE n.decision_id IS UNIQUE;
CREATE CONSTRAINT alert_event_id IF NOT EXISTS FOR (n:AlertEvent) REQUIRE n.event_id IS UNIQUE;
CREATE CONSTRAINT alert_sequence_name IF NOT EXISTS FOR (n:AlertSequence) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT alert_delivery_id IF NOT EXISTS FOR (n:AlertDelivery) REQUIRE n.delivery_id IS UNIQUE;
CREATE CONSTRAINT webhook_id IF NOT EXISTS FOR (n:Webhook) REQUIRE n.webhook_id IS UNIQUE;
CREATE CONSTRAINT watch_id IF NOT EXISTS FOR (n:Watch) REQUIRE n.watch_id IS UNIQUE

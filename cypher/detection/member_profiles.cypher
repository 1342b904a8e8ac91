// name: detection/member_profiles
// description: What scoring and evidence need about candidate members: account facts (with the output tokens it received), IPs, instruments (with their type), templates with hour buckets, models, each shared entity with its platform-wide degree.
// mode: read
UNWIND $account_ids AS id
MATCH (a:Account {account_id: id})
RETURN a.account_id AS account_id,
       a.created_at.epochSeconds AS created_at,
       a.first_seen.epochSeconds AS first_seen,
       a.last_seen.epochSeconds AS last_seen,
       coalesce(a.requests, 0) AS requests,
       coalesce(a.output_tokens, 0) AS output_tokens,
       a.org_id AS org_id,
       a.plan AS plan,
       a.email_domain AS email_domain,
       [(a)-[u:USED_IP]->(i:IP) |
         {address: i.address, ip_type: coalesce(i.ip_type, 'unknown'), requests: coalesce(u.requests, 1),
          degree: COUNT { (i)<-[:USED_IP]-() },
          prefixes: [(i)-[:IN_PREFIX]->(p:Prefix) | p.cidr], asn: i.asn}] AS ips,
       [(a)-[:PAID_WITH]->(p:PaymentInstrument) |
         {key: p.instrument_key, degree: COUNT { (p)<-[:PAID_WITH]-() }, type: p.instrument_type}] AS instruments,
       [(a)-[s:SENT]->(t:PromptTemplate) |
         {template_id: t.template_id, capability: coalesce(t.capability, 'other'), requests: coalesce(s.requests, 1),
          hours: coalesce(s.hours, []), degree: COUNT { (t)<-[:SENT]-() }}] AS templates,
       [(a)-[u:USED_MODEL]->(m:Model) |
         {model: m.name, first_used: u.first_seen.epochSeconds, requests: coalesce(u.requests, 0)}] AS models,
       [(a)-[:HAS_EMAIL_DOMAIN]->(d:EmailDomain) | {domain: d.domain, degree: COUNT { (d)<-[:HAS_EMAIL_DOMAIN]-() }}] AS domains

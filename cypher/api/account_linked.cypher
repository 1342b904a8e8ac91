// name: api/account_linked
// description: Accounts that share non-supernode entities (IP, instrument, template, email domain) with an account, most shared first.
// mode: read
MATCH (a:Account {account_id: $key})-[:USED_IP|PAID_WITH|SENT|HAS_EMAIL_DOMAIN]->(e)
WHERE COUNT { (e)<-[:USED_IP|PAID_WITH|SENT|HAS_EMAIL_DOMAIN]-() } <= $max_degree
MATCH (e)<-[:USED_IP|PAID_WITH|SENT|HAS_EMAIL_DOMAIN]-(b:Account)
WHERE b <> a
WITH b, count(DISTINCT e) AS shared,
     collect(DISTINCT CASE
       WHEN e:IP THEN "ip" WHEN e:PaymentInstrument THEN "instrument" WHEN e:PromptTemplate THEN "template"
       ELSE "email_domain" END) AS kinds
ORDER BY shared DESC, b.account_id
LIMIT $limit
RETURN b.account_id AS account_id, shared, kinds

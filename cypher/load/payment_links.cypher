// name: load/payment_links
// description: Adds account-instrument links; instruments are keyed by their HMAC only, first use widens.
// mode: write
UNWIND $rows AS row
MERGE (p:PaymentInstrument {instrument_key: row.instrument_key})
SET p.instrument_type = coalesce(row.instrument_type, p.instrument_type),
    p.bin = coalesce(row.bin, p.bin),
    p.issuer_country = coalesce(row.issuer_country, p.issuer_country)
MERGE (a:Account {account_id: row.account_id})
MERGE (a)-[r:PAID_WITH]->(p)
SET r.first_used = CASE WHEN r.first_used IS NULL OR row.first_used < r.first_used
                        THEN coalesce(row.first_used, r.first_used) ELSE r.first_used END

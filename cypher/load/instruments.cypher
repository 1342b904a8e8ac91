// name: load/instruments
// description: Upserts payment instruments (distinct, keyed by their HMAC only); a given value replaces, a missing one keeps.
// mode: write
UNWIND $rows AS row
MERGE (p:PaymentInstrument {instrument_key: row.instrument_key})
SET p.instrument_type = coalesce(row.instrument_type, p.instrument_type),
    p.bin = coalesce(row.bin, p.bin),
    p.issuer_country = coalesce(row.issuer_country, p.issuer_country)

// name: load/asns
// description: Upserts the ASN nodes of a batch (distinct ASNs); the organisation name is written only when it changes, so parallel writers do not lock unchanged ASNs.
// mode: write
UNWIND $rows AS row
MERGE (n:ASN {asn: row.asn})
WITH n, row
WHERE row.org IS NOT NULL AND coalesce(n.org <> row.org, true)
SET n.org = row.org

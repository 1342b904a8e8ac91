// name: load/ip_nodes
// description: Upserts IP nodes (distinct, prefixes written before) with type and ASN when given; drops the ASN link of an IP whose ASN changed.
// mode: write
UNWIND $rows AS row
MATCH (p:Prefix {cidr: row.prefix})
MERGE (ip:IP {address: row.address})
WITH ip, p, row, ip.asn AS old_asn
SET ip.version = row.version,
    ip.ip_type = coalesce(row.ip_type, ip.ip_type),
    ip.asn = coalesce(row.asn, ip.asn)
MERGE (ip)-[:IN_PREFIX]->(p)
WITH ip, row, old_asn
WHERE old_asn <> row.asn
MATCH (ip)-[old:IN_ASN]->(n:ASN)
WHERE n.asn <> row.asn
DELETE old

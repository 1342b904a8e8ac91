// name: load/ips
// description: Upserts IP nodes with their /24 or /48 prefix and, when given, ASN and type.
// mode: write
UNWIND $rows AS row
MERGE (ip:IP {address: row.address})
SET ip.version = row.version,
    ip.ip_type = coalesce(row.ip_type, ip.ip_type),
    ip.asn = coalesce(row.asn, ip.asn)
MERGE (p:Prefix {cidr: row.prefix})
SET p.version = row.version
MERGE (ip)-[:IN_PREFIX]->(p)
WITH ip, row
CALL (ip, row) {
  WITH ip, row
  WHERE row.asn IS NOT NULL
  MERGE (n:ASN {asn: row.asn})
  SET n.org = coalesce(row.asn_org, n.org)
  MERGE (ip)-[:IN_ASN]->(n)
  WITH ip, n
  OPTIONAL MATCH (ip)-[old:IN_ASN]->(other:ASN)
  WHERE other <> n
  DELETE old
}

// name: load/ip_asns
// description: Links IPs to their ASN (both written earlier in the same transaction).
// mode: write
UNWIND $rows AS row
MATCH (ip:IP {address: row.address})
MATCH (n:ASN {asn: row.asn})
MERGE (ip)-[:IN_ASN]->(n)

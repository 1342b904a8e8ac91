// name: load/prefixes
// description: Upserts the /24 or /48 prefix nodes of a batch's IPs (distinct prefixes).
// mode: write
UNWIND $rows AS row
MERGE (p:Prefix {cidr: row.prefix})
  ON CREATE SET p.version = row.version

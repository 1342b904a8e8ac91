"""Detection's pure layer: parameters, the result model, partitions, scoring, merging, evidence, identity
tracking, attribution rules. No driver and no I/O: everything here is exercised without a database."""

"""Detection's database layer: the GDS projection and algorithm streams (through the GDS client), named
Cypher reads (profiles, recruits, platform baselines) through a runner, and the transactional writes
(persisting a run, attribution) and the campaign export."""

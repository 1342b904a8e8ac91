// name: detection/membership_prune
// description: Removes the superseded memberships of the campaigns a run found (accounts that left them).
// mode: write
UNWIND $campaign_ids AS cid
MATCH (:Campaign {campaign_id: cid})<-[m:IN_CAMPAIGN]-(:Account)
WHERE m.run_id IS NULL OR m.run_id <> $run_id
DELETE m
RETURN count(*) AS removed

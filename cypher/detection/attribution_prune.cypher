// name: detection/attribution_prune
// description: Removes auto proposals on the given campaigns that this run's evidence no longer supports.
// mode: write
UNWIND $campaign_ids AS cid
MATCH (:Campaign {campaign_id: cid})-[r:ATTRIBUTED_TO]->(:Actor)
WHERE r.source = 'auto' AND r.status = 'proposed' AND coalesce(r.run_id, '') <> $run_id
DELETE r
RETURN count(*) AS removed

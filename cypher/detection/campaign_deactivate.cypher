// name: detection/campaign_deactivate
// description: Campaigns no longer found become inactive; their last membership stays as history.
// mode: write
UNWIND $campaign_ids AS cid
MATCH (c:Campaign {campaign_id: cid})
SET c.active = false, c.deactivated_run = $run_id
RETURN count(c) AS deactivated

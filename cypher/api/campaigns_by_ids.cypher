// name: api/campaigns_by_ids
// description: Campaigns by id, batched for the campaign DataLoader.
// mode: read
UNWIND $ids AS id
MATCH (c:Campaign {campaign_id: id})
RETURN c {.*} AS campaign

// name: api/campaign_decide
// description: Records an analyst's decision on a campaign (confirmed / dismissed), who made it and when, and appends it to the case history in the same transaction; detection runs carry both over.
// params: campaign_id, status, kind, by, note
// mode: write
MATCH (c:Campaign {campaign_id: $campaign_id})
// decision_seq orders the case history: two decisions in the same millisecond still have an order, and
// the write lock it takes on the campaign makes concurrent decisions on it take turns.
SET c.status = $status, c.decided_by = $by, c.decided_at = datetime(), c.decision_note = $note,
    c.decision_seq = coalesce(c.decision_seq, 0) + 1
CREATE (:Decision {decision_id: randomUUID(), kind: $kind, seq: c.decision_seq, by: $by, at: c.decided_at,
                   note: $note, status: $status})-[:ON]->(c)
RETURN c {.*} AS campaign

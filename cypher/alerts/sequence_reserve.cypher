// name: alerts/sequence_reserve
// description: Reserves $count consecutive event sequence numbers (the feed's cursor order); returns the first.
// mode: write
MERGE (s:AlertSequence {name: 'events'})
  ON CREATE SET s.next = 1
// Write-lock the counter before reading it: the read below then sees the last committed value.
SET s._lock = true
REMOVE s._lock
WITH s.name AS name
MATCH (t:AlertSequence {name: name})
WITH t, t.next AS first
SET t.next = first + $count
RETURN first

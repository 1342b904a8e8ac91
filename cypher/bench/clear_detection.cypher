// name: bench/clear_detection
// description: Removes every campaign and detection run (with their attributions, memberships and case histories) so each parameter set the evaluation harness scores starts from no previous run; loaded data and labels stay.
// mode: write
MATCH (n) WHERE n:Campaign OR n:DetectionRun OR n:Decision
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS

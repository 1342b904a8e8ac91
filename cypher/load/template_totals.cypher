// name: load/template_totals
// description: Recomputes templates' request and account totals from their SENT links (idempotent).
// mode: write
UNWIND $template_ids AS id
MATCH (t:PromptTemplate {template_id: id})
CALL (t) {
  OPTIONAL MATCH (t)<-[s:SENT]-(:Account)
  RETURN count(s) AS accounts, coalesce(sum(s.requests), 0) AS requests
}
SET t.accounts = accounts, t.requests = requests

// name: detection/template_recruits
// description: Accounts that send a campaign's own templates, with their requests on those templates and in all: accounts to recruit into the campaign.
// mode: read
UNWIND $template_ids AS tid
MATCH (t:PromptTemplate {template_id: tid})<-[s:SENT]-(a:Account)
WITH a, sum(coalesce(s.requests, 1)) AS on_templates, count(t) AS templates
RETURN a.account_id AS account_id, on_templates, templates, coalesce(a.requests, 0) AS requests
ORDER BY account_id

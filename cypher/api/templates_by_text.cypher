// name: api/templates_by_text
// description: Prompt templates matching pasted prompt text: its skeleton's template id, the same masked text, or text beginning with the skeleton's head; exact matches first, then the busiest.
// mode: read
MATCH (t:PromptTemplate)
WHERE t.template_id = $template_id OR t.text = $text OR ($head <> '' AND t.text STARTS WITH $head)
RETURN t {.*} AS template
ORDER BY CASE WHEN t.template_id = $template_id OR t.text = $text THEN 0 ELSE 1 END, t.requests DESC,
         t.template_id
LIMIT $limit

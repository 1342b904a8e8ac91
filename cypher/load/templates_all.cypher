// name: load/templates_all
// description: Every known template's id and canonical text, so near-duplicates in a new load join them.
// mode: read
MATCH (t:PromptTemplate)
RETURN t.template_id AS template_id, t.text AS text, t.requests AS requests
ORDER BY template_id

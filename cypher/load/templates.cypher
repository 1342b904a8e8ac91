// name: load/templates
// description: Creates mined prompt templates; an existing template keeps its canonical text and capability.
// mode: write
UNWIND $rows AS row
MERGE (t:PromptTemplate {template_id: row.template_id})
  ON CREATE SET t.text = row.text, t.capability = row.capability, t.requests = 0, t.accounts = 0

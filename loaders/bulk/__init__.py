"""Bulk first load of an empty store: Neo4j's offline importer for accounts, IP links and payment links.

Rows are read, validated and rejected exactly as `linkwatch load` does (`loaders/tabular.py`), staged in
DuckDB, folded into the same nodes and relationships in SQL, and written by `neo4j-admin database import
full` into the managed server's own store while it is stopped. Requests and labels then load through the
transactional pipeline. A bulk load is all-or-nothing per run: a state file under
`LINKWATCH_HOME/state/` lets the same command redo an interrupted run.
"""

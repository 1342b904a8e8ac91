"""The Cypher queries, one per `.cypher` file (read by `app.platform.cypher`).

A package only so that the files ship as package data in the wheel: a non-editable install (the Docker
image's `pip install .`) has no repository around it to find them in.
"""

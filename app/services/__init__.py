"""Services: what the API (and the CLI) ask of the graph, each over named Cypher files in `cypher/`."""

"""The GraphQL API (FastAPI + Strawberry): thin resolvers over `app.services`."""

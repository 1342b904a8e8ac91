"""Identifier rules and vocabularies shared by the loaders, the API and detection.

Whatever writes a key into the graph and whatever looks one up must agree on its exact text, so each rule
lives here once. Pure: the standard library and pydantic only, never another part of `app` or `loaders`,
so any layer may import it and its tests need no database.
"""

"""Prompt text: word banks, a per-scenario corpus of sentences and code, ordinary and task prompts."""

"""Prompt text: what ordinary people ask, code fragments, and shared slot filling."""

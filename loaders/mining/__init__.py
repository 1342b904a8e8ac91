"""Prompt-template mining from the request log: normalise, group, tag, aggregate usage."""

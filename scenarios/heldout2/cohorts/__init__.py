"""Honest groups that share infrastructure, money or prompts the way campaigns do."""

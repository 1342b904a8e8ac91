"""Benign look-alike cohorts, one module each."""

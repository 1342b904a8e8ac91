"""Benign look-alike cohorts of the held-back split, one module each."""

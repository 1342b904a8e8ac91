"""Benign cohort styles: honest crowds that share something and so look coordinated."""

"""Synthetic traffic scenarios with planted distillation campaigns and benign look-alike cohorts."""

"""Planted distillation campaigns, one module per operating style."""

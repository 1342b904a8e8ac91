"""Distillation campaign styles, one module each."""

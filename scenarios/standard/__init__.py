"""Scenario generator: realistic platform data in input format v1 with planted campaigns and ground truth."""

from scenarios.standard.generator import Summary, simulate
from scenarios.standard.scenarios import SCENARIOS

__all__ = ["SCENARIOS", "Summary", "simulate"]

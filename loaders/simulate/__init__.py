"""Scenario generator: realistic platform data in input format v1 with planted campaigns and ground truth."""

from loaders.simulate.generator import Summary, simulate
from loaders.simulate.scenarios import SCENARIOS

__all__ = ["SCENARIOS", "Summary", "simulate"]

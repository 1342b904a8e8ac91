"""Cheap random draws for hot loops.

``random.Random.choice``/``randint``/``choices`` go through pure-Python rejection sampling and cost a
microsecond or more each; these helpers use one ``random()`` call. The tiny bias is irrelevant here and
results remain fully determined by the seed.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def pick(rng: random.Random, seq: Sequence[T]) -> T:
    return seq[int(rng.random() * len(seq))]


def below(rng: random.Random, n: int) -> int:
    return int(rng.random() * n)


def between(rng: random.Random, lo: int, hi: int) -> int:
    """An integer in ``[lo, hi]`` (both inclusive)."""
    return lo + int(rng.random() * (hi - lo + 1))


def weighted(rng: random.Random, items: Sequence[T], cum: Sequence[float]) -> T:
    """An item drawn with cumulative weights ``cum`` (as for ``random.choices``)."""
    return items[bisect_right(cum, rng.random() * cum[-1])]

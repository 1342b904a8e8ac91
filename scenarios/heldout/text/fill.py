"""Template filling: `{slot}` placeholders are replaced by a random entry of a vocabulary list."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Mapping, Sequence
from typing import TypeVar

T = TypeVar("T")


def pick(rng: random.Random, seq: Sequence[T]) -> T:
    """`rng.choice` without its rejection sampling: several times faster on the hot path."""
    return seq[int(rng.random() * len(seq))]


def wpick(rng: random.Random, seq: Sequence[T], cum: Sequence[float]) -> T:
    """Weighted pick with precomputed cumulative weights."""
    return seq[bisect(cum, rng.random() * cum[-1])]


def cumulative(weights: Sequence[float]) -> list[float]:
    out: list[float] = []
    total = 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


class _Picker(dict[str, str]):
    def __init__(self, rng: random.Random, vocab: Mapping[str, Sequence[str]]) -> None:
        super().__init__()
        self._rng = rng
        self._vocab = vocab

    def __missing__(self, key: str) -> str:
        if key.startswith("n") and key[1:].isdigit():
            return str(self._rng.randint(2, int(key[1:])))
        base = key.rstrip("0123456789")
        options = self._vocab[base]
        value = options[int(self._rng.random() * len(options))]
        self[key] = value
        return value


def fill(rng: random.Random, template: str, vocab: Mapping[str, Sequence[str]]) -> str:
    """Fill a template; `{x2}` draws a second, independent value from list `x`; `{n7}` is an int in 2..7."""
    return template.format_map(_Picker(rng, vocab))


_NEIGHBOURS = {"a": "s", "e": "r", "i": "o", "o": "p", "n": "m", "t": "r", "s": "d", "r": "t", "h": "j"}


def casualise(rng: random.Random, text: str, sloppiness: float) -> str:
    """People type differently: lower case, no final punctuation, fillers, the odd typo."""
    if rng.random() < sloppiness * 0.6:
        text = text[0].lower() + text[1:]
    if rng.random() < sloppiness * 0.5 and text.endswith((".", "?")):
        text = text[:-1]
    roll = rng.random()
    if roll < sloppiness * 0.15:
        text = rng.choice(("hey ", "hi, ", "ok so ", "quick question: ", "pls ", "hello! ")) + text
    elif roll < sloppiness * 0.25:
        text += rng.choice((" thanks", " thx", " please", " asap", " :)", " lol", " 🙏"))
    if rng.random() < sloppiness * 0.3 and len(text) > 12:
        i = rng.randrange(1, len(text) - 2)
        c = text[i]
        if c in _NEIGHBOURS:
            text = text[:i] + _NEIGHBOURS[c] + text[i + 1 :]
        elif text[i + 1].isalpha() and c.isalpha():
            text = text[:i] + text[i + 1] + c + text[i + 2 :]
    return text

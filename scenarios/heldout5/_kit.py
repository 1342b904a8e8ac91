"""Small helpers the styles share."""

from __future__ import annotations

from ._core import T0, Rng, World
from ._text import everyday


def camouflage(w: World, rng: Rng, aid: str, country: str, ip: str, ua: str, start: float = T0) -> None:
    """One ordinary-looking request mixed into a style's traffic."""
    ts = w.human_ts(rng, country, start)
    prompt, kind = everyday(rng)
    w.req(aid, ts, prompt, ip, w.model_at(rng, ts, 0.3), kind, ua)


def typo(rng: Rng, text: str, p: float = 0.03) -> str:
    """Human-ish noise: drop or swap a few characters."""
    if rng.random() > 0.6:
        return text
    chars = list(text)
    for i in range(1, len(chars) - 1):
        if chars[i].isalpha() and rng.random() < p:
            if rng.random() < 0.5:
                chars[i] = ""
            else:
                chars[i], chars[i - 1] = chars[i - 1], chars[i]
    return "".join(chars)


MATH_OBJECTS = ["apples", "tickets", "widgets", "marbles", "books", "litres of paint", "bus passes", "tiles"]
PEOPLE = ["Maria", "Kenji", "Amara", "Lucas", "Priya", "Omar", "Sofia", "Chen", "Elif", "Tom"]


def word_problem(rng: Rng) -> str:
    a, b, c = (int(x) for x in rng.integers(3, 400, 3))
    who, who2 = PEOPLE[int(rng.integers(0, 10))], PEOPLE[int(rng.integers(0, 10))]
    obj = MATH_OBJECTS[int(rng.integers(0, len(MATH_OBJECTS)))]
    forms = [
        f"{who} has {a} {obj}. {who2} gives {who} {b} more, then {who} sells {c % a + 1} at "
        f"${c % 17 + 2} each. "
        f"How much money does {who} make and how many {obj} remain?",
        f"A tank fills at {a % 40 + 3} L/min and drains at {b % 20 + 1} L/min. Starting with {c} L, "
        f"when does it reach {c + a * 3} L?",
        f"Find all integers n with 1 <= n <= {a + 100} such that n^2 + {b % 13 + 1}n is divisible "
        f"by {c % 11 + 2}.",
        f"The probability that {who} wins a game is {a % 9 + 1}/10. Over {b % 12 + 3} independent games, "
        f"what is the probability of winning at least {b % 5 + 1}?",
        f"Prove or disprove: for every prime p > {a % 7 + 3}, p^2 - 1 is divisible by {pick_div(c)}.",
    ]
    return forms[int(rng.integers(0, len(forms)))]


def pick_div(c: int) -> int:
    return [24, 12, 8, 6, 48][c % 5]

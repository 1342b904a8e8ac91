"""Actor ids: a readable ASCII slug of the actor's name, the same whoever creates the actor.

Rules, in order:

1. Unicode compatibility forms are folded (NFKC) and case is folded (`casefold`), so full-width letters,
   ligatures and case never make two ids for one name.
2. Latin letters are transliterated to ASCII: accents are dropped (`Café` -> `cafe`) and letters without
   a decomposition are spelled out (`ß` -> `ss`, `Ø` -> `o`, `Æ` -> `ae`, `Ł` -> `l`, `Þ` -> `th`).
3. Every run of other characters becomes one `-`; none lead or trail.
4. Letters or digits that have no ASCII spelling (Cyrillic, Greek, CJK, Arabic, ...) are not guessed at:
   the id keeps the ASCII part and adds the first 12 hex digits of the SHA-256 of the folded name, so
   `Café 北京` and `Café 上海` stay two actors (`cafe-<hash>`), and a name with no ASCII part at all is
   `actor-<hash>`. The same name always gives the same id.
5. A name without any letter or digit (`???`, emoji only) is refused.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Final

# Lower-case Latin letters NFKD leaves alone (casefold has already turned `ß` into `ss`).
_LATIN: Final = str.maketrans(
    {"æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "\u0131": "i", "ħ": "h",
     "ŧ": "t", "ŋ": "ng", "ĸ": "q"}
)  # fmt: skip
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
HASH_CHARS: Final = 12
NO_LETTERS_REASON = "an actor name needs letters or digits"


def actor_id(name: str) -> str:
    """The `actor_id` of an actor called `name`; ValueError when the name has no letter or digit."""
    folded = unicodedata.normalize("NFKC", name).strip().casefold()
    latin = unicodedata.normalize("NFKD", folded).translate(_LATIN)
    slug = _NOT_SLUG.sub("-", latin.encode("ascii", "ignore").decode("ascii")).strip("-")
    untransliterated = any(ch.isalnum() and not ch.isascii() for ch in latin)
    if not untransliterated:
        if not slug:
            raise ValueError(NO_LETTERS_REASON)
        return slug
    digest = hashlib.sha256(folded.encode("utf-8")).hexdigest()[:HASH_CHARS]
    return f"{slug}-{digest}" if slug else f"actor-{digest}"

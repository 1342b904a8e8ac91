"""Actor ids: ASCII slugs, Latin transliterated, other scripts kept apart by a hash of the name."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import pytest

from app.domain.actor import HASH_CHARS, NO_LETTERS_REASON, actor_id

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _digest(name: str) -> str:
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:HASH_CHARS]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Hydra", "hydra"),
        ("  Hydra  ", "hydra"),
        ("Night Heron Ltd.", "night-heron-ltd"),
        ("night heron ltd", "night-heron-ltd"),
        ("NIGHT_HERON--LTD", "night-heron-ltd"),
        ("Café Group", "cafe-group"),
        ("Cafe\u0301 Group", "cafe-group"),  # decomposed accent
        ("Straße AG", "strasse-ag"),
        ("ØRSTED Æther", "orsted-aether"),
        ("Łódź Crew", "lodz-crew"),
        ("Þór", "thor"),
        ("\uff21\uff43\uff4d\uff45", "acme"),  # full-width letters
        ("ﬁnance", "finance"),  # ligature
        ("APT 28", "apt-28"),
        ("Hydra 🐍", "hydra"),  # symbols are separators
    ],
)
def test_latin_names(name: str, expected: str) -> None:
    assert actor_id(name) == expected


@pytest.mark.parametrize("name", ["北京集团", "Группа", "Ομάδα", "مجموعة"])
def test_names_without_ascii_letters_get_a_stable_hash(name: str) -> None:
    expected = "actor-" + _digest(unicodedata.normalize("NFKC", name).casefold())
    assert actor_id(name) == expected
    assert actor_id(f"  {name} ") == expected
    assert actor_id(name.upper()) == expected  # case never splits an actor
    assert actor_id(unicodedata.normalize("NFD", name)) == expected


def test_a_mixed_name_keeps_its_ascii_part_and_stays_apart() -> None:
    beijing, shanghai = actor_id("Café 北京"), actor_id("Café 上海")
    assert beijing.startswith("cafe-")
    assert shanghai.startswith("cafe-")
    assert beijing != shanghai
    assert beijing != actor_id("Café")


@pytest.mark.parametrize(
    "name", ["Hydra", "Café Group", "北京集团", "Café 北京", "Ελληνικά 2", "x", "a-b", "™", "Ⅻ"]
)
def test_ids_are_plain_slugs_and_fixed_points(name: str) -> None:
    aid = actor_id(name)
    assert _ID.match(aid), aid
    assert actor_id(aid) == aid


@pytest.mark.parametrize("name", ["", "   ", "???", "🐍", "-", "\u0301"])
def test_names_without_letters_or_digits_are_refused(name: str) -> None:
    with pytest.raises(ValueError, match=NO_LETTERS_REASON):
        actor_id(name)

"""What the loader writes, the API finds: identifiers in odd spellings, loaded from files and looked up
(or labelled) through GraphQL in other odd spellings, land on the very same node.

The loader and the API once each had their own copy of these rules and disagreed (a v4-mapped v6 address,
a padded instrument token, an accented actor name); `app.domain` now holds the only copy.
"""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import Driver

from app.domain.instrument import instrument_key
from app.platform.settings import Settings
from tests.loaders.conftest import reset_state, run_load
from tests.loaders.fixtures import RAW_CARD, write_rows

from . import graphdata
from .conftest import Api, Keys, data, error_messages

pytestmark = pytest.mark.asyncio(loop_scope="session")

TOKEN = "tok_padded_7"
MAPPED = "192.0.2.1"
V6 = "2001:db8::1"
CAFE = "cafe-group"


@pytest.fixture(scope="module")
def planted(driver: Driver, settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """This module's graph: a tiny input directory with odd values, loaded by the loader itself."""
    graphdata.wipe(driver)
    reset_state(settings)
    directory = tmp_path_factory.mktemp("odd-identifiers")
    write_rows(
        directory / "accounts.csv",
        [
            {"account_id": "odd-a", "email_domain": "Mail.Example.COM"},
            {"account_id": " odd-b ", "email_domain": "@mail.example.com"},
        ],
    )
    write_rows(
        directory / "ip_links.csv",
        [
            {"account_id": "odd-a", "ip": "::ffff:192.0.2.1", "asn": "AS13335", "ip_type": "Hosting"},
            {"account_id": "odd-b", "ip": " ::FFFF:C000:0201 ", "asn": "13335"},
            {"account_id": "odd-a", "ip": "2001:0DB8:0000:0000:0000:0000:0000:0001", "asn": "as 64500"},
            {"account_id": "odd-b", "ip": "2001:db8::1"},
        ],
    )
    write_rows(
        directory / "payment_links.csv",
        [
            {"account_id": "odd-a", "instrument_id": f"  {TOKEN}  ", "instrument_type": "card"},
            {"account_id": "odd-b", "instrument_id": TOKEN},
        ],
    )
    write_rows(
        directory / "labels.csv",
        [
            {"entity": "ip", "value": "0:0:0:0:0:ffff:c000:201", "actor": "Café Group", "confidence": "0.9"},
            {"entity": "instrument", "value": f" {TOKEN}", "actor": "Café Group", "confidence": "0.8"},
            {"entity": "asn", "value": "AS13335", "actor": "CAFÉ GROUP", "confidence": "0.7"},
            {"entity": "email_domain", "value": "@MAIL.example.com", "actor": "Cafe\u0301 Group"},
            {"entity": "account", "value": "odd-b", "actor": "北京集团", "confidence": "0.6"},
        ],
    )
    report = run_load(directory, driver, settings)
    assert report.rejected == 0
    return {"key": instrument_key(TOKEN, settings.hash_key())}


def _count(driver: Driver, query: str) -> int:
    return int(driver.execute_query(query).records[0]["n"])


async def test_the_loader_wrote_one_node_per_identifier(planted: dict[str, str], driver: Driver) -> None:
    assert _count(driver, "MATCH (:Account) RETURN count(*) AS n") == 2
    addresses = driver.execute_query("MATCH (i:IP) RETURN i.address AS a ORDER BY a").records
    assert [r["a"] for r in addresses] == [MAPPED, V6]
    assert _count(driver, "MATCH (:PaymentInstrument) RETURN count(*) AS n") == 1
    assert _count(driver, "MATCH (:EmailDomain {domain: 'mail.example.com'})--() RETURN count(*) AS n") == 3
    assert _count(driver, "MATCH (:Actor) RETURN count(*) AS n") == 2
    assert (
        _count(driver, f"MATCH ()-[:LABELLED_AS]->(:Actor {{actor_id: '{CAFE}'}}) RETURN count(*) AS n") == 4
    )


IP_QUERY = """query($a: String!) { ip(address: $a) { address version prefix asn { asn }
  neighbourhood { accountCount labels { actorId } } } }"""
ATTRIBUTION = """query($ip: String, $instrument: String, $emailDomain: String) {
  attribution(ip: $ip, instrument: $instrument, emailDomain: $emailDomain) {
    kind key found accountCount labels { actorId confidence } } }"""


@pytest.mark.parametrize(
    "spelling",
    ["192.0.2.1", " 192.0.2.1 ", "::ffff:192.0.2.1", "::FFFF:C000:201", "0:0:0:0:0:ffff:c000:0201"],
)
async def test_a_v4_mapped_address_is_found_in_every_spelling(api: Api, keys: Keys, spelling: str) -> None:
    ip = data(await api.gql(IP_QUERY, keys.viewer, a=spelling))["ip"]
    assert ip == {
        "address": MAPPED,
        "version": 4,
        "prefix": "192.0.2.0/24",
        "asn": {"asn": 13335},
        "neighbourhood": {"accountCount": 2, "labels": [{"actorId": CAFE}]},
    }
    a = data(await api.gql(ATTRIBUTION, keys.viewer, ip=spelling))["attribution"]
    assert (a["found"], a["key"], a["labels"]) == (True, MAPPED, [{"actorId": CAFE, "confidence": 0.9}])


@pytest.mark.parametrize(
    "spelling", ["2001:db8::1", "2001:DB8:0:0::1", "2001:0db8:0000:0000:0000:0000:0000:0001"]
)
async def test_a_v6_address_is_found_compressed_or_expanded(api: Api, keys: Keys, spelling: str) -> None:
    ip = data(await api.gql(IP_QUERY, keys.viewer, a=spelling))["ip"]
    assert (ip["address"], ip["prefix"], ip["asn"]) == (V6, "2001:db8::/48", {"asn": 64500})
    assert ip["neighbourhood"]["accountCount"] == 2


@pytest.mark.parametrize("spelling", [TOKEN, f" {TOKEN}", f"{TOKEN}  ", f"\t{TOKEN}\n"])
async def test_a_padded_token_finds_the_loaded_instrument(
    api: Api, keys: Keys, planted: dict[str, str], spelling: str
) -> None:
    q = "query($t: String!) { instrument(id: $t) { keyPrefix neighbourhood { accountCount } } }"
    body = await api.gql(q, keys.viewer, t=spelling)
    assert data(body)["instrument"] == {
        "keyPrefix": planted["key"][:12],
        "neighbourhood": {"accountCount": 2},
    }
    a = data(await api.gql(ATTRIBUTION, keys.viewer, instrument=spelling))["attribution"]
    assert (a["found"], a["labels"]) == (True, [{"actorId": CAFE, "confidence": 0.8}])
    assert TOKEN not in str(body)


@pytest.mark.parametrize(
    "spelling", ["mail.example.com", "MAIL.Example.Com", "@mail.example.com", " @MAIL.EXAMPLE.COM "]
)
async def test_an_email_domain_is_found_in_any_case(api: Api, keys: Keys, spelling: str) -> None:
    a = data(await api.gql(ATTRIBUTION, keys.viewer, emailDomain=spelling))["attribution"]
    assert (a["found"], a["key"], a["accountCount"]) == (True, "mail.example.com", 2)
    assert a["labels"] == [{"actorId": CAFE, "confidence": 1.0}]


async def test_invalid_lookups_are_refused(api: Api, keys: Keys) -> None:
    bad = await api.gql(ATTRIBUTION, keys.viewer, emailDomain="no such domain")
    assert error_messages(bad) == ["not a domain name: 'no such domain'"]


CREATE = "mutation($name: String!) { createActor(name: $name) { id name } }"


async def test_actor_ids_agree_with_the_loader(api: Api, keys: Keys) -> None:
    q = 'query { actor(id: "cafe-group") { name aliases } }'
    actor = data(await api.gql(q, keys.viewer))["actor"]
    # Every spelling the label file used is one actor: the first one loaded names it, the others are aliases.
    assert {actor["name"], *actor["aliases"]} == {"Café Group", "CAFÉ GROUP", "Cafe\u0301 Group"}
    for name in ("Café Group", "cafe group", "CAFE\u0301 GROUP"):
        dup = await api.gql(CREATE, keys.analyst, name=name)
        assert error_messages(dup) == [f"actor {CAFE!r} already exists"]
    actors = data(await api.gql("query { actors { edges { node { id name } } } }", keys.viewer))["actors"]
    [beijing] = [e["node"] for e in actors["edges"] if e["node"]["name"] == "北京集团"]
    assert beijing["id"].startswith("actor-")
    dup = await api.gql(CREATE, keys.analyst, name=" 北京集团 ")
    assert error_messages(dup) == [f"actor {beijing['id']!r} already exists"]
    refused = await api.gql(CREATE, keys.analyst, name="???")
    assert error_messages(refused) == ["an actor needs a name of 1-200 characters with letters or digits"]


LABEL = """mutation($input: LabelInput!) { addLabel(input: $input) { entity key actorId } }"""


@pytest.mark.parametrize(
    ("entity", "value", "key"),
    [
        ("IP", "::ffff:192.0.2.1", MAPPED),
        ("IP", "2001:0DB8::0001", V6),
        ("ASN", "as13335", "13335"),
        ("ASN", " AS 64500 ", "64500"),
        ("EMAIL_DOMAIN", "@Mail.Example.COM", "mail.example.com"),
        ("INSTRUMENT", f"  {TOKEN} ", "<key>"),
        ("ACCOUNT", " odd-a ", "odd-a"),
    ],
)
async def test_labels_from_the_api_land_on_the_loaded_nodes(
    api: Api, keys: Keys, planted: dict[str, str], driver: Driver, entity: str, value: str, key: str
) -> None:
    await api.gql(CREATE, keys.analyst, name="Night Heron")  # first run creates it, later ones conflict
    body = await api.gql(
        LABEL, keys.analyst, input={"entity": entity, "value": value, "actorId": "night-heron"}
    )
    shown = planted["key"][:12] if key == "<key>" else key
    assert data(body)["addLabel"] == {"entity": entity.lower(), "key": shown, "actorId": "night-heron"}


async def test_api_labels_added_no_nodes(
    api: Api, keys: Keys, driver: Driver, planted: dict[str, str]
) -> None:
    counts: dict[str, Any] = {
        r["l"]: r["n"]
        for r in driver.execute_query(
            "MATCH (n) WHERE NOT n:LoadBatch RETURN labels(n)[0] AS l, count(*) AS n"
        ).records
    }
    assert {k: counts.get(k) for k in ("Account", "IP", "ASN", "PaymentInstrument", "EmailDomain")} == {
        "Account": 2, "IP": 2, "ASN": 2, "PaymentInstrument": 1, "EmailDomain": 1,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("entity", "value", "reason"),
    [
        ("ASN", "AS-13335", "asn: not an AS number (expected 64500 or AS64500)"),
        ("ASN", "AS99999999999", "asn: not an AS number (expected 64500 or AS64500)"),
        ("ASN", "²", "asn: not an AS number (expected 64500 or AS64500)"),
        ("EMAIL_DOMAIN", "user@mail.example.com", "email_domain: not a domain name"),
        ("IP", "192.0.2.256", "ip: not a valid IPv4 or IPv6 address"),
        (
            "INSTRUMENT",
            RAW_CARD,
            "instrument: looks like a raw card number (13-19 digits passing Luhn); tokens only",
        ),
    ],
)
async def test_label_values_are_checked_as_strictly_as_the_loader(
    api: Api, keys: Keys, entity: str, value: str, reason: str
) -> None:
    body = await api.gql(LABEL, keys.analyst, input={"entity": entity, "value": value, "actorId": CAFE})
    assert error_messages(body) == [reason]
    assert RAW_CARD not in str(body)

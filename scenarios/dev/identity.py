"""Who the users are: countries and time zones, e-mail domains, user agents, payment instruments, ids."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Country:
    code: str
    weight: float
    tz: int  # typical UTC offset in hours
    webmail: tuple[str, ...]  # local free-mail domains on top of the global ones


COUNTRIES: tuple[Country, ...] = (
    Country("US", 26, -6, ("aol.com", "comcast.net")),
    Country("IN", 11, 5, ("rediffmail.com",)),
    Country("GB", 6, 0, ("btinternet.com", "hotmail.co.uk")),
    Country("DE", 6, 1, ("gmx.de", "web.de", "t-online.de")),
    Country("BR", 6, -3, ("uol.com.br", "bol.com.br")),
    Country("FR", 4.5, 1, ("orange.fr", "free.fr", "laposte.net")),
    Country("JP", 4.5, 9, ("yahoo.co.jp", "docomo.ne.jp")),
    Country("CA", 3.5, -5, ("rogers.com",)),
    Country("ES", 3, 1, ("telefonica.net",)),
    Country("IT", 3, 1, ("libero.it", "virgilio.it")),
    Country("KR", 3, 9, ("naver.com", "daum.net")),
    Country("MX", 3, -6, ("prodigy.net.mx",)),
    Country("ID", 3, 7, ("yahoo.co.id",)),
    Country("NL", 2, 1, ("ziggo.nl", "kpnmail.nl")),
    Country("PL", 2, 1, ("wp.pl", "onet.pl")),
    Country("AU", 2, 10, ("bigpond.com",)),
    Country("TR", 2, 3, ("yandex.com.tr",)),
    Country("VN", 1.5, 7, ()),
    Country("SG", 1.5, 8, ()),
    Country("HK", 1, 8, ("netvigator.com",)),
)
COUNTRY_CODES = tuple(c.code for c in COUNTRIES)
BY_CODE = {c.code: c for c in COUNTRIES}
_CUM_COUNTRY: list[float] = []
_acc = 0.0
for _c in COUNTRIES:
    _acc += _c.weight
    _CUM_COUNTRY.append(_acc)

GLOBAL_WEBMAIL = ("gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com", "proton.me")
_CUM_WEBMAIL = (55.0, 67.0, 75.0, 84.0, 92.0, 95.0)


def country(rng: random.Random) -> Country:
    return rng.choices(COUNTRIES, cum_weights=_CUM_COUNTRY)[0]


def webmail(rng: random.Random, c: Country) -> str:
    """A free e-mail domain; gmail.com dominates everywhere."""
    if c.webmail and rng.random() < 0.14:
        return rng.choice(c.webmail)
    return rng.choices(GLOBAL_WEBMAIL, cum_weights=_CUM_WEBMAIL)[0]


BROWSER_UAS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 "
    "Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/134.0.0.0 "
    "Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 "
    "Safari/605.1.15",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/134.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:136.0) Gecko/20100101 Firefox/136.0",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/134.0.0.0 "
    "Safari/537.36 Edg/134.0.0.0",
    "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:135.0) Gecko/20100101 Firefox/135.0",
)
MOBILE_UAS = (
    "LinkChat/4.12.0 (iPhone; iOS 18.3.1; Scale/3.00)",
    "LinkChat/4.12.1 (iPhone; iOS 18.2; Scale/3.00)",
    "LinkChat/4.11.3 (Android 14; Pixel 8)",
    "LinkChat/4.12.0 (Android 15; SM-S921B)",
    "LinkChat/4.10.7 (Android 13; Redmi Note 12)",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/18.3 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 "
    "Mobile Safari/537.36",
)
SDK_UAS = (
    "linkwatch-python/1.42.0 python/3.12.2",
    "linkwatch-python/1.41.3 python/3.11.8",
    "linkwatch-python/1.38.0 python/3.10.12",
    "linkwatch-node/4.6.1 node/20.11.1",
    "linkwatch-node/4.5.0 node/22.3.0",
    "curl/8.5.0",
    "python-httpx/0.27.0",
    "Go-http-client/2.0",
    "okhttp/4.12.0",
    "langchain-core/0.3.15",
)

BINS_BY_COUNTRY = {
    "US": ("414720", "426684", "440066", "476173", "517805", "542418", "601100", "371449"),
    "GB": ("475129", "492181", "535522", "454313"),
    "DE": ("455600", "522222", "401288"),
    "FR": ("497010", "513691", "497400"),
    "IN": ("524193", "459150", "652150"),
    "BR": ("516292", "406655", "650485"),
    "JP": ("356600", "453201", "540926"),
}
VIRTUAL_BINS = (("428852", "US"), ("537100", "US"), ("486732", "GB"), ("531260", "LT"), ("493698", "SG"))
PREPAID_BINS = (("435880", "US"), ("511563", "US"), ("404038", "GB"), ("530127", "HK"))


def instrument_id(rng: random.Random) -> str:
    """An opaque payment-instrument token (never digits only)."""
    return f"tok_{rng.getrandbits(96):024x}"


def card_bin(rng: random.Random, issuer_country: str) -> str:
    bins = BINS_BY_COUNTRY.get(issuer_country)
    if bins is None:
        return f"{rng.choice('45')}{rng.randrange(10_000, 99_999)}"
    return rng.choice(bins)


def ordinary_instrument(rng: random.Random, issuer_country: str) -> tuple[str, str]:
    """(instrument_type, bin) of an ordinary consumer payment method."""
    r = rng.random()
    if r < 0.78:
        return "card", card_bin(rng, issuer_country)
    if r < 0.93:
        return "paypal", ""
    if r < 0.97:
        return "apple_pay", card_bin(rng, issuer_country)
    return "google_pay", card_bin(rng, issuer_country)


SLUG_A = [
    "nimbus",
    "acme",
    "blue",
    "north",
    "bright",
    "quant",
    "vector",
    "delta",
    "orbit",
    "cobalt",
    "lumen",
    "apex",
    "nova",
    "lattice",
    "cedar",
    "harbor",
    "ember",
    "signal",
    "pioneer",
    "summit",
    "tidal",
    "vertex",
    "zen",
    "kite",
    "arc",
    "iron",
    "atlas",
    "beacon",
    "prism",
    "river",
]
SLUG_B = [
    "labs",
    "works",
    "ai",
    "systems",
    "tech",
    "analytics",
    "data",
    "cloud",
    "soft",
    "logic",
    "ware",
    "forge",
    "studio",
    "dynamics",
    "mind",
    "io",
    "hq",
    "robotics",
    "compute",
    "sense",
]
TLDS = ("ai", "io", "dev", "com", "co", "tech", "app", "net")


def company(rng: random.Random) -> tuple[str, str]:
    """(display slug, e-mail domain) of a made-up company."""
    a, b = rng.choice(SLUG_A), rng.choice(SLUG_B)
    slug = f"{a}{b}" if rng.random() < 0.5 else f"{a}-{b}"
    return slug, f"{slug}.{rng.choice(TLDS)}"

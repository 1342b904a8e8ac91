"""Countries, time zones, e-mail domains, payment instruments and user agents."""

from __future__ import annotations

import random
import string

# country -> (weight among ordinary sign-ups, typical UTC offsets in hours)
COUNTRIES: dict[str, tuple[float, tuple[int, ...]]] = {
    "US": (22, (-5, -5, -6, -7, -8)),
    "IN": (10, (5,)),
    "GB": (5, (0, 1)),
    "DE": (5, (1,)),
    "BR": (5, (-3,)),
    "FR": (3.5, (1,)),
    "CA": (3, (-5, -8, -6)),
    "JP": (3, (9,)),
    "KR": (2, (9,)),
    "ES": (2.5, (1,)),
    "IT": (2, (1,)),
    "NL": (1.5, (1,)),
    "PL": (1.5, (1,)),
    "MX": (2.5, (-6,)),
    "AR": (1, (-3,)),
    "AU": (2, (10, 8)),
    "ID": (3, (7, 8)),
    "PH": (2, (8,)),
    "VN": (1.5, (7,)),
    "TR": (1.5, (3,)),
    "NG": (1.5, (1,)),
    "KE": (1, (3,)),
    "EG": (1, (2,)),
    "PK": (1.5, (5,)),
    "ZA": (1, (2,)),
    "UA": (1, (2,)),
    "SE": (1, (1,)),
    "SG": (1, (8,)),
    "MY": (1, (8,)),
}
_CODES = tuple(COUNTRIES)
_CUM: list[float] = []
_t = 0.0
for _c in _CODES:
    _t += COUNTRIES[_c][0]
    _CUM.append(_t)


def country(rng: random.Random) -> str:
    return rng.choices(_CODES, cum_weights=_CUM)[0]


def utc_offset(rng: random.Random, code: str) -> int:
    return rng.choice(COUNTRIES[code][1])


GLOBAL_MAIL = ("gmail.com",) * 14 + (
    "outlook.com",
    "outlook.com",
    "hotmail.com",
    "hotmail.com",
    "yahoo.com",
    "icloud.com",
    "icloud.com",
    "proton.me",
    "aol.com",
)
LOCAL_MAIL: dict[str, tuple[str, ...]] = {
    "DE": ("gmx.de", "web.de", "t-online.de"),
    "FR": ("orange.fr", "free.fr", "laposte.net"),
    "GB": ("btinternet.com", "sky.com"),
    "IT": ("libero.it", "virgilio.it"),
    "PL": ("wp.pl", "onet.pl"),
    "BR": ("uol.com.br", "bol.com.br"),
    "IN": ("rediffmail.com", "yahoo.co.in"),
    "JP": ("yahoo.co.jp",),
    "KR": ("naver.com", "daum.net"),
    "MX": ("prodigy.net.mx",),
    "ES": ("telefonica.net",),
    "UA": ("ukr.net", "i.ua"),
    "TR": ("yandex.com.tr",),
    "AR": ("fibertel.com.ar",),
    "SE": ("telia.com",),
    "NL": ("ziggo.nl", "kpnmail.nl"),
    "AU": ("bigpond.com", "optusnet.com.au"),
    "CA": ("shaw.ca", "rogers.com"),
}
PRIVACY_MAIL = ("proton.me", "protonmail.com", "tutanota.com", "tuta.io", "pm.me")


def webmail(rng: random.Random, code: str) -> str:
    local = LOCAL_MAIL.get(code)
    if local and rng.random() < 0.3:
        return rng.choice(local)
    return rng.choice(GLOBAL_MAIL)


_SYL = (
    "al",
    "an",
    "ar",
    "bel",
    "bri",
    "cor",
    "da",
    "del",
    "en",
    "fa",
    "gra",
    "hal",
    "in",
    "ka",
    "lin",
    "lo",
    "ma",
    "mer",
    "na",
    "nor",
    "or",
    "pa",
    "quin",
    "ra",
    "ro",
    "sa",
    "sel",
    "ta",
    "tor",
    "ul",
    "va",
    "ven",
    "wil",
    "xa",
    "yor",
    "zen",
)
_WORDS = (
    "blue",
    "river",
    "stone",
    "north",
    "bright",
    "cedar",
    "harbor",
    "summit",
    "pixel",
    "orbit",
    "maple",
    "granite",
    "beacon",
    "silver",
    "meadow",
    "atlas",
    "cobalt",
    "ember",
    "fjord",
    "juniper",
    "lumen",
    "prairie",
    "quarry",
    "tidal",
    "vertex",
    "willow",
    "zephyr",
    "copper",
    "falcon",
    "iron",
    "signal",
)
_KINDS = (
    "logistics",
    "health",
    "labs",
    "analytics",
    "legal",
    "foods",
    "energy",
    "media",
    "capital",
    "studio",
    "systems",
    "partners",
    "group",
    "works",
    "insurance",
    "retail",
    "bio",
    "robotics",
    "consulting",
)
_TLDS = {
    "US": ".com",
    "GB": ".co.uk",
    "DE": ".de",
    "FR": ".fr",
    "BR": ".com.br",
    "IN": ".in",
    "JP": ".co.jp",
    "NL": ".nl",
    "ES": ".es",
    "IT": ".it",
    "AU": ".com.au",
    "CA": ".ca",
    "PL": ".pl",
    "SE": ".se",
}


def company_domain(rng: random.Random, code: str) -> str:
    tld = _TLDS.get(code, ".com") if rng.random() < 0.6 else rng.choice((".com", ".io", ".co", ".net"))
    if rng.random() < 0.5:
        name = f"{rng.choice(_WORDS)}{rng.choice(_WORDS)}"
    else:
        name = f"{rng.choice(_WORDS)}-{rng.choice(_KINDS)}"
    return name + tld


def invented_name(rng: random.Random, syllables: int = 3) -> str:
    return "".join(rng.choice(_SYL) for _ in range(syllables))


_UNI = {
    "US": ".edu",
    "GB": ".ac.uk",
    "DE": ".de",
    "FR": ".fr",
    "BR": ".br",
    "JP": ".ac.jp",
    "AU": ".edu.au",
    "IN": ".ac.in",
    "CA": ".ca",
    "KR": ".ac.kr",
    "NL": ".nl",
    "ES": ".es",
    "IT": ".it",
}


def university_domain(rng: random.Random, code: str) -> str:
    suffix = _UNI.get(code, ".edu")
    stem = invented_name(rng, rng.choice((2, 3)))
    style = rng.randrange(3)
    if style == 0:
        return f"{stem}{suffix}"
    if style == 1:
        return f"student.{stem}{suffix}"
    return f"mail.{stem}-uni{suffix}"


# --- payment ----------------------------------------------------------------------------------------------
_TOKEN = string.ascii_lowercase + string.digits


def instrument_token(rng: random.Random) -> str:
    """Opaque fingerprint of a payment instrument, never a raw card number."""
    bits = rng.getrandbits(96)
    chars = []
    for _ in range(18):
        bits, r = divmod(bits, 36)
        chars.append(_TOKEN[r])
    return "pmfp_" + "".join(chars)


class Bins:
    """Six-digit issuer identification numbers per (country, kind), stable within a run."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._bins: dict[tuple[str, str], list[str]] = {}

    def pick(self, rng: random.Random, country_code: str, kind: str = "card") -> str:
        key = (country_code, kind)
        options = self._bins.get(key)
        if options is None:
            count = {"card": 14, "prepaid_card": 3, "virtual_card": 2}.get(kind, 4)
            options = [self.new() for _ in range(count)]
            self._bins[key] = options
        return rng.choice(options)

    def new(self) -> str:
        return f"{self._rng.choice('3456')}{self._rng.randrange(10**5):05d}"


# --- user agents -------------------------------------------------------------------------------------------
_CHROME = (
    "120.0.6099.130",
    "121.0.6167.185",
    "122.0.6261.128",
    "123.0.6312.122",
    "124.0.6367.91",
    "125.0.6422.142",
    "126.0.6478.126",
    "127.0.6533.99",
    "128.0.6613.137",
)
_OSES = (
    "Windows NT 10.0; Win64; x64",
    "Macintosh; Intel Mac OS X 10_15_7",
    "X11; Linux x86_64",
    "Windows NT 10.0; Win64; x64",
    "Windows NT 10.0; Win64; x64",
    "X11; CrOS x86_64 14541.0.0",
)
ANDROID_DEVICES = (
    "SM-A125F",
    "SM-A536B",
    "SM-S918B",
    "Pixel 7",
    "Pixel 8",
    "Redmi Note 12",
    "CPH2387",
    "moto g54 5G",
    "V2207",
    "SM-A146P",
    "M2101K6G",
    "Infinix X6831",
    "TECNO KI7",
)
IOS_DEVICES = ("iPhone14,5", "iPhone15,2", "iPhone15,4", "iPhone16,1", "iPhone13,2", "iPad13,18")
APP_VERSIONS = ("5.1.0", "5.1.2", "5.2.0", "5.2.1", "5.3.0")
SDKS = (
    "lumen-python/1.6.2",
    "lumen-python/1.7.0",
    "lumen-python/1.5.4",
    "lumen-node/1.2.0",
    "lumen-node/1.1.3",
    "curl/8.5.0",
    "curl/7.81.0",
    "Go-http-client/2.0",
    "PostmanRuntime/7.36.1",
    "okhttp/4.12.0",
    "langchain-lumen/0.2.1 lumen-python/1.6.2",
    "python-requests/2.31.0",
)


def browser_ua(rng: random.Random) -> str:
    os_part = rng.choice(_OSES)
    kind = rng.random()
    if kind < 0.68:
        v = rng.choice(_CHROME)
        return f"Mozilla/5.0 ({os_part}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v} Safari/537.36"
    if kind < 0.8:
        v = rng.choice(("122.0", "123.0", "124.0", "125.0"))
        return f"Mozilla/5.0 ({os_part}; rv:{v}) Gecko/20100101 Firefox/{v}"
    if kind < 0.92:
        return (
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            f"Version/{rng.choice(('17.3', '17.4', '17.5'))} Safari/605.1.15"
        )
    v = rng.choice(_CHROME)
    return (
        f"Mozilla/5.0 ({os_part}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v} Safari/537.36 "
        f"Edg/{v.split('.')[0]}.0.0.0"
    )


def android_app_ua(rng: random.Random, device: str | None = None, version: str | None = None) -> str:
    dev = device or rng.choice(ANDROID_DEVICES)
    return f"LumenApp/{version or rng.choice(APP_VERSIONS)} (Android {rng.choice((11, 12, 13, 14))}; {dev})"


def ios_app_ua(rng: random.Random) -> str:
    os_v = rng.choice(("17.3", "17.4.1", "17.5", "16.7.5"))
    return f"LumenApp/{rng.choice(APP_VERSIONS)} ({rng.choice(IOS_DEVICES)}; iOS {os_v})"


def mobile_ua(rng: random.Random) -> str:
    return android_app_ua(rng) if rng.random() < 0.6 else ios_app_ua(rng)

"""Static vocabularies: countries, mail providers, user agents, networks, company and university names.

All names are fictional; only their shape (and the ip_type vocabulary of input format v1) is realistic.
"""

from __future__ import annotations

from dataclasses import dataclass

# Country mix of ordinary sign-ups (ISO 3166 alpha-2, weight).
COUNTRIES: tuple[tuple[str, float], ...] = (
    ("US", 0.30), ("IN", 0.10), ("GB", 0.07), ("DE", 0.07), ("FR", 0.05), ("BR", 0.05), ("CA", 0.04),
    ("JP", 0.04), ("KR", 0.03), ("ES", 0.03), ("IT", 0.03), ("NL", 0.02), ("PL", 0.02), ("AU", 0.03),
    ("MX", 0.02), ("SE", 0.02), ("NG", 0.02), ("ID", 0.02), ("TR", 0.02), ("SG", 0.02),
)  # fmt: skip

FREE_MAIL: tuple[tuple[str, float], ...] = (
    ("gmail.com", 0.46), ("outlook.com", 0.14), ("yahoo.com", 0.08), ("hotmail.com", 0.06),
    ("icloud.com", 0.07), ("proton.me", 0.04), ("gmx.de", 0.03), ("web.de", 0.02), ("mail.ru", 0.01),
    ("qq.com", 0.02), ("fastmail.com", 0.01), ("zoho.com", 0.01),
)  # fmt: skip
# Personal and small-business domains: the long tail of sign-up e-mail domains.
SMALL_DOMAIN_WORDS = (
    "acme", "blue", "cedar", "delta", "ember", "fjord", "granite", "harbor", "iris", "juniper", "kestrel",
    "lumen", "maple", "nova", "orbit", "pine", "quartz", "raven", "sierra", "tidal", "umber", "vega",
    "willow", "xeno", "yarrow", "zephyr", "atlas", "beacon", "cobalt", "drift",
)  # fmt: skip
SMALL_DOMAIN_TLDS = (".io", ".dev", ".com", ".net", ".co", ".ai", ".de", ".co.uk", ".fr", ".app")

PLANS_ORGANIC: tuple[tuple[str, float], ...] = (("free", 0.58), ("pro", 0.30), ("api", 0.10), ("max", 0.02))
CHANNELS_ORGANIC: tuple[tuple[str, float], ...] = (
    ("web", 0.62), ("mobile_app", 0.22), ("api_console", 0.13), ("startup_program", 0.02),
    ("research_program", 0.01),
)  # fmt: skip

BROWSER_UAS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/135.0.0.0 Safari/537.36",  # noqa: E501
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 Safari/605.1.15",  # noqa: E501
    "Mozilla/5.0 (X11; Linux x86_64; rv:137.0) Gecko/20100101 Firefox/137.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/135.0.0.0 Safari/537.36",  # noqa: E501
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/134.0.0.0 Safari/537.36 Edg/134.0.0.0",  # noqa: E501
)  # fmt: skip
MOBILE_UAS = (
    "AtlasApp/4.12.1 (iPhone; iOS 18.4; Scale/3.00)",
    "AtlasApp/4.12.0 (Android 15; Pixel 8)",
    "AtlasApp/4.11.3 (Android 14; SM-S921B)",
)
SDK_UAS = (
    "atlas-sdk-python/1.8.2 CPython/3.12.3",
    "atlas-sdk-python/1.7.9 CPython/3.11.9",
    "atlas-sdk-node/2.3.0 node/22.4.1",
    "atlas-sdk-go/0.9.4",
    "curl/8.5.0",
    "python-httpx/0.27.2",
)
# Tooling a sloppy operator leaves at its default.
SCRAPER_UAS = ("python-requests/2.31.0", "aiohttp/3.9.1", "Go-http-client/1.1")
ALL_UAS = BROWSER_UAS + MOBILE_UAS + SDK_UAS + SCRAPER_UAS


@dataclass(frozen=True)
class Network:
    asn: int
    org: str
    ip_type: str
    country: str


# Residential ISPs (also where residential proxies exit), mobile carriers, hosting, VPN providers,
# business ISPs (corporate NAT) and education networks.
RESIDENTIAL = (
    Network(64601, "Lakeside Broadband", "residential", "US"),
    Network(64602, "Continental Cable", "residential", "US"),
    Network(64603, "Northern Fibre", "residential", "GB"),
    Network(64604, "Rheinnetz Kabel", "residential", "DE"),
    Network(64605, "Hexagone Telecom", "residential", "FR"),
    Network(64606, "Ganga Fiber", "residential", "IN"),
    Network(64607, "Sol Internet", "residential", "BR"),
    Network(64608, "Maple Home Net", "residential", "CA"),
    Network(64609, "Sakura Hikari", "residential", "JP"),
    Network(64610, "Iberia Hogar", "residential", "ES"),
    Network(64611, "Polder Net", "residential", "NL"),
    Network(64612, "Southern Cross Broadband", "residential", "AU"),
    Network(64613, "Han River Cable", "residential", "KR"),
    Network(64614, "Vistula DSL", "residential", "PL"),
)
MOBILE = (
    Network(64701, "Horizon Wireless", "mobile", "US"),
    Network(64702, "Meridian Mobile", "mobile", "US"),
    Network(64703, "Albion Cellular", "mobile", "GB"),
    Network(64704, "Bharat Mobile", "mobile", "IN"),
)
HOSTING = (
    Network(64801, "Nimbus Cloud Hosting", "hosting", "US"),
    Network(64802, "Stratus Compute", "hosting", "NL"),
    Network(64803, "Bitforge Servers", "hosting", "DE"),
    Network(64804, "Pacific Edge Datacenters", "hosting", "SG"),
    Network(64805, "Kilowatt VPS", "hosting", "US"),
    Network(64806, "Cirrus Metal", "hosting", "FR"),
)
VPN = (
    Network(64901, "Tunnelbear Networks", "vpn", "CH"),
    Network(64902, "Shieldline VPN", "vpn", "PA"),
    Network(64903, "Northgate Privacy", "vpn", "SE"),
)
BUSINESS = Network(65001, "Metro Business Fiber", "corporate", "US")
EDUCATION_ASN_BASE = 65100

COMPANY_WORDS = (
    "Arcadia", "Brightline", "Corvid", "Dunmore", "Elmstead", "Fairhaven", "Glasswing", "Holloway",
    "Ironbark", "Jetstream", "Kingsford", "Larkspur", "Monarch", "Northwind", "Oakridge", "Pellucid",
    "Quillon", "Redwater", "Stonebridge", "Thornbury", "Upland", "Vantage", "Westmark", "Yellowfin",
)  # fmt: skip
COMPANY_SUFFIXES = ("Analytics", "Systems", "Health", "Logistics", "Bank", "Software", "Insurance", "Media")
UNIVERSITY_WORDS = (
    "Ashford", "Brookhaven", "Carrow", "Dalton", "Easton", "Fenwick", "Greystone", "Hartwell", "Ivybridge",
    "Kelvin", "Lindenwood", "Marston",
)  # fmt: skip

# Throwaway domains a sloppy operator registers for its sign-ups.
THROWAWAY_DOMAINS = ("mailbox-relay.net", "quickinbox.io", "tmpmail.click", "inboxfarm.xyz", "fastsignup.top")
# BINs of virtual / prepaid card issuers that careful operators favour.
PREPAID_BINS = ("537410", "485932", "531993", "428837", "552311")
ORGANIC_BINS = (
    "414720", "426684", "438857", "453201", "471632", "510510", "522012", "540088", "601100", "371449",
    "379612", "492910", "455673", "402400", "512345",
)  # fmt: skip

PRODUCT_NAMES = (
    "WriteBuddy", "CodeHawk", "TutorLoop", "HelpDeskly", "GradeWise", "DraftPilot", "ReviewRiver", "StudyOwl",
    "TicketSage", "ProsePal", "MergeMate", "QuizForge",
)  # fmt: skip

"""E-mail domains: the part after `@`, lower case, a syntactically valid host name."""

from __future__ import annotations

import re
from typing import Final

# Labels and length of a domain name, apart because the bulk load's SQL (RE2, no look-ahead) checks the
# length on its own.
DOMAIN_LABELS: Final = r"([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}"
DOMAIN_MAX_CHARS: Final = 253
_DOMAIN = re.compile(rf"^(?=.{{1,{DOMAIN_MAX_CHARS}}}$){DOMAIN_LABELS}$")


def canonical_email_domain(value: str) -> str:
    """Raises ValueError (without quoting the value) when it is not a domain name.

    A leading `@` is tolerated because exports often keep it (`@example.com`).
    """
    domain = value.strip().lower().removeprefix("@")
    if not _DOMAIN.match(domain):
        raise ValueError("not a domain name")
    return domain

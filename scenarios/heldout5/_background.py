"""Ordinary platform users: individuals, households, teams, offices, phones, VPN users, developers."""

from __future__ import annotations

from ._core import (
    BROWSER_UAS,
    CONSUMER_DOMAINS,
    COUNTRY_WEIGHTS,
    MOBILE_UAS,
    SDK_UAS,
    T0,
    T_END,
    Rng,
    World,
    bin6,
    instrument,
    org_id,
    pick,
    token,
    weighted,
)
from ._text import everyday, popular_template

# Weights per draw; groups are divided by their mean size so that the account shares come out as
# individual 50 %, household 8 %, small team 10 %, office 6 %, phone 14 %, VPN 6 %, developer 6 %.
ARCHETYPES = {
    "individual": 0.50,
    "household": 0.08 / 3.0,
    "small_team": 0.10 / 7.5,
    "office": 0.06 / 45.0,
    "phone": 0.14,
    "vpn": 0.06,
    "developer": 0.06,
}
COMPANY_WORDS = [
    "acme",
    "bluepeak",
    "norden",
    "lumen",
    "fieldstone",
    "kite",
    "harbor",
    "quill",
    "vanta",
    "pinecrest",
    "solace",
    "tandem",
    "orbit",
    "cobalt",
    "juniper",
    "meadow",
    "ridge",
    "atlas",
    "beacon",
    "crescent",
]
TLDS = ["com", "io", "de", "co.uk", "fr", "com.br", "in", "jp", "co"]


def company_domain(w: World, rng: Rng) -> str:
    """A company domain, unique within the world (unrelated companies do not collide)."""
    used = w.domains
    while True:
        d = f"{pick(rng, COMPANY_WORDS)}{pick(rng, COMPANY_WORDS)}.{pick(rng, TLDS)}"
        if d not in used or len(used) > 3000:
            used.add(d)
            return d


EDU_DOMAINS = {
    "US": ["berkeley.edu", "umich.edu", "utexas.edu", "gatech.edu"],
    "GB": ["ucl.ac.uk", "ed.ac.uk", "manchester.ac.uk"],
    "DE": ["tum.de", "uni-heidelberg.de", "rwth-aachen.de"],
    "FR": ["sorbonne-universite.fr", "univ-lyon1.fr"],
    "CN": ["pku.edu.cn", "zju.edu.cn", "sjtu.edu.cn"],
    "IN": ["iitb.ac.in", "du.ac.in"],
    "BR": ["usp.br", "unicamp.br"],
    "JP": ["u-tokyo.ac.jp", "kyoto-u.ac.jp"],
    "KR": ["snu.ac.kr", "kaist.ac.kr"],
    "PH": ["upd.edu.ph"],
    "NL": ["uva.nl", "tudelft.nl"],
    "RU": ["msu.ru"],
    "VN": ["hust.edu.vn"],
}


def created(rng: Rng) -> float:
    # Most accounts pre-date the window; some sign up during it.
    if rng.random() < 0.8:
        return float(T0 - int(rng.integers(1, 900)) * 86400 + int(rng.integers(0, 86400)))
    return float(rng.integers(T0, T_END - 86400))


def user_traffic(
    w: World,
    rng: Rng,
    aid: str,
    country: str,
    ips: list[str],
    uas: list[str],
    factor: float,
    tpl_share: float,
    start: float,
    tier: int = 1,
    dev: bool = False,
) -> None:
    n = w.volume(rng, factor)
    for _ in range(n):
        ts = w.human_ts(rng, country, start)
        if rng.random() < tpl_share:
            prompt, kind = popular_template(rng)
        else:
            prompt, kind = everyday(rng)
            if dev and rng.random() < 0.6:
                prompt, kind = everyday(rng)
                if kind not in ("code", "reasoning"):
                    prompt, kind = (
                        f"[{pick(rng, ['ticket', 'task', 'bug'])}-{int(rng.integers(100, 9999))}] {prompt}",
                        kind,
                    )
        ctx = int(rng.integers(0, 1800)) if rng.random() < 0.4 else 0
        w.req(aid, ts, prompt, pick(rng, ips), w.model_at(rng, ts, 0.3, tier), kind, pick(rng, uas), ctx)


def _card(w: World, rng: Rng, aid: str, country: str, when: float, inst: str | None = None) -> str:
    inst = inst or instrument(rng)
    w.pay(aid, inst, pick(rng, ["card", "card", "card", "wallet"]), bin6(rng), country, when)
    return inst


def build_background(w: World, rng: Rng, n: int) -> None:
    ids = w.take_ids(n)
    i = 0
    while i < len(ids):
        arch = weighted(rng, ARCHETYPES)
        country = weighted(rng, COUNTRY_WEIGHTS)
        if arch == "household":
            k = min(int(rng.integers(2, 5)), len(ids) - i)
            net = w.net(rng, "residential", country)
            home = w.ip(rng, net)
            shared = instrument(rng) if rng.random() < 0.5 else None
            for aid in ids[i : i + k]:
                c = created(rng)
                paid = rng.random() < 0.5
                w.account(aid, c, pick(rng, CONSUMER_DOMAINS[country]), country, "plus" if paid else "free")
                if paid:
                    _card(w, rng, aid, country, c, shared)
                ips = [home] + (
                    [w.carrier_ip(rng, w.net(rng, "mobile", country))] if rng.random() < 0.4 else []
                )
                user_traffic(
                    w, rng, aid, country, ips, [pick(rng, BROWSER_UAS), pick(rng, MOBILE_UAS)], 0.8, 0.2, c
                )
            i += k
        elif arch in ("small_team", "office"):
            k = min(
                int(rng.integers(3, 13))
                if arch == "small_team"
                else int(rng.integers(20, max(21, min(120, w.total // 150)))),
                len(ids) - i,
            )
            dom = company_domain(w, rng)
            org = org_id(rng)
            net = w.net(rng, "corporate" if arch == "office" else "residential", country)
            block = net.block24(rng)
            nat = [w.ip(rng, net, block) for _ in range(1 if arch == "small_team" else 3)]
            inst = instrument(rng, "pm" if arch == "small_team" else "inv")
            plan = "team" if arch == "small_team" else "enterprise"
            b = bin6(rng)
            for aid in ids[i : i + k]:
                c = created(rng)
                w.account(aid, c, dom, country, plan, org, "sales" if arch == "office" else "organic")
                w.pay(
                    aid,
                    inst,
                    "card" if arch == "small_team" else "invoice",
                    b if arch == "small_team" else "",
                    country,
                    c,
                )
                ips = nat + ([w.ip(rng, w.net(rng, "residential", country))] if rng.random() < 0.3 else [])
                uas = [pick(rng, BROWSER_UAS)] + ([pick(rng, SDK_UAS)] if rng.random() < 0.3 else [])
                user_traffic(w, rng, aid, country, ips, uas, 1.0, 0.3, c, 1, rng.random() < 0.3)
            i += k
        else:
            aid = ids[i]
            i += 1
            c = created(rng)
            paid = rng.random() < (0.7 if arch == "developer" else 0.35)
            dom = (
                pick(rng, CONSUMER_DOMAINS[country])
                if arch != "developer" or rng.random() < 0.6
                else company_domain(w, rng)
            )
            plan = ("api" if arch == "developer" else "plus") if paid else "free"
            channel = pick(rng, ["organic", "organic", "organic", "referral", "ad"])
            student = arch == "individual" and rng.random() < 0.07
            if student:
                dom, channel = pick(rng, EDU_DOMAINS[country]), "education"
            elif arch == "developer" and rng.random() < 0.25:
                channel = pick(rng, ["research_program", "startup_program"])
            status = "suspended" if rng.random() < 0.01 else ("closed" if rng.random() < 0.01 else "active")
            w.account(aid, c, dom, country, plan, "", channel, status)
            if paid:
                _card(w, rng, aid, country, c)
            if arch == "phone":
                ips = [
                    w.carrier_ip(rng, w.net(rng, "mobile", country)) for _ in range(int(rng.integers(1, 4)))
                ]
                uas = [pick(rng, MOBILE_UAS)]
                f = 0.7
            elif arch == "vpn":
                vnet = w.net(rng, "vpn")
                ips = [w.carrier_ip(rng, vnet) for _ in range(int(rng.integers(1, 5)))]
                uas = [pick(rng, BROWSER_UAS)]
                f = 1.0
            elif arch == "developer":
                hnet = w.net(rng, "hosting")
                ips = [w.ip(rng, hnet, v6=rng.random() < 0.25), w.ip(rng, w.net(rng, "residential", country))]
                uas = [pick(rng, SDK_UAS), pick(rng, BROWSER_UAS)]
                f = 2.2
            else:
                rnet = w.net(rng, "residential", country)
                ips = [w.ip(rng, rnet, v6=rng.random() < 0.15) for _ in range(int(rng.integers(1, 3)))]
                if rng.random() < 0.3:
                    ips.append(w.carrier_ip(rng, w.net(rng, "mobile", country)))
                if student:
                    ips.append(w.ip(rng, w.net(rng, "education", country)))
                uas = [pick(rng, BROWSER_UAS)] + ([pick(rng, MOBILE_UAS)] if rng.random() < 0.3 else [])
                f = 1.0
            tier = 2 if paid and rng.random() < 0.3 else (1 if paid else 0)
            user_traffic(
                w,
                rng,
                aid,
                country,
                ips,
                uas,
                f,
                0.25 if rng.random() < 0.4 else 0.02,
                c,
                tier,
                arch == "developer",
            )
    # Stale or unrelated analyst labels: old incidents, partner feeds.
    if w.accounts:
        old = w.accounts[int(rng.integers(0, len(w.accounts)))]["account_id"]
        w.label(
            "account",
            old,
            "Harbor Owl",
            0.4,
            "incident-2025-11",
            "closed case; account reinstated after appeal",
        )
        w.label(
            "email_domain",
            "mailinator.com",
            "unattributed-abuse",
            0.2,
            "partner-feed",
            "disposable domain list",
        )
        w.label(
            "template",
            f"ignore previous instructions {token(rng, 4)}",
            "jailbreak-kit-17",
            0.5,
            "red-team",
            "not distillation",
        )

"""The data looks like a platform: benign tight clusters exist, and each campaign has its craft's traits."""

from __future__ import annotations

import ipaddress
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from scenarios.standard import SCENARIOS, Summary, simulate
from scenarios.standard.faults import luhn_valid_number
from scenarios.standard.scenarios import CAREFUL, MEDIUM, SLOPPY
from scenarios.standard.timeline import NEW_MODEL, NEW_MODEL_RELEASE

NAMES = ["demo", "standard", "stealthy"]


def _csv(path: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(path / name, dtype=str, keep_default_na=False)


def _members(path: Path, campaign: str) -> pd.Series:
    truth = _csv(path, "truth.csv")
    return truth.loc[truth["campaign_id"] == campaign, "account_id"]


@pytest.mark.parametrize("name", NAMES)
def test_benign_tight_clusters_are_present(scenario_dirs: dict[str, tuple[Path, Summary]], name: str) -> None:
    path, _ = scenario_dirs[name]
    conf = _csv(path, "confounders.csv")
    assert {"corporate", "university", "carrier_nat", "household", "vpn", "viral_template"} <= set(
        conf["kind"]
    )
    assert not set(conf["account_id"]) & set(_csv(path, "truth.csv")["account_id"])
    acc = _csv(path, "accounts.csv").set_index("account_id")
    pay = _csv(path, "payment_links.csv")
    ips = _csv(path, "ip_links.csv")
    corporate = conf.loc[conf["kind"] == "corporate", "account_id"]
    # A company: 50+ accounts on one org, domain and a card or two, behind a corporate NAT.
    org_sizes = acc.loc[corporate, "org_id"].value_counts()
    assert org_sizes.max() >= 50
    biggest = org_sizes.index[0]
    staff = acc.index[acc["org_id"] == biggest]
    assert acc.loc[staff, "email_domain"].nunique() == 1
    assert pay.loc[pay["account_id"].isin(staff), "instrument_id"].nunique() <= 2
    corp_ips = ips[ips["account_id"].isin(staff) & (ips["ip_type"] == "corporate")]
    assert corp_ips["ip"].nunique() <= 2
    assert corp_ips["account_id"].nunique() >= 0.9 * len(staff)
    # Carrier NAT and VPN exits: a few addresses shared by very many accounts.
    shared = ips.groupby("ip")["account_id"].nunique()
    mobile = shared[shared.index.isin(ips.loc[ips["ip_type"] == "mobile", "ip"])]
    assert mobile.max() >= 0.02 * len(acc)
    # Students: one education NAT, sign-up channel education.
    students = conf.loc[conf["kind"] == "university", "account_id"]
    assert (acc.loc[students, "signup_channel"] == "education").all()
    assert ips.loc[ips["account_id"].isin(students) & (ips["ip_type"] == "education"), "ip"].nunique() <= 4


@pytest.mark.parametrize("name", NAMES)
def test_careful_campaigns_have_one_card_and_one_ip_per_account(
    scenario_dirs: dict[str, tuple[Path, Summary]], name: str
) -> None:
    path, _ = scenario_dirs[name]
    pay = _csv(path, "payment_links.csv")
    ips = _csv(path, "ip_links.csv")
    careful = [s for s in SCENARIOS[name].campaigns if s.craft == CAREFUL]
    assert careful
    for spec in careful:
        members = _members(path, spec.campaign_id)
        p = pay[pay["account_id"].isin(members)]
        i = ips[ips["account_id"].isin(members)]
        assert (p.groupby("account_id").size() == 1).all()
        assert len(p) == len(members)
        assert p["instrument_id"].is_unique
        assert (i.groupby("account_id").size() == 1).all()
        assert i["ip"].is_unique
        assert set(i["ip_type"]) == {"residential"}
        assert i["asn"].nunique() >= min(5, len(members) // 3)


def test_sloppy_campaign_shares_cards_and_one_hosting_asn(
    scenario_dirs: dict[str, tuple[Path, Summary]],
) -> None:
    path, _ = scenario_dirs["standard"]
    pay = _csv(path, "payment_links.csv")
    ips = _csv(path, "ip_links.csv")
    acc = _csv(path, "accounts.csv").set_index("account_id")
    for spec in (s for s in SCENARIOS["standard"].campaigns if s.craft == SLOPPY):
        members = _members(path, spec.campaign_id)
        cards = pay.loc[pay["account_id"].isin(members), "instrument_id"]
        assert cards.nunique() <= max(2, len(members) // 10)
        i = ips[ips["account_id"].isin(members)]
        assert set(i["ip_type"]) == {"hosting"}
        assert i["asn"].nunique() == 1
        assert i["ip"].str.rsplit(".", n=1).str[0].nunique() <= 2
        created = pd.to_datetime(acc.loc[members, "created_at"], utc=True)
        assert created.max() - created.min() <= pd.Timedelta(hours=12)


def test_careful_campaign_moves_to_the_new_model_within_a_day(
    scenario_dirs: dict[str, tuple[Path, Summary]],
) -> None:
    path, _ = scenario_dirs["standard"]
    req = pq.read_table(path / "requests.parquet", columns=["account_id", "ts", "model"]).to_pandas()
    release = pd.Timestamp(NEW_MODEL_RELEASE, unit="s", tz="UTC")
    day_after = req[
        (req["ts"] >= release + pd.Timedelta(hours=24)) & (req["ts"] < release + pd.Timedelta(hours=72))
    ]
    truth = _csv(path, "truth.csv")
    careful = [s.campaign_id for s in SCENARIOS["standard"].campaigns if s.craft == CAREFUL]
    in_campaign = day_after["account_id"].isin(truth.loc[truth["campaign_id"].isin(careful), "account_id"])
    background = day_after["account_id"].isin(truth["account_id"])
    share_campaign = (day_after.loc[in_campaign, "model"] == NEW_MODEL).mean()
    share_background = (day_after.loc[~background, "model"] == NEW_MODEL).mean()
    assert share_campaign > 0.4 > 0.1 > share_background


def test_round_robin_accounts_share_template_hours(scenario_dirs: dict[str, tuple[Path, Summary]]) -> None:
    """Accounts of one shift work the same hours; another shift works other hours."""
    path, _ = scenario_dirs["stealthy"]
    spec = SCENARIOS["stealthy"].campaigns[0]
    members = set(_members(path, spec.campaign_id))
    req = pq.read_table(path / "requests.parquet", columns=["account_id", "ts", "input_tokens"]).to_pandas()
    mine = req[req["account_id"].isin(members)]
    hours = (mine["ts"].astype("int64") // 3_600_000_000_000) % spec.shifts
    # Extraction rows sit in each account's own slot, so per account one residue dominates.
    dominant = hours.groupby(mine["account_id"]).agg(lambda s: s.value_counts(normalize=True).iloc[0])
    assert dominant.median() > 0.5


def test_errors_only_with_the_flag(tmp_path: Path, scenario_dirs: dict[str, tuple[Path, Summary]]) -> None:
    clean, _ = scenario_dirs["demo"]
    assert not list(clean.glob("*_errors.csv"))
    s = simulate(tmp_path, "demo", 600, seed=3, requests_per_account=1.0, with_errors=True)
    expected = _csv(s.out, "expected_rejects.csv")
    assert len(expected) >= 8
    assert {
        "accounts_errors.csv",
        "ip_links_errors.csv",
        "payment_links_errors.csv",
        "requests_errors.csv",
    } <= {p.name for p in s.out.glob("*_errors.csv")}
    raw = _csv(s.out, "payment_links_errors.csv")["instrument_id"].iloc[0]
    assert raw == luhn_valid_number()
    assert raw.isdigit()
    assert _luhn(raw)


def _luhn(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def test_demo_is_fast(tmp_path: Path) -> None:
    t0 = time.perf_counter()
    s = simulate(tmp_path, "demo")
    assert time.perf_counter() - t0 < 30
    assert s.accounts == 2000
    assert len(s.campaigns) >= 3


def test_confounder_clusters_name_the_shared_thing(scenario_dirs: dict[str, tuple[Path, Summary]]) -> None:
    path, _ = scenario_dirs["standard"]
    conf = _csv(path, "confounders.csv")
    acc = _csv(path, "accounts.csv").set_index("account_id")
    corp = conf[conf["kind"].isin(["corporate", "api_product"])]
    assert (corp["cluster"].to_numpy() == acc.loc[corp["account_id"], "org_id"].to_numpy()).all()
    homes = conf[conf["kind"] == "household"]
    ips = _csv(path, "ip_links.csv")
    members = homes.groupby("cluster")["account_id"].nunique()
    assert members.between(2, 4).all()
    # Members are seen on the home address (a few only ever through their VPN).
    pairs = set(zip(ips["account_id"], ips["ip"], strict=True))
    seen = [(a, c) in pairs for a, c in zip(homes["account_id"], homes["cluster"], strict=True)]
    assert sum(seen) >= 0.9 * len(seen)


def test_api_products_look_like_small_sloppy_campaigns(
    scenario_dirs: dict[str, tuple[Path, Summary]],
) -> None:
    """Hosting IPs, one SDK agent, one template at high volume, yet only a few accounts of one org."""
    path, _ = scenario_dirs["standard"]
    conf = _csv(path, "confounders.csv")
    products = conf[conf["kind"] == "api_product"]
    assert products["cluster"].nunique() >= 3
    assert products.groupby("cluster").size().max() <= 5
    ips = _csv(path, "ip_links.csv")
    used = ips[ips["account_id"].isin(products["account_id"])]
    assert set(used["ip_type"]) == {"hosting"}


def test_medium_campaign_rotates_datacenter_proxies_and_shares_cards_in_small_groups(
    scenario_dirs: dict[str, tuple[Path, Summary]],
) -> None:
    path, _ = scenario_dirs["standard"]
    pay = _csv(path, "payment_links.csv")
    ips = _csv(path, "ip_links.csv")
    for spec in (s for s in SCENARIOS["standard"].campaigns if s.craft == MEDIUM):
        members = _members(path, spec.campaign_id)
        used = ips[ips["account_id"].isin(members)]
        proxies = used[used["ip_type"] == "hosting"]
        assert proxies["asn"].nunique() >= 2
        v6 = proxies[proxies["ip"].str.contains(":")]
        assert v6["ip"].nunique() >= 3
        prefixes = {":".join(ipaddress.ip_address(a).exploded.split(":")[:3]) for a in v6["ip"]}
        assert len(prefixes) <= 2, "rotation stays inside two /48s"
        per_card = pay[pay["account_id"].isin(members)].groupby("instrument_id").size()
        assert 3 <= per_card.median() <= 8

"""Input format v1 as the loaders will read it: columns, types, referential integrity, ground truth."""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from app.domain.vocabulary import CAPABILITIES, IP_TYPES, LabelEntity
from scenarios.standard import SCENARIOS, Summary

ENTITIES = set(LabelEntity)
REQUIRED = {
    "accounts.csv": [
        "account_id",
        "created_at",
        "email_domain",
        "country",
        "plan",
        "org_id",
        "signup_channel",
        "status",
    ],
    "ip_links.csv": ["account_id", "ip", "first_seen", "last_seen", "requests", "asn", "asn_org", "ip_type"],
    "payment_links.csv": [
        "account_id",
        "instrument_id",
        "instrument_type",
        "bin",
        "issuer_country",
        "first_used",
    ],
    "labels.csv": ["entity", "value", "actor", "confidence", "source", "note"],
    "truth.csv": ["account_id", "campaign_id", "actor"],
    "confounders.csv": ["account_id", "kind", "cluster"],
    "prompt_truth.csv": ["family_id", "capability", "prompt"],
}
NAMES = ["demo", "standard", "stealthy"]


def _csv(path: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(path / name, dtype=str, keep_default_na=False)


def _requests(path: Path) -> pd.DataFrame:
    return pq.read_table(path / "requests.parquet").to_pandas()


@pytest.mark.parametrize("name", NAMES)
def test_columns_and_types(scenario_dirs: dict[str, tuple[Path, Summary]], name: str) -> None:
    path, _ = scenario_dirs[name]
    for file, cols in REQUIRED.items():
        assert list(_csv(path, file).columns) == cols, file
    acc = _csv(path, "accounts.csv")
    assert acc["account_id"].is_unique
    assert acc["account_id"].str.fullmatch(r"acct_\d{7}").all()
    assert pd.to_datetime(acc["created_at"], format="ISO8601", utc=True).notna().all()
    assert acc["country"].str.fullmatch(r"[A-Z]{2}").all()
    ips = _csv(path, "ip_links.csv")
    for ip in ips["ip"].unique():
        assert str(ipaddress.ip_address(ip)) == ip, "addresses are written in canonical form"
    assert set(ips["ip_type"]) <= IP_TYPES
    assert (pd.to_datetime(ips["first_seen"], utc=True) <= pd.to_datetime(ips["last_seen"], utc=True)).all()
    pay = _csv(path, "payment_links.csv")
    assert pay["instrument_id"].str.fullmatch(r"tok_[0-9A-Za-z]{24}").all()
    assert not pay["instrument_id"].str.fullmatch(r"\d{13,19}").any()
    labels = _csv(path, "labels.csv")
    assert set(labels["entity"]) <= ENTITIES
    conf = labels["confidence"].astype(float)
    assert ((conf >= 0) & (conf <= 1)).all()
    req = _requests(path)
    assert list(req.columns) == ["account_id", "ts", "prompt", "ip", "model", "input_tokens", "output_tokens",
                                 "user_agent"]  # fmt: skip
    assert str(req["ts"].dt.tz) == "UTC"
    assert (req["input_tokens"] > 0).all()
    assert (req["output_tokens"] > 0).all()
    assert req["prompt"].str.len().min() > 0
    assert req["model"].nunique() == 3


@pytest.mark.parametrize("name", NAMES)
def test_references_resolve(scenario_dirs: dict[str, tuple[Path, Summary]], name: str) -> None:
    path, _ = scenario_dirs[name]
    accounts = set(_csv(path, "accounts.csv")["account_id"])
    req = _requests(path)
    ips = _csv(path, "ip_links.csv")
    pay = _csv(path, "payment_links.csv")
    for frame in (req, ips, pay, _csv(path, "truth.csv"), _csv(path, "confounders.csv")):
        assert set(frame["account_id"]) <= accounts
    # ip_links is the exact per-(account, IP) summary of the request log.
    counted = req.groupby(["account_id", "ip"]).size()
    links = ips.assign(requests=ips["requests"].astype(int)).set_index(["account_id", "ip"])["requests"]
    assert counted.sum() == links.sum() == len(req)
    assert (links.reindex(counted.index) == counted).all()
    # Every label points at something that exists in the data.
    labels = _csv(path, "labels.csv")
    known = {
        "account": accounts,
        "ip": set(ips["ip"]),
        "instrument": set(pay["instrument_id"]),
        "asn": set(ips["asn"]),
        "email_domain": set(_csv(path, "accounts.csv")["email_domain"]),
    }
    for row in labels.itertuples():
        if row.entity in known:
            assert row.value in known[str(row.entity)], row


@pytest.mark.parametrize("name", NAMES)
def test_truth_matches_planted_campaigns(scenario_dirs: dict[str, tuple[Path, Summary]], name: str) -> None:
    path, summary = scenario_dirs[name]
    truth = _csv(path, "truth.csv")
    assert truth["account_id"].is_unique
    sizes = truth.groupby("campaign_id").size()
    for spec in SCENARIOS[name].campaigns:
        assert sizes[spec.campaign_id] >= spec.size(summary.accounts) >= spec.floor
    actors = truth.groupby("campaign_id")["actor"].first()
    assert (actors == "").sum() >= 1, "every scenario has a campaign nobody has labelled"
    labels = _csv(path, "labels.csv")
    for campaign, actor in actors.items():
        if actor:
            assert actor in set(labels["actor"]), campaign
    # Labelled accounts of an actor are that actor's campaign accounts.
    acct_labels = labels[labels["entity"] == "account"].merge(
        truth, left_on="value", right_on="account_id", how="left"
    )
    real = acct_labels[acct_labels["actor_x"] != "Old Orchard Collective"]
    assert (real["actor_x"] == real["actor_y"]).all()


def test_prompt_truth_covers_every_family(scenario_dirs: dict[str, tuple[Path, Summary]]) -> None:
    path, _ = scenario_dirs["demo"]
    pt = _csv(path, "prompt_truth.csv")
    assert set(pt["capability"]) == set(CAPABILITIES)
    per = pt.groupby("family_id")["prompt"]
    assert (per.size() >= 6).all()

    # Paraphrase variants: a campaign family's samples differ beyond their masked values.
    def skeleton(text: str) -> str:
        text = re.sub(r"```.*?```", "<code>", text, flags=re.S)
        text = re.sub(r'"[^"]*"', "<q>", text)
        text = re.sub(r"https?://\S+|\S+@\S+", "<x>", text)
        return re.sub(r"\d+", "<n>", text)

    skeletons = pt.assign(s=pt["prompt"].map(skeleton)).groupby("family_id")["s"].nunique()
    assert skeletons["x_swe_implement"] > 3
    assert skeletons["corp_pr_review"] == 1

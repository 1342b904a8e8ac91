"""The held-back scenario generator: files, columns, ground truth, determinism, every style present."""

from __future__ import annotations

import csv
import gzip
import ipaddress
import json
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from scenarios.heldout3 import CAMPAIGN_STYLES, COHORT_STYLES, generate

ACCOUNTS = 2000
COLUMNS = {
    "accounts": {
        "account_id",
        "created_at",
        "email_domain",
        "country",
        "plan",
        "org_id",
        "signup_channel",
        "status",
    },
    "ip_links": {"account_id", "ip", "first_seen", "last_seen", "requests", "asn", "asn_org", "ip_type"},
    "payment_links": {
        "account_id",
        "instrument_id",
        "instrument_type",
        "bin",
        "issuer_country",
        "first_used",
    },
    "requests": {"account_id", "ts", "prompt", "ip", "model", "input_tokens", "output_tokens", "user_agent"},
    "labels": {"entity", "value", "actor", "confidence", "source", "note"},
}
REQUIRED = {
    "accounts": {"account_id"},
    "ip_links": {"account_id", "ip"},
    "payment_links": {"account_id", "instrument_id"},
    "requests": {"account_id", "ts", "prompt"},
    "labels": {"entity", "value", "actor"},
}
IP_TYPES = {"residential", "mobile", "hosting", "vpn", "proxy", "education", "corporate", "unknown"}
LABEL_ENTITIES = {"account", "ip", "instrument", "asn", "email_domain", "template"}


def _rows(path: Path) -> Iterator[dict[str, object]]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:  # type: ignore[operator]
        if ".jsonl" in path.name:
            for line in fh:
                yield json.loads(line)
        else:
            yield from csv.DictReader(fh)


def _kind(out: Path, kind: str) -> list[dict[str, object]]:
    files = sorted(p for p in out.iterdir() if p.name.startswith(kind))
    assert files, kind
    return [r for p in files for r in _rows(p)]


def _content(out: Path) -> dict[str, bytes]:
    return {
        p.name: gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes()
        for p in sorted(out.iterdir())
    }


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("ho3") / "seed3"
    generate(d, ACCOUNTS, 3)
    return d


def test_files_and_columns(out: Path) -> None:
    for kind, cols in COLUMNS.items():
        rows = _kind(out, kind)
        assert rows, kind
        for r in rows:
            assert set(r) <= cols, (kind, set(r) - cols)
            for c in REQUIRED[kind]:
                assert r.get(c) not in (None, ""), (kind, c)
    accounts = _kind(out, "accounts")
    assert len(accounts) == ACCOUNTS
    assert len({a["account_id"] for a in accounts}) == ACCOUNTS


def test_values_are_valid(out: Path) -> None:
    for r in _kind(out, "ip_links"):
        ipaddress.ip_address(str(r["ip"]))
        assert r["ip_type"] in IP_TYPES
        datetime.fromisoformat(str(r["first_seen"]))
    for r in _kind(out, "payment_links"):
        assert not re.fullmatch(r"\d{13,19}", str(r["instrument_id"]))
    for r in _kind(out, "labels"):
        assert r["entity"] in LABEL_ENTITIES
        assert 0.0 <= float(str(r["confidence"])) <= 1.0
    models: set[str] = set()
    for r in _kind(out, "requests"):
        ts = r["ts"]
        if isinstance(ts, int):
            assert 1.7e9 < ts < 1.8e9
        else:
            datetime.fromisoformat(str(ts))
        if r.get("ip"):
            ipaddress.ip_address(str(r["ip"]))
        models.add(str(r["model"]))
    assert "lumen-3" in models
    assert "lumen-2" in models


def test_truth_and_confounders(out: Path) -> None:
    ids = {str(a["account_id"]) for a in _kind(out, "accounts")}
    truth = list(_rows(out / "truth.csv"))
    conf = list(_rows(out / "confounders.csv"))
    assert set(truth[0]) == {"account_id", "campaign_id", "actor", "style"}
    assert set(conf[0]) == {"account_id", "cohort"}
    t_ids = [str(r["account_id"]) for r in truth]
    c_ids = [str(r["account_id"]) for r in conf]
    assert len(set(t_ids)) == len(t_ids)
    assert len(set(c_ids)) == len(c_ids)
    assert set(t_ids) <= ids
    assert set(c_ids) <= ids
    assert not set(t_ids) & set(c_ids)
    assert len(t_ids) + len(c_ids) < ACCOUNTS * 0.35  # most of the platform is ordinary users
    labelled = {str(r["actor"]) for r in _kind(out, "labels")}
    by_campaign: dict[str, set[tuple[str, str]]] = {}
    for r in truth:
        by_campaign.setdefault(str(r["campaign_id"]), set()).add((str(r["actor"]), str(r["style"])))
        assert r["actor"] == "" or r["actor"] in labelled
    assert all(len(v) == 1 for v in by_campaign.values())
    for name, style in CAMPAIGN_STYLES.items():
        (actor,) = {str(r["actor"]) for r in truth if r["style"] == name}
        assert actor == (style.actor if style.labelled else "")


def test_every_style_present(out: Path) -> None:
    truth = list(_rows(out / "truth.csv"))
    conf = list(_rows(out / "confounders.csv"))
    assert len(CAMPAIGN_STYLES) >= 7
    assert len(COHORT_STYLES) >= 6
    assert {r["style"] for r in truth} == set(CAMPAIGN_STYLES)
    assert {r["cohort"] for r in conf} == set(COHORT_STYLES)
    active = {str(r["account_id"]) for r in _kind(out, "requests")}
    for name in CAMPAIGN_STYLES:
        members = {str(r["account_id"]) for r in truth if r["style"] == name}
        assert members & active, name


def test_deterministic_for_a_seed(out: Path, tmp_path: Path) -> None:
    generate(tmp_path / "again", ACCOUNTS, 3)
    assert _content(out) == _content(tmp_path / "again")
    generate(tmp_path / "other", ACCOUNTS, 4)
    assert _content(out)["truth.csv"] != _content(tmp_path / "other")["truth.csv"]


def test_subset_of_styles(tmp_path: Path) -> None:
    generate(tmp_path, 500, 1, campaigns=["trial_churn"], cohorts=[], requests_per_account=4)
    assert {r["style"] for r in _rows(tmp_path / "truth.csv")} == {"trial_churn"}
    assert list(_rows(tmp_path / "confounders.csv")) == []
    with pytest.raises(ValueError, match="unknown"):
        generate(tmp_path / "x", 500, 1, campaigns=["no_such_style"])

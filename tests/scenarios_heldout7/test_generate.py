"""The heldout7 generator: files, columns, ground truth, determinism, every style present."""

from __future__ import annotations

import csv
import gzip
import hashlib
import ipaddress
import json
import re
from pathlib import Path

import pytest

from scenarios.heldout7 import CAMPAIGN_STYLES, COHORT_STYLES, generate

ACCOUNT_COLS = [
    "account_id",
    "created_at",
    "email_domain",
    "country",
    "plan",
    "org_id",
    "signup_channel",
    "status",
]
REQUEST_COLS = ["account_id", "ts", "prompt", "ip", "model", "input_tokens", "output_tokens", "user_agent"]
IP_TYPES = {"residential", "mobile", "hosting", "vpn", "proxy", "education", "corporate", "unknown"}


def _rows(path: Path) -> list[dict[str, str]]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        if ".jsonl" in path.name:
            return [{k: str(v) for k, v in json.loads(line).items()} for line in f if line.strip()]
        return list(csv.DictReader(f))


def _kind(out: Path, kind: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for p in sorted(out.iterdir()):
        if p.name.startswith(kind):
            rows.extend(_rows(p))
    return rows


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("h7")
    generate(d, 2000, 7)
    return d


def test_files_and_columns(out: Path) -> None:
    names = {p.name for p in out.iterdir()}
    for kind in ("accounts", "ip_links", "payment_links", "requests", "labels"):
        assert any(n.startswith(kind) for n in names), kind
    assert {"truth.csv", "confounders.csv"} <= names
    accounts = _kind(out, "accounts")
    assert len(accounts) == 2000
    assert set(ACCOUNT_COLS) <= set(accounts[0])
    assert len({a["account_id"] for a in accounts}) == 2000
    reqs = _kind(out, "requests")
    assert set(REQUEST_COLS) <= set(reqs[0])
    assert len(reqs) > 2000 * 8
    for r in reqs[::97]:
        ipaddress.ip_address(r["ip"])
        assert int(r["input_tokens"]) > 0
        assert int(r["output_tokens"]) > 0
        assert r["prompt"].strip()
    assert "orion-3" in {r["model"] for r in reqs}
    links = _kind(out, "ip_links")
    assert {ln["ip_type"] for ln in links} <= IP_TYPES
    pays = _kind(out, "payment_links")
    assert all(not re.fullmatch(r"\d{13,19}", p["instrument_id"]) for p in pays)
    labels = _kind(out, "labels")
    assert all(0.0 <= float(lb["confidence"]) <= 1.0 for lb in labels)


def test_truth_and_confounders(out: Path) -> None:
    ids = {a["account_id"] for a in _kind(out, "accounts")}
    truth = _rows(out / "truth.csv")
    conf = _rows(out / "confounders.csv")
    assert list(truth[0]) == ["account_id", "campaign_id", "actor", "style"]
    assert list(conf[0]) == ["account_id", "cohort"]
    t_ids = [t["account_id"] for t in truth]
    c_ids = [c["account_id"] for c in conf]
    assert len(set(t_ids)) == len(t_ids)
    assert set(t_ids) <= ids
    assert len(set(c_ids)) == len(c_ids)
    assert set(c_ids) <= ids
    assert not set(t_ids) & set(c_ids)
    assert {t["style"] for t in truth} == set(CAMPAIGN_STYLES)
    assert {c["cohort"] for c in conf} == set(COHORT_STYLES)
    # One campaign id per style, one actor per campaign; a named actor must appear in the labels.
    actors_in_labels = {lb["actor"] for lb in _kind(out, "labels")}
    by_campaign: dict[str, set[tuple[str, str]]] = {}
    for t in truth:
        by_campaign.setdefault(t["campaign_id"], set()).add((t["style"], t["actor"]))
    assert len(by_campaign) == len(CAMPAIGN_STYLES)
    for pairs in by_campaign.values():
        assert len(pairs) == 1
        actor = next(iter(pairs))[1]
        assert actor == "" or actor in actors_in_labels
    assert any(next(iter(p))[1] for p in by_campaign.values())
    assert any(not next(iter(p))[1] for p in by_campaign.values())
    # Every campaign and cohort account sends traffic.
    active = {r["account_id"] for r in _kind(out, "requests")}
    assert set(t_ids) <= active
    assert set(c_ids) <= active


def _digest(d: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(d.iterdir()):
        h.update(p.name.encode())
        h.update(gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes())
    return h.hexdigest()


def test_deterministic_and_subsets(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    generate(a, 600, 3, campaigns=["quota_skimmer", "critique_relay"], cohorts=["family_card_sharing"])
    generate(b, 600, 3, campaigns=["quota_skimmer", "critique_relay"], cohorts=["family_card_sharing"])
    generate(c, 600, 4, campaigns=["quota_skimmer", "critique_relay"], cohorts=["family_card_sharing"])
    assert _digest(a) == _digest(b)
    assert _digest(a) != _digest(c)
    assert {t["style"] for t in _rows(a / "truth.csv")} == {"quota_skimmer", "critique_relay"}
    assert {t["cohort"] for t in _rows(a / "confounders.csv")} == {"family_card_sharing"}
    with pytest.raises(ValueError, match="unknown campaign"):
        generate(tmp_path / "d", 100, 1, campaigns=["no_such_style"])


def test_style_count() -> None:
    assert len(CAMPAIGN_STYLES) >= 10
    assert len(COHORT_STYLES) >= 10
    for spec in [*CAMPAIGN_STYLES.values(), *COHORT_STYLES.values()]:
        assert 0 < spec.knobs.share < 0.05

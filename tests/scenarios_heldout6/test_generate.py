"""The heldout6 generator: files, columns, truth and confounders, determinism, every style present."""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import re
from pathlib import Path

import pytest

from scenarios.heldout6 import CAMPAIGN_STYLES, COHORT_STYLES, generate

N = 2000


def _read_csv(path: Path) -> list[dict[str, str]]:
    if path.suffix == ".gz":
        with gzip.open(path, "rt", newline="") as f:
            return list(csv.DictReader(f))
    with path.open(newline="") as f:
        return list(csv.DictReader(f))


def _accounts(out: Path) -> list[dict[str, str]]:
    rows = _read_csv(out / "accounts.csv")
    with (out / "accounts_signups_in_window.jsonl").open() as f:
        rows += [json.loads(line) for line in f]
    return rows


def _digest(out: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(out.iterdir()):
        data = gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes()
        h.update(p.name.encode() + data)
    return h.hexdigest()


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("ho6") / "a"
    generate(d, N, 3)
    return d


def test_files_and_columns(out: Path) -> None:
    names = {p.name for p in out.iterdir()}
    for kind in ("accounts", "ip_links", "payment_links", "requests", "labels"):
        assert any(n.startswith(kind) for n in names), kind
    accounts = _accounts(out)
    assert len(accounts) == N
    assert len({a["account_id"] for a in accounts}) == N
    assert set(_read_csv(out / "ip_links.csv.gz")[0]) >= {"account_id", "ip", "asn", "ip_type"}
    pays = _read_csv(out / "payment_links.csv")
    assert all(not re.fullmatch(r"\d{13,19}", p["instrument_id"]) for p in pays)
    with gzip.open(out / "requests-2026-03.jsonl.gz", "rt") as f:
        first = json.loads(f.readline())
    assert set(first) == {
        "account_id",
        "ts",
        "prompt",
        "ip",
        "model",
        "input_tokens",
        "output_tokens",
        "user_agent",
    }
    apr = _read_csv(out / "requests-2026-04.csv.gz")
    assert apr
    assert apr[0]["ts"].isdigit()
    assert {"nova-3"} <= {r["model"] for r in apr}
    types = {r["ip_type"] for r in _read_csv(out / "ip_links.csv.gz")}
    assert types <= {"residential", "mobile", "hosting", "vpn", "proxy", "education", "corporate", "unknown"}


def test_truth_and_confounders(out: Path) -> None:
    ids = {a["account_id"] for a in _accounts(out)}
    truth = _read_csv(out / "truth.csv")
    conf = _read_csv(out / "confounders.csv")
    assert list(truth[0]) == ["account_id", "campaign_id", "actor", "style"]
    assert list(conf[0]) == ["account_id", "cohort"]
    t_ids = [r["account_id"] for r in truth]
    c_ids = [r["account_id"] for r in conf]
    assert len(set(t_ids)) == len(t_ids)
    assert len(set(c_ids)) == len(c_ids)
    assert set(t_ids) <= ids
    assert set(c_ids) <= ids
    assert not set(t_ids) & set(c_ids)
    assert {r["style"] for r in truth} == set(CAMPAIGN_STYLES)
    assert {r["cohort"] for r in conf} == set(COHORT_STYLES)
    labels = _read_csv(out / "labels.csv")
    label_actors = {lb["actor"] for lb in labels}
    for r in truth:
        assert (r["actor"] in label_actors) if r["actor"] else True
        assert bool(r["actor"]) == CAMPAIGN_STYLES[r["style"]].labelled
    per_campaign: dict[str, set[str]] = {}
    for r in truth:
        per_campaign.setdefault(r["campaign_id"], set()).add(r["style"])
    assert all(len(v) == 1 for v in per_campaign.values())
    assert len(t_ids) < 0.25 * N
    assert len(c_ids) < 0.15 * N


def test_deterministic_and_seed_sensitive(out: Path, tmp_path: Path) -> None:
    generate(tmp_path / "b", N, 3)
    generate(tmp_path / "c", N, 4)
    assert _digest(out) == _digest(tmp_path / "b")
    assert _digest(out) != _digest(tmp_path / "c")


def test_subset(tmp_path: Path) -> None:
    generate(tmp_path / "s", 600, 1, campaigns=["weak_label_farm"], cohorts=["labeling_startup"])
    truth = _read_csv(tmp_path / "s" / "truth.csv")
    assert {r["style"] for r in truth} == {"weak_label_farm"}
    assert len(_accounts(tmp_path / "s")) == 600
    with pytest.raises(ValueError, match="unknown"):
        generate(tmp_path / "x", 600, 1, campaigns=["nope"])

"""Held-back split five: files, columns, truth and confounders, determinism, every style present."""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import re
from pathlib import Path

import pytest

from scenarios.heldout5 import CAMPAIGN_STYLES, COHORT_STYLES, generate

ACCOUNTS = 2000


def _rows(path: Path) -> list[dict[str, str]]:
    if path.name.endswith(".jsonl") or path.name.endswith(".jsonl.gz"):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _kind(out: Path, kind: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for p in sorted(out.iterdir()):
        if p.name.startswith(kind):
            rows.extend(_rows(p))
    return rows


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ho5")
    generate(out, ACCOUNTS, 11)
    return out


def test_files_and_columns(world: Path) -> None:
    accounts = _kind(world, "accounts")
    assert len(accounts) == ACCOUNTS
    assert len({a["account_id"] for a in accounts}) == ACCOUNTS
    assert set(accounts[0]) >= {"account_id", "created_at", "email_domain", "country", "signup_channel"}
    ips = _kind(world, "ip_links")
    assert set(ips[0]) >= {"account_id", "ip", "asn", "ip_type"}
    types = {"residential", "mobile", "hosting", "vpn", "proxy", "education", "corporate", "unknown"}
    assert {r["ip_type"] for r in ips} <= types
    pays = _kind(world, "payment_links")
    assert all(not re.fullmatch(r"\d{13,19}", p["instrument_id"]) for p in pays)
    reqs = _kind(world, "requests")
    assert len(reqs) > ACCOUNTS * 8
    assert set(reqs[0]) >= {"account_id", "ts", "prompt", "ip", "model", "input_tokens", "output_tokens"}
    assert {r["model"] for r in reqs} >= {"atlas-3", "atlas-2.5"}
    labels = _kind(world, "labels")
    assert labels
    assert set(labels[0]) >= {"entity", "value", "actor", "confidence"}


def test_truth_and_confounders(world: Path) -> None:
    ids = {a["account_id"] for a in _kind(world, "accounts")}
    truth = _rows(world / "truth.csv")
    conf = _rows(world / "confounders.csv")
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
    # one campaign id per style, actor only when a label points to that operator
    actors = {r["actor"] for r in _kind(world, "labels")}
    for style in CAMPAIGN_STYLES:
        rows = [r for r in truth if r["style"] == style]
        assert len({r["campaign_id"] for r in rows}) == 1
        actor = rows[0]["actor"]
        assert actor == "" or actor in actors
    assert 0.5 * ACCOUNTS / 100 <= len(t_ids) / len(CAMPAIGN_STYLES) <= 3 * ACCOUNTS / 100


def _digest(out: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(out.iterdir()):
        data = p.read_bytes()
        h.update(p.name.encode())
        h.update(gzip.decompress(data) if p.suffix == ".gz" else data)
    return h.hexdigest()


def test_deterministic(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    generate(a, 600, 5, campaigns=["batch_dump", "diurnal_mimic"], cohorts=["olympiad_club"])
    generate(b, 600, 5, campaigns=["batch_dump", "diurnal_mimic"], cohorts=["olympiad_club"])
    generate(c, 600, 6, campaigns=["batch_dump", "diurnal_mimic"], cohorts=["olympiad_club"])
    assert _digest(a) == _digest(b)
    assert _digest(a) != _digest(c)
    assert {r["style"] for r in _rows(a / "truth.csv")} == {"batch_dump", "diurnal_mimic"}

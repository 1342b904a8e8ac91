"""Held-out split 4: files, columns, truth and confounder consistency, determinism, every style present."""

from __future__ import annotations

import csv
import gzip
import ipaddress
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from scenarios.heldout4 import CAMPAIGN_STYLES, COHORT_STYLES, generate

ACCOUNTS = 2000
SEED = 11
IP_TYPES = {"residential", "mobile", "hosting", "vpn", "proxy", "education", "corporate", "unknown"}
LABEL_ENTITIES = {"account", "ip", "instrument", "asn", "email_domain", "template"}


def _rows(path: Path) -> Iterator[dict[str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:
        if ".jsonl" in path.name:
            for line in fh:
                yield {k: str(v) for k, v in json.loads(line).items()}
        else:
            yield from csv.DictReader(fh)


def _kind(out: Path, kind: str) -> list[dict[str, str]]:
    files = sorted(p for p in out.iterdir() if p.name.startswith(kind))
    assert files, kind
    return [row for f in files for row in _rows(f)]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ho4") / "a"
    generate(path, ACCOUNTS, SEED)
    return path


def test_files_and_columns(out: Path) -> None:
    accounts = _kind(out, "accounts")
    assert len(accounts) == ACCOUNTS
    assert len({a["account_id"] for a in accounts}) == ACCOUNTS
    assert set(accounts[0]) == {"account_id", "created_at", "email_domain", "country", "plan", "org_id",
                                "signup_channel", "status"}  # fmt: skip
    ids = {a["account_id"] for a in accounts}
    links = _kind(out, "ip_links")
    assert {"account_id", "ip", "asn", "ip_type"} <= set(links[0])
    for link in links:
        ipaddress.ip_address(link["ip"])
        assert link["ip_type"] in IP_TYPES
        assert link["account_id"] in ids
    payments = _kind(out, "payment_links")
    for p in payments:
        assert not re.fullmatch(r"\d{13,19}", p["instrument_id"])
        assert p["account_id"] in ids
    requests = _kind(out, "requests")
    assert len(requests) > ACCOUNTS * 8
    assert {
        "account_id",
        "ts",
        "prompt",
        "ip",
        "model",
        "input_tokens",
        "output_tokens",
        "user_agent",
    } <= set(requests[0])
    assert len({r["model"] for r in requests}) >= 4
    labels = _kind(out, "labels")
    assert labels
    assert all(lb["entity"] in LABEL_ENTITIES for lb in labels)
    assert all(0 <= float(lb["confidence"]) <= 1 for lb in labels)


def test_truth_and_confounders(out: Path) -> None:
    ids = {a["account_id"] for a in _kind(out, "accounts")}
    truth = list(_rows(out / "truth.csv"))
    confounders = list(_rows(out / "confounders.csv"))
    assert set(truth[0]) == {"account_id", "campaign_id", "actor", "style"}
    assert set(confounders[0]) == {"account_id", "cohort"}
    truth_ids = {t["account_id"] for t in truth}
    conf_ids = {c["account_id"] for c in confounders}
    assert len(truth_ids) == len(truth)
    assert len(conf_ids) == len(confounders)
    assert truth_ids <= ids
    assert conf_ids <= ids
    assert not truth_ids & conf_ids
    assert {t["style"] for t in truth} == set(CAMPAIGN_STYLES)
    assert {c["cohort"] for c in confounders} == set(COHORT_STYLES)
    # one campaign id and one actor per style; an actor only when a label names it
    label_actors = {lb["actor"] for lb in _kind(out, "labels")}
    per_style: dict[str, set[tuple[str, str]]] = {}
    for t in truth:
        per_style.setdefault(t["style"], set()).add((t["campaign_id"], t["actor"]))
        assert t["actor"] == "" or t["actor"] in label_actors
    assert all(len(v) == 1 for v in per_style.values())
    assert any(actor for v in per_style.values() for _, actor in v)
    assert any(not actor for v in per_style.values() for _, actor in v)
    # campaigns are a small share of the platform each
    for style in CAMPAIGN_STYLES:
        n = sum(1 for t in truth if t["style"] == style)
        assert 0.003 * ACCOUNTS <= n <= 0.03 * ACCOUNTS, style
    # every planted account has traffic or at least a link
    active = {r["account_id"] for r in _kind(out, "requests")}
    assert truth_ids <= active


def test_deterministic(out: Path, tmp_path: Path) -> None:
    again = tmp_path / "b"
    generate(again, ACCOUNTS, SEED)
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(p.name for p in again.iterdir())
    for name in names:
        assert (out / name).read_bytes() == (again / name).read_bytes(), name


def test_subset_and_unknown(tmp_path: Path) -> None:
    generate(
        tmp_path / "s", 600, 3, campaigns=["phone_farm"], cohorts=["mobile_tutors"], requests_per_account=4
    )
    assert {t["style"] for t in _rows(tmp_path / "s" / "truth.csv")} == {"phone_farm"}
    assert {c["cohort"] for c in _rows(tmp_path / "s" / "confounders.csv")} == {"mobile_tutors"}
    with pytest.raises(ValueError, match="unknown"):
        generate(tmp_path / "x", 600, 3, campaigns=["no_such_style"])

"""The held-out-2 generator: deterministic, well-formed input-format-v1 output, sizes as asked."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from scenarios.heldout2 import CAMPAIGN_STYLES, COHORT_STYLES, generate, plan_sizes

REQUIRED = {
    kind: set(cols.split())
    for kind, cols in {
        "accounts": "account_id created_at email_domain country plan org_id signup_channel status",
        "ip_links": "account_id ip first_seen last_seen requests asn asn_org ip_type",
        "payment_links": "account_id instrument_id instrument_type bin issuer_country first_used",
        "requests": "account_id ts prompt ip model input_tokens output_tokens user_agent",
        "labels": "entity value actor confidence source note",
        "truth": "account_id campaign_id actor style",
        "confounders": "account_id cohort",
    }.items()
}
IP_TYPES = {"residential", "mobile", "hosting", "vpn", "proxy", "education", "corporate", "unknown"}


def read(path: Path) -> tuple[set[str], list[dict[str, Any]]]:
    """Column names and rows; CSV carries its header even when it has no rows."""
    name = path.name
    if name.endswith(".parquet"):
        table = pq.read_table(path)
        return set(table.column_names), list(table.to_pylist())
    raw = gzip.decompress(path.read_bytes()) if name.endswith(".gz") else path.read_bytes()
    content = raw.decode("utf-8")
    if ".jsonl" in name:
        rows = [json.loads(line) for line in content.splitlines() if line]
        return (set(rows[0]) if rows else set()), rows
    reader = csv.DictReader(io.StringIO(content, newline=""))
    rows = list(reader)
    return set(reader.fieldnames or ()), rows


def load(out: Path) -> dict[str, list[dict[str, Any]]]:
    tables: dict[str, list[dict[str, Any]]] = {k: [] for k in REQUIRED}
    for f in sorted(out.iterdir()):
        kind = next((k for k in sorted(REQUIRED, key=len, reverse=True) if f.name.startswith(k)), None)
        assert kind is not None, f"unexpected file {f.name}"
        header, rows = read(f)
        assert REQUIRED[kind] <= header, f"{f.name} lacks {REQUIRED[kind] - header}"
        tables[kind].extend(rows)
    return tables


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ho2") / "a"
    generate(out, 2000, 7)
    return out


def test_same_arguments_give_identical_bytes(scenario: Path, tmp_path: Path) -> None:
    again = tmp_path / "b"
    generate(again, 2000, 7)
    names = sorted(p.name for p in scenario.iterdir())
    assert names == sorted(p.name for p in again.iterdir())
    for n in names:
        assert (scenario / n).read_bytes() == (again / n).read_bytes(), n


def test_files_parse_and_reference_known_accounts(scenario: Path) -> None:
    t = load(scenario)
    ids = [a["account_id"] for a in t["accounts"]]
    assert len(ids) == 2000
    assert len(set(ids)) == 2000
    known = set(ids)
    for kind in ("ip_links", "payment_links", "requests", "truth", "confounders"):
        missing = {r["account_id"] for r in t[kind]} - known
        assert not missing, f"{kind} names unknown accounts"
    assert {r["style"] for r in t["truth"]} == set(CAMPAIGN_STYLES)
    assert {r["cohort"] for r in t["confounders"]} == set(COHORT_STYLES)
    assert not {r["account_id"] for r in t["truth"]} & {r["account_id"] for r in t["confounders"]}
    assert {r["ip_type"] for r in t["ip_links"]} <= IP_TYPES
    assert all(not re.fullmatch(r"\d{12,19}", r["instrument_id"]) for r in t["payment_links"])
    actors = {r["actor"] for r in t["truth"]}
    assert actors <= {r["actor"] for r in t["labels"]}, "every operator is named in some intelligence"
    assert len(t["requests"]) > 2000 * 5


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6])
def test_every_layout_parses(seed: int, tmp_path: Path) -> None:
    generate(tmp_path, 300, seed, campaigns=["edu_farm"], cohorts=["eval_team"], requests_per_account=4)
    t = load(tmp_path)
    assert len(t["accounts"]) == 300
    assert {r["style"] for r in t["truth"]} == {"edu_farm"}
    assert {r["cohort"] for r in t["confounders"]} == {"eval_team"}


def test_no_styles_is_plain_background(tmp_path: Path) -> None:
    generate(tmp_path, 400, 3, campaigns=[], cohorts=[], requests_per_account=4)
    t = load(tmp_path)
    assert len(t["accounts"]) == 400
    assert not t["truth"]
    assert not t["confounders"]


@pytest.mark.parametrize("accounts", [300, 2000, 5000, 20000])
def test_sizes_sum_to_accounts_and_keep_every_style(accounts: int) -> None:
    sizes = plan_sizes(accounts, CAMPAIGN_STYLES, COHORT_STYLES)
    assert sum(sizes.values()) == accounts
    assert all(sizes[s] >= 3 for s in (*CAMPAIGN_STYLES, *COHORT_STYLES))
    assert sizes["background"] >= accounts * 0.4


def test_unknown_style_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown campaign"):
        generate(tmp_path, 300, 1, campaigns=["nope"])

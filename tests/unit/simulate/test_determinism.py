"""Same seed, same bytes: every file of two runs hashes the same; another seed changes the data."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from scenarios.standard import simulate


def _hashes(path: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(path.iterdir())}


def test_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    kwargs = {
        "scenario": "standard",
        "accounts": 2500,
        "seed": 5,
        "requests_per_account": 3.0,
        "with_errors": True,
    }
    a = _hashes(simulate(tmp_path / "a", **kwargs).out)  # type: ignore[arg-type]
    b = _hashes(simulate(tmp_path / "b", **kwargs).out)  # type: ignore[arg-type]
    assert a == b
    assert {
        "accounts.csv",
        "ip_links.csv",
        "payment_links.csv",
        "requests.parquet",
        "labels.csv",
        "truth.csv",
        "confounders.csv",
        "prompt_truth.csv",
    } <= set(a)


def test_split_log_is_deterministic_too(tmp_path: Path) -> None:
    kwargs = {
        "scenario": "demo",
        "accounts": 800,
        "seed": 2,
        "requests_per_account": 2.0,
        "rows_per_file": 1000,
    }
    a = simulate(tmp_path / "a", **kwargs)  # type: ignore[arg-type]
    b = simulate(tmp_path / "b", **kwargs)  # type: ignore[arg-type]
    parts = sorted(p.name for p in a.out.glob("requests*.parquet"))
    assert len(parts) > 1
    assert parts[0] == "requests-0001.parquet"
    assert _hashes(a.out) == _hashes(b.out)


def test_another_seed_gives_other_data(tmp_path: Path) -> None:
    a = _hashes(simulate(tmp_path / "a", "demo", 800, seed=1, requests_per_account=2.0).out)
    b = _hashes(simulate(tmp_path / "b", "demo", 800, seed=2, requests_per_account=2.0).out)
    assert a["requests.parquet"] != b["requests.parquet"]
    assert a["truth.csv"] != b["truth.csv"]


def test_rerun_replaces_its_own_files_and_refuses_foreign_directories(tmp_path: Path) -> None:
    out = tmp_path / "run"
    big = simulate(out, "demo", 800, seed=1, requests_per_account=2.0, rows_per_file=1000, with_errors=True)
    assert len(list(out.glob("requests-*.parquet"))) > 1
    small = simulate(out, "demo", 800, seed=1, requests_per_account=2.0)
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == sorted(small.files)
    assert not list(out.glob("requests-*.parquet"))
    assert not list(out.glob("*_errors.csv"))
    assert big.files.keys() != small.files.keys()
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "accounts.csv").write_text("account_id\nacct_1\n")
    with pytest.raises(ValueError, match="not empty"):
        simulate(foreign, "demo", 800, seed=1, requests_per_account=2.0)
    assert (foreign / "accounts.csv").read_text() == "account_id\nacct_1\n"

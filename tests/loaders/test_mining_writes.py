"""Graph writes of mined request logs: split writers, the SQL skeleton path, and merging hourly buckets."""

from __future__ import annotations

from pathlib import Path

from neo4j import Driver

from app.platform.settings import Settings

from .conftest import counts, reset_state, run_load, snapshot
from .fixtures import AGENT_PROMPT, write_rows


def _requests_only(demo_dir: Path, target: Path) -> Path:
    target.mkdir()
    for p in demo_dir.glob("requests*"):
        (target / p.name).symlink_to(p)
    return target


def _wipe(driver: Driver, settings: Settings) -> None:
    driver.execute_query("MATCH (n) DETACH DELETE n")
    reset_state(settings)


def test_split_writers_write_the_same_graph_as_one(
    demo_dir: Path, tmp_path: Path, fresh: Driver, settings: Settings
) -> None:
    d = _requests_only(demo_dir, tmp_path / "requests")
    run_load(d, fresh, settings, writers=1, batch_size=200)
    one, one_counts = snapshot(fresh), counts(fresh)
    for rel in ("SENT", "USED_IP", "USED_MODEL"):
        assert one_counts[f"rel:{rel}"] > 0
    _wipe(fresh, settings)
    run_load(d, fresh, settings, writers=3, batch_size=200)
    assert counts(fresh) == one_counts
    assert snapshot(fresh) == one


def test_a_later_load_merges_overlapping_hour_buckets(
    tmp_path: Path, fresh: Driver, settings: Settings
) -> None:
    def rows(hours: list[int], prompt_n: int) -> list[dict[str, object]]:
        return [
            {
                "account_id": acc,
                "ts": f"2026-05-01T{h:02d}:{5 + k:02d}:00Z",
                "prompt": AGENT_PROMPT.format(a="fix bug", n=prompt_n + k),
                "model": "model-a",
                "input_tokens": 10,
                "output_tokens": 20,
            }
            for acc in ("acct001", "acct002")
            for k, h in enumerate(hours)
        ]

    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    write_rows(first / "requests.csv", rows([10, 12], 1))
    write_rows(second / "requests.csv", rows([12, 11, 12], 7))  # one new hour between, one repeated
    run_load(first, fresh, settings, writers=2)
    run_load(second, fresh, settings, writers=2)
    base = 1777593600 // 3600  # 2026-05-01T00:00Z in hours
    recs, _, _ = fresh.execute_query(
        "MATCH (a:Account)-[s:SENT]->(t:PromptTemplate) RETURN a.account_id AS a, s{.*} AS s, "
        "t.requests AS tr, t.accounts AS ta ORDER BY a"
    )
    assert [r["a"] for r in recs] == ["acct001", "acct002"]  # one template, one link per account
    for r in recs:
        s = r["s"]
        assert s["hours"] == [base + 10, base + 11, base + 12]
        assert s["hour_counts"] == [1, 1, 3]
        assert s["requests"] == 5
        assert s["input_tokens"] == 50
        assert s["first_seen"].to_native().hour == 10
        assert s["last_seen"].to_native().hour == 12
        assert r["tr"] == 10
        assert r["ta"] == 2

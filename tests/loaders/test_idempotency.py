"""Loading twice changes nothing; a second directory adds up; near-duplicates join earlier templates."""

from __future__ import annotations

from pathlib import Path

from neo4j import Driver

from app.platform.settings import Settings
from loaders.mining.normalise import skeleton, template_id

from .conftest import counts, run_load, snapshot
from .fixtures import RUBRIC_VARIANTS, ip_links, requests, write_dataset, write_rows


def test_loading_the_same_directory_twice_changes_nothing(
    tmp_path: Path, fresh: Driver, settings: Settings
) -> None:
    d = write_dataset(tmp_path / "d", "csv.gz")
    run_load(d, fresh, settings, batch_size=7)
    first, first_counts = snapshot(fresh), counts(fresh)
    report = run_load(d, fresh, settings, batch_size=7)
    assert {f.status for f in report.files} == {"already loaded"}
    assert counts(fresh) == first_counts
    assert snapshot(fresh) == first


def test_a_renamed_copy_is_recognised_by_content(tmp_path: Path, fresh: Driver, settings: Settings) -> None:
    d = write_dataset(tmp_path / "d", "jsonl")
    run_load(d, fresh, settings)
    first = snapshot(fresh)
    (d / "accounts.jsonl").rename(d / "accounts_copy.jsonl")
    run_load(d, fresh, settings)
    assert snapshot(fresh) == first


def test_a_second_directory_adds_counts_and_widens_times(
    tmp_path: Path, fresh: Driver, settings: Settings
) -> None:
    a = write_dataset(tmp_path / "a", "csv")
    b = tmp_path / "b"
    b.mkdir()
    later = requests(4, 3, day=3)  # the same accounts and templates, two days later
    write_rows(b / "requests.parquet", later)
    links = ip_links(4)
    for r in links:
        r.update(first_seen="2026-04-20T00:00:00Z", last_seen="2026-05-09T00:00:00Z", requests=10)
    write_rows(b / "ip_links.csv", links)
    run_load(a, fresh, settings)
    with fresh.session() as s:
        before = s.run(
            "MATCH (a:Account {account_id: 'acct001'})-[r:SENT]->() RETURN r{.*} AS r, a.requests AS n"
        ).single()
    run_load(b, fresh, settings)
    with fresh.session() as s:
        after = s.run(
            "MATCH (a:Account {account_id: 'acct001'})-[r:SENT]->(t) "
            "RETURN r{.*} AS r, a.requests AS n, t.requests AS tr, count(*) AS edges"
        ).single()
        ip = s.run(
            "MATCH (:Account {account_id: 'acct001'})-[r:USED_IP]->(:IP {address: '203.0.113.11'}) "
            "RETURN r{.*} AS r"
        ).single()["r"]
    assert after["edges"] == 1  # the same template, not a new one
    r0, r1 = before["r"], after["r"]
    assert r1["requests"] == r0["requests"] + 3
    assert after["n"] == before["n"] + 3
    assert r1["first_seen"] == r0["first_seen"]
    assert r1["last_seen"].to_native().day == 3
    day3 = 1777766400 // 3600  # 2026-05-03T00:00Z
    assert r1["hours"] == sorted(r1["hours"])
    assert r1["hours"][: len(r0["hours"])] == r0["hours"]
    assert r1["hours"][len(r0["hours"]) :] == [day3 + 10, day3 + 11, day3 + 12]
    assert sum(r1["hour_counts"]) == r1["requests"]
    assert ip["reported_requests"] == 13
    assert ip["requests"] == 13
    assert ip["first_seen"].to_native().isoformat() == "2026-04-20T00:00:00+00:00"
    assert ip["last_seen"].to_native().isoformat() == "2026-05-09T00:00:00+00:00"


def test_near_duplicates_in_a_later_load_join_the_existing_template(
    tmp_path: Path, fresh: Driver, settings: Settings
) -> None:
    def rows(variant: str, accounts: range, day: int) -> list[dict[str, object]]:
        return [
            {
                "account_id": f"u{i}",
                "ts": f"2026-05-{day:02d}T09:00:00Z",
                "prompt": variant.format(a=i, b=i * 2),
            }
            for i in accounts
        ]

    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    write_rows(first / "requests.csv", rows(RUBRIC_VARIANTS[0], range(3), 1))
    # Two new accounts with a paraphrase never seen before join the known template by near-duplication;
    # one account alone with a skeleton seen before joins it through the registry (too few for a new one).
    write_rows(
        second / "requests.jsonl",
        rows(RUBRIC_VARIANTS[2], range(7, 9), 2) + rows(RUBRIC_VARIANTS[0], range(9, 10), 2),
    )
    run_load(first, fresh, settings)
    run_load(second, fresh, settings)
    with fresh.session() as s:
        got = s.run(
            "MATCH (a:Account)-[:SENT]->(t:PromptTemplate) RETURN t.template_id AS t, count(a) AS n"
        ).data()
    canonical = skeleton(RUBRIC_VARIANTS[0].format(a=0, b=0))
    assert got == [{"t": template_id(canonical), "n": 6}]

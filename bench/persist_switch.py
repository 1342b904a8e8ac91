"""The atomic switch at scale: identity matching + memberships + lineage + attribution in one transaction.

Starts its own throw-away Neo4j (temporary home, free port), creates `--accounts` accounts with IPs,
prefixes, cards and templates, and persists hand-built results through `run_detection` (the finder is
replaced, so only persistence is measured):

  run 1: every campaign new;   run 2: 5% of members churned (ids kept);   run 3: same as run 2.

Baseline, measured in the same run on the same rows: the naive write-back a user without identity
tracking would do -- one transaction deleting every membership and re-creating it (no matching, lineage,
history, attribution).

    .venv/bin/python bench/persist_switch.py --accounts 200000 --member-share 0.1 --campaigns 40 --repeats 3
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import time
from typing import Any

from app.detection.algorithms.model import CandidateCampaign, DetectionResult
from app.detection.algorithms.params import DetectionParams
from app.jobs.runner import run_detection
from app.platform.driver import sync_driver
from app.platform.neo4j_server.throwaway import throwaway_neo4j
from app.platform.settings import Settings, get_settings


def _populate(settings: Settings, accounts: int) -> None:
    from app.platform.schema import apply_schema

    with sync_driver(settings) as drv:
        apply_schema(drv, settings.neo4j_database)
        for start in range(0, accounts, 20_000):
            rows = [
                {
                    "id": f"acct_{i:07d}",
                    "ip": f"10.{i // 65536 % 256}.{i // 256 % 256}.{i % 256 // 5}",
                    "prefix": f"10.{i // 65536 % 256}.{i // 256 % 256}.0/24",
                    "card": f"card-{i // 7:07d}",
                    "template": f"t_{i // 500:016d}",
                }
                for i in range(start, min(accounts, start + 20_000))
            ]
            drv.execute_query(
                """
                UNWIND $rows AS row
                CREATE (a:Account {account_id: row.id})
                MERGE (ip:IP {address: row.ip})
                MERGE (p:Prefix {cidr: row.prefix})
                MERGE (ip)-[:IN_PREFIX]->(p)
                MERGE (pi:PaymentInstrument {instrument_key: row.card})
                MERGE (t:PromptTemplate {template_id: row.template})
                CREATE (a)-[:USED_IP]->(ip), (a)-[:PAID_WITH]->(pi), (a)-[:SENT]->(t)
                """,
                rows=rows,
            )
        # A few labels so attribution has real paths to walk.
        drv.execute_query(
            "MERGE (x:Actor {actor_id: 'bench-actor', name: 'Bench Actor'}) WITH x "
            "MATCH (pi:PaymentInstrument) WHERE pi.instrument_key ENDS WITH '00' "
            "MERGE (pi)-[:LABELLED_AS {confidence: 0.9}]->(x)"
        )


def _result(groups: list[list[str]]) -> DetectionResult:
    return DetectionResult(
        campaigns=[
            CandidateCampaign(members=dict.fromkeys(g, 0.9), score=0.8, features={"volume": 1.0})
            for g in groups
        ],
        params={"bench": True},
        timings={},
        graph={},
    )


def _groups(accounts: int, member_share: float, campaigns: int, rng: random.Random) -> list[list[str]]:
    members = rng.sample(range(accounts), int(accounts * member_share))
    size = len(members) // campaigns
    return [[f"acct_{i:07d}" for i in members[k * size : (k + 1) * size]] for k in range(campaigns)]


def _churn(groups: list[list[str]], accounts: int, share: float, rng: random.Random) -> list[list[str]]:
    out = []
    for g in groups:
        keep = g[int(len(g) * share) :]
        fresh = [f"acct_{rng.randrange(accounts):07d}" for _ in range(len(g) - len(keep))]
        out.append(sorted(set(keep) | set(fresh)))
    return out


def _naive_rewrite(settings: Settings, ids: list[str], groups: list[list[str]]) -> float:
    rows = [{"a": a, "c": cid} for cid, g in zip(ids, groups, strict=True) for a in g]
    with sync_driver(settings) as drv, drv.session() as s:
        t = time.perf_counter()
        with s.begin_transaction() as tx:
            tx.run("MATCH ()-[m:IN_CAMPAIGN]->() DELETE m").consume()
            for i in range(0, len(rows), 10_000):
                tx.run(
                    "UNWIND $rows AS r MATCH (a:Account {account_id: r.a}), (c:Campaign {campaign_id: r.c}) "
                    "CREATE (a)-[:IN_CAMPAIGN {membership: 0.9}]->(c)",
                    rows=rows[i : i + 10_000],
                ).consume()
            tx.commit()
        return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--accounts", type=int, default=200_000)
    ap.add_argument("--member-share", type=float, default=0.1)
    ap.add_argument("--campaigns", type=int, default=40)
    ap.add_argument("--churn", type=float, default=0.05)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--heap", default="2g")
    args = ap.parse_args()

    with throwaway_neo4j(heap=args.heap, pagecache="1g", prefix="lw-bench-persist-") as neo4j:
        os.environ.update(neo4j.env())
        get_settings.cache_clear()
        settings = get_settings()
        t = time.perf_counter()
        _populate(settings, args.accounts)
        print(f"populated {args.accounts} accounts in {time.perf_counter() - t:.1f}s")
        rng = random.Random(7)
        figures: dict[str, list[float]] = {}
        naive: list[float] = []
        members = 0
        for rep in range(args.repeats):
            with sync_driver(settings) as drv:
                drv.execute_query("MATCH (n) WHERE n:Campaign OR n:DetectionRun DETACH DELETE n")
            base = _groups(args.accounts, args.member_share, args.campaigns, rng)
            churned = _churn(base, args.accounts, args.churn, rng)
            members = sum(map(len, base))
            summaries: list[Any] = []
            for name, groups in (("new", base), ("churn", churned), ("same", churned)):
                res = _result(groups)
                s = run_detection(settings, finder=lambda *_a, r=res: r, params=DetectionParams())
                summaries.append(s)
                if name == "new":
                    # An analyst attribution, so the next runs also look for infrastructure reuse.
                    with sync_driver(settings) as drv:
                        drv.execute_query(
                            "MATCH (c:Campaign) WITH c ORDER BY c.campaign_id LIMIT 1 "
                            "MATCH (x:Actor {actor_id: 'bench-actor'}) "
                            "MERGE (c)-[:ATTRIBUTED_TO {source: 'analyst', status: 'confirmed', "
                            "confidence: 0.9}]->(x)"
                        )
                figures.setdefault(f"{name}: persist", []).append(s.timings["persist"])
                figures.setdefault(f"{name}: attribution", []).append(s.timings["attribution"])
                figures.setdefault(f"{name}: run total", []).append(s.timings["total"])
            assert summaries[1].continued == args.campaigns, summaries[1]
            assert summaries[2].new == 0
            with sync_driver(settings) as drv:
                records, _, _ = drv.execute_query(
                    "MATCH (c:Campaign {active: true}) RETURN c.campaign_id AS id ORDER BY id"
                )
            ids = [r["id"] for r in records]
            naive.append(_naive_rewrite(settings, ids, churned[: len(ids)]))
            print(f"repeat {rep + 1}: " + ", ".join(f"{k}={v[-1]:.2f}s" for k, v in figures.items()))
        print(f"\naccounts={args.accounts} campaigns={args.campaigns} memberships={members}")
        for k, v in figures.items():
            print(f"{k:24s} median {statistics.median(v):7.2f}s  ({min(v):.2f}-{max(v):.2f})")
        med_naive = statistics.median(naive)
        print(f"{'baseline naive rewrite':24s} median {med_naive:7.2f}s")
        for name in ("new", "churn", "same"):
            ratio = statistics.median(figures[f"{name}: persist"]) / med_naive
            print(f"ratio persist/baseline ({name}): {ratio:.2f}")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"python peak RSS {peak:.0f} MiB; neo4j heap {args.heap}")


if __name__ == "__main__":
    main()

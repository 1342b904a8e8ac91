"""Ceiling for load throughput: Neo4j's offline bulk importer (`neo4j-admin database import full`).

Turns the same `accounts`, `ip_links` and `payment_links` files `bench/load_bench.py` loads into the
importer's CSV files (the same nodes, relationships and properties as `linkwatch load` writes, see
docs/data-model.md), then runs the importer from the launcher's own jars (Neo4j 5.26, the same build as
the server) into a scratch store. It writes a new store offline — no transactions, no MERGE, no checks
against an existing graph, no row validation or rejects — so it bounds what any transactional loader
can reach on this machine. `linkwatch load DIR --bulk` is the product's way to use the same importer for
a first load of an empty store, with validation and rejects (`bench/load_bench.py --bulk`).

    .venv/bin/python bench/import_ceiling.py --accounts 50000
    .venv/bin/python bench/import_ceiling.py --data /path/to/scenario
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import tempfile
import time
from pathlib import Path

import duckdb
import psutil
import pyarrow as pa

from app.runtime import launcher_build
from loaders.fields import instrument_key
from loaders.ipinfo import try_canonical_ip

KEY = b"bench-key"
# (file, header, SELECT) per node label / relationship type; the SELECT gives the header's columns.
NODES: dict[str, tuple[str, str]] = {
    "Account": (
        "account_id:ID(Account),created_at:datetime,email_domain,country,plan,org_id,signup_channel,status",
        """SELECT k.account_id, strftime(a.created_at, '%Y-%m-%dT%H:%M:%SZ'), a.email_domain, a.country,
                  a.plan, a.org_id, a.signup_channel, a.status
           FROM (SELECT account_id FROM acc UNION SELECT account_id FROM ipl
                 UNION SELECT account_id FROM pay) k LEFT JOIN acc a USING (account_id)""",
    ),
    "EmailDomain": (
        "domain:ID(EmailDomain)",
        "SELECT DISTINCT email_domain FROM acc WHERE email_domain IS NOT NULL",
    ),
    "Org": ("org_id:ID(Org)", "SELECT DISTINCT org_id FROM acc WHERE org_id IS NOT NULL"),
    "IP": (
        "address:ID(IP),version:int,ip_type,asn:long",
        """SELECT address, any_value(version), arg_max(ip_type, line) FILTER (ip_type IS NOT NULL),
                  arg_max(asn, line) FILTER (asn IS NOT NULL) FROM ipl GROUP BY address""",
    ),
    "Prefix": ("cidr:ID(Prefix),version:int", "SELECT DISTINCT prefix, version FROM ipl"),
    "ASN": (
        "asn:ID(ASN){id-type:long},org",
        "SELECT asn, arg_max(asn_org, line) FILTER (asn_org IS NOT NULL) FROM ipl "
        "WHERE asn IS NOT NULL GROUP BY asn",
    ),
    "PaymentInstrument": (
        "instrument_key:ID(PaymentInstrument),instrument_type,bin,issuer_country",
        """SELECT instrument_key, arg_max(instrument_type, line) FILTER (instrument_type IS NOT NULL),
                  arg_max(bin, line) FILTER (bin IS NOT NULL),
                  arg_max(issuer_country, line) FILTER (issuer_country IS NOT NULL)
           FROM pay GROUP BY instrument_key""",
    ),
}
RELS: dict[str, tuple[str, str]] = {
    "HAS_EMAIL_DOMAIN": (
        ":START_ID(Account),:END_ID(EmailDomain)",
        "SELECT account_id, email_domain FROM acc WHERE email_domain IS NOT NULL",
    ),
    "IN_ORG": (
        ":START_ID(Account),:END_ID(Org)",
        "SELECT account_id, org_id FROM acc WHERE org_id IS NOT NULL",
    ),
    "IN_PREFIX": (":START_ID(IP),:END_ID(Prefix)", "SELECT DISTINCT address, prefix FROM ipl"),
    "IN_ASN": (
        ":START_ID(IP),:END_ID(ASN)",
        "SELECT address, arg_max(asn, line) FROM ipl WHERE asn IS NOT NULL GROUP BY address",
    ),
    "USED_IP": (
        ":START_ID(Account),:END_ID(IP),reported_requests:long,requests:long,"
        "first_seen:datetime,last_seen:datetime",
        """SELECT account_id, address, sum(coalesce(requests, 0)), sum(coalesce(requests, 0)),
                  strftime(min(first_seen), '%Y-%m-%dT%H:%M:%SZ'),
                  strftime(max(last_seen), '%Y-%m-%dT%H:%M:%SZ')
           FROM ipl GROUP BY account_id, address""",
    ),
    "PAID_WITH": (
        ":START_ID(Account),:END_ID(PaymentInstrument),first_used:datetime",
        """SELECT account_id, instrument_key, strftime(min(first_used), '%Y-%m-%dT%H:%M:%SZ')
           FROM pay GROUP BY account_id, instrument_key""",
    ),
}


def _one(directory: Path, kind: str) -> str:
    files = sorted(p for p in directory.iterdir() if p.name.startswith(kind) and p.name.endswith(".csv"))
    if len(files) != 1:
        raise SystemExit(f"need exactly one {kind}*.csv in {directory}")
    return str(files[0])


def prepare(directory: Path, out: Path) -> list[str]:
    """Writes the importer's CSV files; returns the importer's --nodes/--relationships arguments."""
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    con.execute(
        """CREATE TABLE acc AS SELECT account_id, TRY_CAST(created_at AS TIMESTAMPTZ) AS created_at,
                  lower(email_domain) AS email_domain, upper(country) AS country, plan, org_id,
                  signup_channel, status
           FROM read_csv(?, all_varchar = true)""",
        [_one(directory, "accounts")],
    )
    con.execute(
        """CREATE TABLE ipl_raw AS SELECT row_number() OVER () AS line, account_id, ip,
                  TRY_CAST(first_seen AS TIMESTAMPTZ) AS first_seen,
                  TRY_CAST(last_seen AS TIMESTAMPTZ) AS last_seen, TRY_CAST(requests AS BIGINT) AS requests,
                  TRY_CAST(regexp_replace(trim(asn), '^[Aa][Ss] *', '') AS BIGINT) AS asn, asn_org,
                  lower(ip_type) AS ip_type
           FROM read_csv(?, all_varchar = true)""",
        [_one(directory, "ip_links")],
    )
    # The loader's own canonical form (v4-mapped v6, zero compression) and prefixes, once per distinct text.
    infos = {
        str(r[0]): try_canonical_ip(str(r[0]))
        for r in con.execute("SELECT DISTINCT ip FROM ipl_raw").fetchall()
    }
    good = {raw: i for raw, i in infos.items() if i is not None}
    ipmap = pa.table(
        {
            "ip": list(good),
            "address": [i.address for i in good.values()],
            "version": [i.version for i in good.values()],
            "prefix": [i.prefix for i in good.values()],
        }
    )
    con.register("ipmap", ipmap)
    con.execute(
        "CREATE TABLE ipl AS SELECT r.*, m.address, m.version, m.prefix "
        "FROM ipl_raw r JOIN ipmap m USING (ip)"
    )
    con.execute(
        """CREATE TABLE pay_raw AS SELECT row_number() OVER () AS line, account_id, instrument_id,
                  lower(instrument_type) AS instrument_type, bin, upper(issuer_country) AS issuer_country,
                  TRY_CAST(first_used AS TIMESTAMPTZ) AS first_used
           FROM read_csv(?, all_varchar = true)""",
        [_one(directory, "payment_links")],
    )
    tokens = [str(r[0]) for r in con.execute("SELECT DISTINCT instrument_id FROM pay_raw").fetchall()]
    keys = pa.table({"instrument_id": tokens, "instrument_key": [instrument_key(t, KEY) for t in tokens]})
    con.register("keys", keys)
    con.execute(
        "CREATE TABLE pay AS SELECT p.* EXCLUDE (instrument_id), k.instrument_key "
        "FROM pay_raw p JOIN keys k USING (instrument_id)"
    )
    args = []
    for flag, specs in (("--nodes", NODES), ("--relationships", RELS)):
        for name, (header, sql) in specs.items():
            head, body = out / f"{name}-header.csv", out / f"{name}.csv"
            head.write_text(header + "\n")
            con.execute(f"COPY ({sql}) TO '{body}' (HEADER false)")  # our own fixed SQL and temp paths
            args.append(f"{flag}={name}={head},{body}")
    con.close()
    return args


def run_import(args: list[str], home: Path, heap: str) -> tuple[float, float, int, int]:
    """Runs the importer; returns (seconds, CPU seconds, nodes, relationships)."""
    (home / "conf").mkdir(parents=True, exist_ok=True)
    (home / "conf" / "neo4j.conf").write_text("")
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    lib = launcher_build.target() / "lib"
    cmd = ["java", f"-Xmx{heap}", "-cp", f"{lib}/*", "org.neo4j.cli.AdminTool", "database", "import", "full",
           "--overwrite-destination", "--threads=2", f"--report-file={home / 'import.report'}", *args,
           "--", "neo4j"]  # fmt: skip
    t0 = time.perf_counter()
    proc = psutil.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output, _ = proc.communicate()
    took = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(output[-3000:])
    cpu = sum(os.times()[2:4])  # children's user + system
    found = re.search(r"Imported:\s+(\d+) nodes\s+(\d+) relationships", output)
    if found is None:
        raise SystemExit("importer summary not found:\n" + output[-3000:])
    nodes, rels = int(found.group(1)), int(found.group(2))
    return took, cpu, nodes, rels


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, help="A scenario directory (default: generate one).")
    ap.add_argument("--accounts", type=int, default=200_000, help="Accounts to generate without --data.")
    ap.add_argument("--heap", default="2g")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="lw-import-ceiling-") as tmp:
        data = args.data
        if data is None:
            from loaders.simulate import simulate

            data = Path(tmp) / "scenario"
            simulate(data, "standard", accounts=args.accounts, seed=3, requests_per_account=0.05)
        csvs = Path(tmp) / "csv"
        csvs.mkdir()
        t0 = time.perf_counter()
        import_args = prepare(data, csvs)
        prep = time.perf_counter() - t0
        took, cpu, nodes, rels = run_import(import_args, Path(tmp) / "neo4j", args.heap)
    print(f"data: {data} (accounts, ip_links, payment_links)")
    print(f"nodes {nodes:,}  relationships {rels:,}")
    print(f"CSV preparation (DuckDB): {prep:.1f} s")
    print(f"neo4j-admin database import full: {took:.1f} s wall (JVM start included), {cpu:.1f} CPU s, "
          f"{rels / took:,.0f} relationships/s; "
          f"with preparation {rels / (took + prep):,.0f} relationships/s")  # fmt: skip


if __name__ == "__main__":
    main()

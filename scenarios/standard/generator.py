"""`simulate()`: builds the world, plants campaigns and writes input format v1 plus ground truth."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from scenarios.standard import catalog as cat
from scenarios.standard.background import World, add_background
from scenarios.standard.campaigns import Plant, plant_all
from scenarios.standard.faults import write_faults
from scenarios.standard.labels import LABEL_HEADER, known_actors, labels_for
from scenarios.standard.output import CsvOut, ParquetParts, write_csv
from scenarios.standard.population import CONFOUNDER_KINDS, Population
from scenarios.standard.prompt_families import ALL_FAMILIES
from scenarios.standard.rendering import render_templates
from scenarios.standard.scenarios import SCENARIOS
from scenarios.standard.timeline import DAY, MODELS, START, iso, iso_one
from scenarios.standard.traffic import REQUEST_SCHEMA, CampaignTable, Lookup, block

# Independent random streams per concern, so changing one part does not reshuffle the others.
_STREAM_WORLD, _STREAM_ORDER, _STREAM_LABELS, _STREAM_PROMPTS, _STREAM_BLOCKS = 1, 2, 3, 4, 1000
PROMPTS_PER_FAMILY = 8
MARKER = ".simulated"  # lists the files of the last run, so a rerun can replace them
ROWS_PER_BLOCK = 150_000


@dataclass
class Summary:
    out: Path
    scenario: str
    accounts: int
    files: dict[str, int] = field(default_factory=dict)  # file name -> data rows
    campaigns: dict[str, int] = field(default_factory=dict)  # campaign id -> accounts
    seconds: float = 0.0


def simulate(
    out: Path,
    scenario: str = "demo",
    accounts: int | None = None,
    seed: int = 7,
    requests_per_account: float = 25.0,
    with_errors: bool = False,
    rows_per_file: int = 10_000_000,
    progress: Callable[[int, int], None] | None = None,
) -> Summary:
    """Write a scenario to `out`. The same arguments always give byte-identical files."""
    t0 = time.perf_counter()
    if scenario not in SCENARIOS:
        raise ValueError(f"unknown scenario {scenario!r}; choose from {', '.join(SCENARIOS)}")
    sc = SCENARIOS[scenario]
    n = accounts if accounts is not None else sc.default_accounts
    planted = sum(spec.size(n) for spec in sc.campaigns)
    if n < 2 * planted:
        raise ValueError(
            f"{n} accounts is too few for scenario {scenario!r} (campaigns alone need {planted})"
        )
    if requests_per_account <= 0:
        raise ValueError("requests per account must be positive")
    _prepare(out)

    w = World(np.random.default_rng([seed, _STREAM_WORLD]), sc, n, requests_per_account)
    add_background(w, n - planted)
    plants = plant_all(w)
    pop, remap = w.pop.finish(np.random.default_rng([seed, _STREAM_ORDER]))
    for p in plants:
        p.accounts = np.sort(remap[p.accounts])

    summary = Summary(out, scenario, pop.n)
    summary.files["accounts.csv"] = _accounts(out, pop)
    summary.files["payment_links.csv"] = _payments(out, pop, w)
    summary.files.update(_requests_and_ips(out, pop, w, plants, seed, rows_per_file, progress))
    tokens = w.pop.instruments.token
    labels = labels_for(
        plants, pop, w.ips, tokens, int(w.vpn_exits[0]), np.random.default_rng([seed, _STREAM_LABELS])
    )
    summary.files["labels.csv"] = write_csv(
        out / "labels.csv", LABEL_HEADER, *zip(*(lb.row() for lb in labels), strict=True)
    )
    summary.files["truth.csv"] = _truth(out, pop, plants)
    summary.files["truth_campaigns.csv"] = _campaigns(out, plants)
    summary.files["confounders.csv"] = _confounders(out, pop, w.ips.addresses)
    summary.files["prompt_truth.csv"] = _prompt_truth(out, w, np.random.default_rng([seed, _STREAM_PROMPTS]))
    if with_errors:
        summary.files.update(write_faults(out, str(pop.account_ids[0]), str(pop.account_ids[1])))
    summary.campaigns = {p.spec.campaign_id: len(p.accounts) for p in plants}
    (out / MARKER).write_text("".join(f"{name}\n" for name in sorted(summary.files)), encoding="utf-8")
    summary.seconds = time.perf_counter() - t0
    return summary


def _prepare(out: Path) -> None:
    """Clear the files of an earlier generated scenario; never touch a directory of other data
    (a stale `requests-0004.parquet` from a bigger run would silently join the new log)."""
    out.mkdir(parents=True, exist_ok=True)
    marker = out / MARKER
    if marker.exists():
        for name in marker.read_text(encoding="utf-8").split():
            (out / Path(name).name).unlink(missing_ok=True)
        marker.unlink()
    elif any(out.iterdir()):
        raise ValueError(
            f"{out} is not empty and was not written by the generator; choose an empty directory"
        )


def _accounts(out: Path, pop: Population) -> int:
    c = pop.cols
    return write_csv(
        out / "accounts.csv",
        ("account_id", "created_at", "email_domain", "country", "plan", "org_id", "signup_channel", "status"),
        pop.account_ids.tolist(),
        iso(c["created"]).tolist(),
        c["email"],
        c["country"],
        c["plan"],
        c["org_id"],
        c["channel"],
        c["status"],
    )


def _payments(out: Path, pop: Population, w: World) -> int:
    inst = w.pop.instruments
    i = pop.pay_instrument.tolist()
    return write_csv(
        out / "payment_links.csv",
        ("account_id", "instrument_id", "instrument_type", "bin", "issuer_country", "first_used"),
        pop.account_ids[pop.pay_account].tolist(),
        [inst.token[k] for k in i],
        [inst.type[k] for k in i],
        [inst.bin[k] for k in i],
        [inst.issuer_country[k] for k in i],
        iso(pop.pay_first_used).tolist(),
    )


def _requests_and_ips(
    out: Path,
    pop: Population,
    w: World,
    plants: list[Plant],
    seed: int,
    rows_per_file: int,
    progress: Callable[[int, int], None] | None,
) -> dict[str, int]:
    c = pop.cols
    per_account = c["n_org"].astype(np.int64) + c["n_ex"]
    total = int(per_account.sum())
    look = Lookup(
        account_ids=pa.array(pop.account_ids.tolist(), type=pa.string()),
        ips=pa.array(w.ips.addresses, type=pa.string()),
        user_agents=pa.array(cat.ALL_UAS, type=pa.string()),
        models=pa.array([m.name for m in MODELS], type=pa.string()),
        org_names=pa.array([g.name for g in w.companies] + [""], type=pa.string()),
        company_families=np.array([g.families for g in w.companies] or [[0, 0, 0]], dtype=np.int64),
    )
    ct = CampaignTable.of(plants)
    asn = np.array(w.ips.asn, dtype=np.int64)
    asn_org = np.array(w.ips.asn_org, dtype=object)
    ip_type = np.array(w.ips.ip_type, dtype=object)
    addresses = np.array(w.ips.addresses, dtype=object)
    # Block boundaries depend only on the data, so the same inputs give the same blocks and bytes.
    cum = np.cumsum(per_account)
    parts = ParquetParts(out, "requests", REQUEST_SCHEMA, total, rows_per_file)
    with CsvOut(
        out / "ip_links.csv",
        ("account_id", "ip", "first_seen", "last_seen", "requests", "asn", "asn_org", "ip_type"),
    ) as links:
        lo, b = 0, 0
        while lo < pop.n:
            target = (cum[lo - 1] if lo else 0) + ROWS_PER_BLOCK
            hi = int(np.searchsorted(cum, target, side="right"))
            hi = min(pop.n, max(hi, lo + 1))
            blk = block(pop, lo, hi, np.random.default_rng([seed, _STREAM_BLOCKS + b]), ct, look)
            parts.write(blk.table)
            ip = blk.link_ip
            links.columns(
                pop.account_ids[blk.link_account].tolist(),
                addresses[ip],
                iso(blk.link_first).tolist(),
                iso(blk.link_last).tolist(),
                blk.link_requests.tolist(),
                asn[ip].tolist(),
                asn_org[ip],
                ip_type[ip],
            )
            if progress is not None:
                progress(parts.rows, total)
            lo, b = hi, b + 1
    parts.close()
    files = {p.name: rows for p, rows in zip(parts.files, parts.rows_in, strict=True)}
    files["ip_links.csv"] = links.rows
    return files


def _truth(out: Path, pop: Population, plants: list[Plant]) -> int:
    named = known_actors(plants)
    ids: list[str] = []
    camp: list[str] = []
    actor: list[str] = []
    for p in plants:
        a = p.spec.actor if p.spec.actor in named else ""
        ids.extend(pop.account_ids[p.accounts].tolist())
        camp.extend([p.spec.campaign_id] * len(p.accounts))
        actor.extend([a or ""] * len(p.accounts))
    return write_csv(out / "truth.csv", ("account_id", "campaign_id", "actor"), ids, camp, actor)


def _campaigns(out: Path, plants: list[Plant]) -> int:
    """One row per planted campaign, so scores can be broken down by craft and capability."""
    named = known_actors(plants)
    rows = [
        (
            p.spec.campaign_id,
            p.spec.craft,
            p.spec.capability,
            len(p.accounts),
            p.spec.actor if p.spec.actor in named else "",
            "yes" if p.spec.labelled else "no",
            p.spec.shifts,
            iso_one(START + p.spec.first_day * DAY),
            iso_one(START + p.spec.last_day * DAY),
        )
        for p in plants
    ]
    header = ("campaign_id", "craft", "capability", "accounts", "actor", "labelled", "shifts", "start", "end")
    return write_csv(out / "truth_campaigns.csv", header, *zip(*rows, strict=True))


def _confounders(out: Path, pop: Population, addresses: list[str]) -> int:
    """One row per (account, benign cluster): the kind and the cluster's own key (org, campus domain,
    shared address), so a scorer can count flagged accounts per cluster."""
    c = pop.cols
    addr = np.array([*addresses, ""], dtype=object)  # index -1 reads the ""
    accts: list[npt.NDArray[np.int64]] = []
    order: list[npt.NDArray[np.int64]] = []
    kinds: list[npt.NDArray[Any]] = []
    clusters: list[npt.NDArray[Any]] = []
    for rank, (bit, name) in enumerate(CONFOUNDER_KINDS):
        sel = np.flatnonzero(c["flags"] & bit)
        accts.append(sel)
        order.append(np.full(len(sel), rank))
        kinds.append(np.full(len(sel), name, dtype=object))
        clusters.append(_cluster_keys(name, sel, c, addr))
    a, r = np.concatenate(accts), np.concatenate(order)
    o = np.lexsort((r, a))
    return write_csv(
        out / "confounders.csv",
        ("account_id", "kind", "cluster"),
        pop.account_ids[a[o]].tolist(),
        np.concatenate(kinds)[o],
        np.concatenate(clusters)[o],
    )


def _cluster_keys(
    kind: str, sel: npt.NDArray[np.int64], c: dict[str, npt.NDArray[Any]], addr: npt.NDArray[Any]
) -> npt.NDArray[Any]:
    if kind in ("corporate", "api_product"):
        return c["org_id"][sel]
    if kind == "university":
        return c["email"][sel]
    if kind in ("household", "carrier_nat", "vpn"):
        # A household shares its home address; phone and VPN users the NAT or exit address.
        shared: npt.NDArray[Any] = addr[c["ip1" if kind == "household" else "ip2"][sel]]
        return shared
    return np.full(len(sel), "viral", dtype=object)


def _prompt_truth(out: Path, w: World, rng: np.random.Generator) -> int:
    """Concrete prompts per template family, spread over its paraphrases, for grouping/tagging accuracy."""
    fams: list[int] = []
    variants: list[int] = []
    for f, fam in enumerate(ALL_FAMILIES):
        k = PROMPTS_PER_FAMILY
        # Spread over paraphrases: the first sample is variant 0, the rest step through the others.
        v = [(i * 7919) % fam.variants for i in range(k)]
        fams.extend([f] * k)
        variants.extend(v)
    org_name = w.companies[0].name if w.companies else "Northwind Analytics"
    org = pa.array([org_name] * len(fams), type=pa.string())
    text = render_templates(np.array(fams, dtype=np.int32), np.array(variants, dtype=np.int32), rng, org)
    return write_csv(
        out / "prompt_truth.csv",
        ("family_id", "capability", "prompt"),
        [ALL_FAMILIES[f].family_id for f in fams],
        [ALL_FAMILIES[f].capability for f in fams],
        text.to_pylist(),
    )

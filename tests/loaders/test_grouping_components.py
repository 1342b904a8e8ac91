"""Near-duplicate components: the batched search gives exactly what comparing every bucket pair gives.

The reference below is `group()` as first written (every pair of every LSH bucket compared, one union per
close pair); the production code must return the very same `Grouping`, dict order included.

No database, but not in tests/unit: the reference comparisons take over a minute of CPU on their own.
"""

from __future__ import annotations

import csv
import hashlib
import random
from collections.abc import Iterable, Iterator
from pathlib import Path

import duckdb
import numpy as np
import numpy.typing as npt
import pytest
from datasketch import MinHashLSH

from app.detection.algorithms.union_find import UnionFind
from loaders.mining import linking, near_dups
from loaders.mining.capability import tag
from loaders.mining.grouping import Grouping, KnownTemplate, NewTemplate, Skeleton, group
from loaders.mining.normalise import skeleton, skeleton_key, template_id, template_text
from loaders.mining.signatures import bands, min_matches, signatures
from loaders.settings import LoadSettings

Sigs = npt.NDArray[np.uint64]


def _reference_buckets(sigs: Sigs, threshold: float) -> Iterator[npt.NDArray[np.intp]]:
    lsh = MinHashLSH(threshold=threshold, num_perm=sigs.shape[1])
    for band in range(lsh.b):
        part = np.ascontiguousarray(sigs[:, band * lsh.r : (band + 1) * lsh.r])
        _, inverse, counts = np.unique(part, axis=0, return_inverse=True, return_counts=True)
        inverse = inverse.reshape(-1)
        shared = np.flatnonzero(counts[inverse] > 1)
        if not shared.size:
            continue
        order = shared[np.argsort(inverse[shared], kind="stable")]
        yield from np.split(order, np.flatnonzero(np.diff(inverse[order])) + 1)


def _signed(sigs: Sigs) -> duckdb.DuckDBPyConnection:
    """An in-memory database holding `sigs` as mining stores them, a few chunks at a time."""
    con = duckdb.connect()
    starts = range(0, len(sigs), 97)
    near_dups.store_signatures(
        con,
        ((np.arange(s, min(s + 97, len(sigs)), dtype=np.int32), sigs[s : s + 97]) for s in starts),
        sigs.shape[1],
    )
    return con


def _buckets(sigs: Sigs, threshold: float) -> Iterator[npt.NDArray[np.intp]]:
    with _signed(sigs) as con:
        for band in range(bands(threshold, sigs.shape[1])[0]):
            yield from near_dups.bucket_lists(con, band, threshold, len(sigs))


def _components(sigs: Sigs, nskels: int, threshold: float) -> list[list[int]]:
    with _signed(sigs) as con:
        near_dups.link_items(con, len(sigs), nskels, threshold, sigs.shape[1])
        rows = con.execute(
            "SELECT list(row ORDER BY row) FROM g_labels GROUP BY comp ORDER BY comp"
        ).fetchall()
    return [list(r[0]) for r in rows]


def _reference_components(sigs: Sigs, nskels: int, threshold: float) -> list[list[int]]:
    uf = UnionFind(range(len(sigs)))
    for bucket in _reference_buckets(sigs, threshold):
        for pos, i in enumerate(bucket[:-1]):
            others = bucket[pos + 1 :]
            if i >= nskels:
                others = others[others < nskels]
            for j in others[(sigs[others] == sigs[i]).mean(axis=1) >= threshold]:
                uf.union(int(i), int(j))
    members: dict[int, list[int]] = {}
    for i in range(len(sigs)):
        members.setdefault(uf.find(i), []).append(i)
    return list(members.values())


def _reference_group(
    skeletons: Iterable[Skeleton], known: Iterable[KnownTemplate], threshold: float, num_perm: int, k: int
) -> Grouping:
    skels = sorted(skeletons, key=lambda s: s.key)
    temps = sorted(known, key=lambda t: t.template_id)
    if not skels:
        return Grouping({}, {})
    sigs = signatures([s.text for s in skels] + [t.text for t in temps], k, num_perm)
    assignment: dict[str, str] = {}
    new: dict[str, NewTemplate] = {}
    for idx in _reference_components(sigs, len(skels), threshold):
        skel_idx = [i for i in idx if i < len(skels)]
        if not skel_idx:
            continue
        known_ids = sorted(temps[i - len(skels)].template_id for i in idx if i >= len(skels))
        if known_ids:
            tid = known_ids[0]
        else:
            canon = min((skels[i] for i in skel_idx), key=lambda s: (-s.requests, s.text))
            tid = template_id(canon.text)
            new[tid] = NewTemplate(tid, template_text(canon.text), tag(canon.text))
        for i in skel_idx:
            assignment[skels[i].key] = tid
    return Grouping(assignment, new)


def _assert_same(got: Grouping, want: Grouping) -> None:
    assert got == want
    # Same insertion order too: whatever iterates these dicts later sees the same sequence.
    assert list(got.assignment.items()) == list(want.assignment.items())
    assert list(got.new_templates.items()) == list(want.new_templates.items())


VOCAB = [
    "grade", "rate", "the", "answer", "response", "score", "rubric", "model", "tool", "call", "json", "step",
    "reason", "plan", "code", "fix", "test", "review", "summary", "user", "data", "<num>", "<str>", "<url>",
    "please", "each", "with", "for", "and", "of", "a", "to", "in", "on", "show", "all",
]  # fmt: skip


def _edit(rng: random.Random, words: list[str], edits: int) -> list[str]:
    out = list(words)
    for _ in range(edits):
        pos = rng.randrange(len(out) + 1)
        op = rng.choice(("sub", "ins", "del"))
        if op == "ins" or not out:
            out.insert(pos, rng.choice(VOCAB))
        elif op == "sub":
            out[min(pos, len(out) - 1)] = rng.choice(VOCAB)
        elif len(out) > 1:
            del out[min(pos, len(out) - 1)]
    return out


def _random_input(rng: random.Random, n: int, families: int) -> tuple[list[Skeleton], list[KnownTemplate]]:
    """Paraphrase families (random word edits of a few base texts), some very short texts, some texts
    repeated under other keys, and known templates with several entries each, some equal to a skeleton."""
    bases = [[rng.choice(VOCAB) for _ in range(rng.randint(15, 30))] for _ in range(families)]
    texts: list[str] = []
    for _ in range(n):
        if rng.random() < 0.05:
            texts.append(" ".join(rng.choice(VOCAB) for _ in range(rng.randint(1, 2))))
        else:
            texts.append(" ".join(_edit(rng, rng.choice(bases), rng.choice((0, 1, 1, 1, 2, 3, 5, 8)))))
    skels = [Skeleton(hashlib.md5(t.encode()).hexdigest(), t, rng.randint(1, 5)) for t in texts]  # noqa: S324
    skels = list({s.key: s for s in skels}.values())
    skels += [Skeleton(f"{rng.getrandbits(64):032x}", rng.choice(texts), rng.randint(1, 5)) for _ in range(5)]
    known = []
    for t in range(max(1, n // 20)):
        tid = f"t_{rng.getrandbits(64) % (n // 10 + 1):016x}"
        text = rng.choice(texts) if t % 3 == 0 else " ".join(_edit(rng, rng.choice(bases), rng.randint(0, 6)))
        known.append(KnownTemplate(tid, text))
    return skels, known


@pytest.fixture
def pads(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> tuple[int, ...]:
    """The batch sizes as shipped ("default"); tiny ones so that most buckets take the breadth-first search
    ("search"); and that with one row or one pair per comparison ("tiny"), so every level and chunk
    boundary of the search is crossed."""
    if request.param in ("search", "tiny"):
        monkeypatch.setattr(linking, "_PADS", (2, 4))
    if request.param == "tiny":
        monkeypatch.setattr(linking, "_CELLS", 3)
        monkeypatch.setattr(linking, "_ROWS", 2)
        # Blocks of a few buckets: components merged between blocks of one band, signatures refetched.
        monkeypatch.setattr(near_dups, "_BUCKETS_PER_READ", 3)
        monkeypatch.setattr(near_dups, "_BLOCK_ROWS", 5)
    return linking._PADS


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize(
    ("threshold", "num_perm", "k"),
    [(0.4, 64, 2), (0.2, 64, 2), (0.7, 32, 1), (0.75, 16, 2), (0.85, 64, 2), (0.5, 128, 3)],
)
@pytest.mark.parametrize("pads", ["default", "search"], indirect=True)
def test_grouping_equals_the_pairwise_reference(
    seed: int, threshold: float, num_perm: int, k: int, pads: tuple[int, ...]
) -> None:
    skels, known = _random_input(random.Random(seed), 260, 4)
    want = _reference_group(skels, known, threshold, num_perm, k)
    got = group(reversed(skels), known, threshold, num_perm, k)
    _assert_same(got, want)
    assert set(got.assignment) == {s.key for s in skels}
    if pads[-1] == 4:  # then some bucket must have taken the breadth-first search
        sigs = signatures([s.text for s in skels] + [t.text for t in known], k, num_perm)
        assert max(len(b) for b in _buckets(sigs, threshold)) > pads[-1]


def test_tiny_work_chunks_change_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    # One row or one pair per comparison: every chunk boundary of the batched and the searched path.
    skels, known = _random_input(random.Random(7), 200, 3)
    want = _reference_group(skels, known, 0.4, 64, 2)
    monkeypatch.setattr(linking, "_CELLS", 3)
    monkeypatch.setattr(linking, "_ROWS", 2)
    monkeypatch.setattr(near_dups, "_BUCKETS_PER_READ", 2)
    monkeypatch.setattr(near_dups, "_BLOCK_ROWS", 3)
    monkeypatch.setattr(near_dups, "_SIGN_ROWS", 7)
    _assert_same(group(skels, known, 0.4, 64, 2), want)


def test_no_skeletons_and_only_known_templates() -> None:
    assert group([], [KnownTemplate("t_0000000000000001", "a b c")], 0.4, 64, 2) == Grouping({}, {})
    lone = Skeleton("k", "x y z", 1)
    _assert_same(group([lone], [], 0.4, 64, 2), _reference_group([lone], [], 0.4, 64, 2))


def _planted(rng: np.random.Generator, n: int, num_perm: int, high: bool) -> Sigs:
    """Signature rows in planted clusters: copies of a few base rows with a random share of values
    replaced, drawn from a small alphabet so chance agreements happen too."""
    alphabet = rng.integers(0, 2**64 if high else 2**32, size=12, dtype=np.uint64)
    base = alphabet[rng.integers(0, alphabet.size, size=(max(1, n // 40), num_perm))]
    rows = base[rng.integers(0, len(base), size=n)]
    noise = rng.random((n, num_perm)) < rng.random((n, 1))
    return np.where(noise, alphabet[rng.integers(0, alphabet.size, size=(n, num_perm))], rows)


def _tree(rng: np.random.Generator, n: int, num_perm: int, threshold: float, high: bool) -> Sigs:
    """Rows that all share the first LSH band and no other: one bucket holds every row, so only the search
    within it can find the links. Each row descends from an earlier one by fresh values in every other
    band (and a few more): near-duplicates are close relatives only, so components hang on chains and
    branches the search must follow level by level."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    offset = np.uint64(2**63 if high else 0)
    rows = np.empty((n, num_perm), dtype=np.uint64)
    rows[0] = np.arange(num_perm, dtype=np.uint64) + offset
    fresh = num_perm
    for i in range(1, n):
        rows[i] = rows[rng.integers(0, i)]
        if rng.random() < 0.15:  # the start of another component
            cols = np.arange(lsh.r, num_perm)
        else:
            cols = np.unique(
                np.concatenate(
                    [band * lsh.r + rng.integers(0, lsh.r, size=1) for band in range(1, lsh.b)]
                    + [rng.integers(lsh.r, num_perm, size=int(rng.integers(0, 4)))]
                )
            )
        rows[i, cols] = np.arange(fresh, fresh + cols.size, dtype=np.uint64) + offset
        fresh += cols.size
    return rows[rng.permutation(n)]


@pytest.mark.parametrize("high", [False, True])
@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("pads", ["default", "search", "tiny"], indirect=True)
def test_components_equal_the_reference_on_planted_signatures(
    seed: int, high: bool, pads: tuple[int, ...]
) -> None:
    rng = np.random.default_rng(seed)
    clusters = _planted(rng, 600, 64, high)
    for threshold in (0.3, 0.5, 0.8):
        for sigs in (clusters, _tree(rng, 400, 64, threshold, high)):
            for nskels in (len(sigs), len(sigs) * 3 // 4):  # without, then with known templates (last rows)
                want = _reference_components(sigs, nskels, threshold)
                assert _components(sigs, nskels, threshold) == want
                assert len(want) > 1


@pytest.mark.parametrize("threshold", [0.1, 0.4, 0.75, 0.85])
def test_band_buckets_are_the_unique_rows_buckets(threshold: float) -> None:
    sigs = _planted(np.random.default_rng(1), 400, 64, True)
    got = sorted(b.tolist() for b in _buckets(sigs, threshold))
    assert got == sorted(b.tolist() for b in _reference_buckets(sigs, threshold))
    assert got


@pytest.mark.parametrize("num_perm", [16, 64, 100, 128, 256])
def test_min_matches_decides_as_the_mean_does(num_perm: int) -> None:
    thresholds = [c / num_perm for c in range(num_perm + 1)] + [0.4, 0.1 + 0.2, 1 / 3, 0.999]
    for threshold in thresholds:
        need = min_matches(threshold, num_perm)
        for c in range(num_perm + 1):
            agree = np.arange(num_perm) < c
            assert (bool(agree.mean() >= threshold)) == (c >= need), (threshold, c)


def test_demo_families_group_as_the_reference(demo_dir: Path) -> None:
    with (demo_dir / "prompt_truth.csv").open(encoding="utf-8") as fh:
        texts = sorted({skeleton(r["prompt"]) for r in csv.DictReader(fh)})
    skels = [Skeleton(skeleton_key(t), t, 1 + len(t) % 4) for t in texts]
    # Every seventh skeleton is already a known template (two entries per template).
    known = [KnownTemplate(f"t_{i // 14:016x}", t) for i, t in enumerate(texts) if i % 7 == 0]
    ls = LoadSettings()
    for kn in ([], known):
        want = _reference_group(skels, kn, ls.near_dup_threshold, ls.minhash_perms, ls.shingle_words)
        _assert_same(group(skels, kn, ls.near_dup_threshold, ls.minhash_perms, ls.shingle_words), want)
        assert len(want.new_templates) > 1

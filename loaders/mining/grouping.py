"""Near-duplicate grouping of skeletons: MinHash over word shingles, LSH candidates, verified Jaccard.

Groups are the connected components of "estimated Jaccard >= threshold" among the skeletons and the
already known templates, so paraphrase chains (variant A ~ B ~ C) end up together. Everything here is
independent of input order: components do not depend on insertion order, and a group's template id comes
from an existing template in it (the smallest id) or from its canonical skeleton (most requests, then
smallest text).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from datasketch import MinHash, MinHashLSH
from scipy.sparse import coo_array
from scipy.sparse.csgraph import connected_components

from loaders.mining.capability import tag
from loaders.mining.normalise import template_id, template_text

_SEED = 1
# Buckets of up to _PADS[-1] rows are compared all pairs at once, many buckets of about one size per numpy
# call (each padded to the next of these sizes); larger buckets by a breadth-first search.
_PADS = (2, 3, 4, 6, 8, 12, 16, 24, 32, 48)
# Cells of one pairwise comparison (bytes of each temporary), and rows gathered at once: bounds the memory
# whatever the bucket sizes.
_CELLS = 1 << 21
_ROWS = 1 << 15

Intp = npt.NDArray[np.intp]
# Signature matrices: uint32 as `signatures` makes them; any unsigned width is compared the same.
Sigs = npt.NDArray[np.uint32] | npt.NDArray[np.uint64]


@dataclass(frozen=True)
class Skeleton:
    key: str  # skeleton_key (md5 hex)
    text: str
    requests: int


@dataclass(frozen=True)
class KnownTemplate:
    template_id: str
    text: str


@dataclass(frozen=True)
class NewTemplate:
    template_id: str
    text: str
    capability: str


@dataclass
class Grouping:
    assignment: dict[str, str]  # skeleton key -> template id
    new_templates: dict[str, NewTemplate]


def shingles(text: str, k: int) -> set[bytes]:
    words = text.split(" ")
    if len(words) <= k:
        return {text.encode("utf-8")}
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def minhashes(texts: Sequence[str], k: int, num_perm: int) -> list[MinHash]:
    return list(MinHash.bulk([list(shingles(t, k)) for t in texts], num_perm=num_perm, seed=_SEED))


def signatures(texts: Sequence[str], k: int, num_perm: int, chunk: int = 4096) -> npt.NDArray[np.uint32]:
    """MinHash signatures as one (len(texts), num_perm) matrix; MinHash objects only live per chunk.

    A Python MinHash costs about a kilobyte and an LSH index entry several more; this matrix holds the
    same values in num_perm * 4 bytes (datasketch keeps them below 2**32, as uint64), so hundreds of
    thousands of distinct skeletons stay cheap.
    """
    out = np.empty((len(texts), num_perm), dtype=np.uint32)
    for start in range(0, len(texts), chunk):
        block = np.array([m.hashvalues for m in minhashes(texts[start : start + chunk], k, num_perm)])
        if block.size and int(block.max()) > np.iinfo(np.uint32).max:
            raise ValueError("MinHash values above 32 bits: the datasketch version changed its hashing")
        out[start : start + len(block)] = block
    return out


def _band_buckets(sigs: Sigs, threshold: float) -> Iterator[tuple[Intp, Intp]]:
    """Per LSH band, its buckets of two or more rows: their rows (bucket after bucket, each in ascending
    order) and their sizes. Bands as datasketch's MinHashLSH cuts them for this threshold, so the candidate
    pairs are exactly the ones its index would return."""
    lsh = MinHashLSH(threshold=threshold, num_perm=sigs.shape[1])
    for band in range(lsh.b):
        part = sigs[:, band * lsh.r : (band + 1) * lsh.r]
        # A stable sort on the band's columns, first column first: the bucket order np.unique(axis=0)
        # gives, without its much slower sort of structured rows.
        order = np.lexsort(part.T[::-1])
        ordered = part[order]
        first = np.ones(len(order), dtype=bool)
        first[1:] = (ordered[1:] != ordered[:-1]).any(axis=1)
        sizes = np.diff(np.append(np.flatnonzero(first), len(order)))
        shared = sizes > 1
        if shared.any():
            yield order[np.repeat(shared, sizes)], sizes[shared]


def min_matches(threshold: float, num_perm: int) -> int:
    """Fewest equal signature values for a pair to count as near-duplicates: the smallest count whose
    share `count / num_perm` reaches `threshold` in floating point, exactly as comparing the mean of the
    equality vector would decide."""
    return next((c for c in range(num_perm + 1) if c / num_perm >= threshold), num_perm + 1)


class _Linker:
    """Finds, bucket by bucket, which rows are joined by near-duplicate pairs, and records one link per
    joined row (to the first row of its component within the bucket) instead of every close pair.

    `labels` are the components of the links found so far: rows already joined need no comparing, so
    the later LSH bands, which mostly repeat the pairs of the first ones, cost little.
    """

    def __init__(self, sigs: Sigs, nskels: int, threshold: float) -> None:
        n, num_perm = sigs.shape
        # Values as datasketch makes them usually fit 32 bits; comparing half-width values is faster.
        narrow = sigs.size > 0 and int(sigs.max()) <= np.iinfo(np.uint32).max
        # One column per row, plus a padding row (index n) that fills the short buckets of a batch.
        self.cols = np.zeros((num_perm, n + 1), dtype=np.uint32 if narrow else np.uint64)
        self.cols[:, :n] = sigs.T
        self.known = np.zeros(n + 1, dtype=bool)
        self.known[nskels:n] = True
        self.need = min_matches(threshold, num_perm)
        self.count_type = np.uint8 if num_perm < 256 else np.uint16
        self.n = n
        self.labels: Intp = np.arange(n, dtype=np.intp)
        self._padded: Intp = np.append(self.labels, -1)  # with the padding row's own label
        self._src: list[Intp] = []
        self._dst: list[Intp] = []

    def close(self, a: Intp, b: Intp) -> npt.NDArray[np.bool_]:
        """close[k, i, j]: rows a[k, i] and b[k, j] are near-duplicates and not both known templates
        (pairs of known templates are never compared: any link between them comes from a skeleton)."""
        counts = np.zeros((a.shape[0], a.shape[1], b.shape[1]), dtype=self.count_type)
        equal = np.empty(counts.shape, dtype=bool)
        ga = self.cols[:, a]
        gb = ga if b is a else self.cols[:, b]
        for x, y in zip(ga, gb, strict=True):
            np.equal(x[:, :, None], y[:, None, :], out=equal)
            counts += equal
        out: npt.NDArray[np.bool_] = counts >= self.need
        out &= ~(self.known[a][:, :, None] & self.known[b][:, None, :])
        return out

    def band(self, rows: Intp, sizes: Intp) -> None:
        """Links within the buckets of one band, then the components updated with them."""
        starts = np.cumsum(sizes) - sizes
        lab = self.labels[rows]
        self._padded = np.append(self.labels, -1)
        # A bucket whose rows are all joined already has nothing to add.
        open_ = np.minimum.reduceat(lab, starts) != np.maximum.reduceat(lab, starts)
        for low, pad in zip((1, *_PADS[:-1]), _PADS, strict=True):
            sel = open_ & (sizes > low) & (sizes <= pad)
            step = max(1, min(_CELLS // (pad * pad), _ROWS // pad))
            for s, z in zip(_chunks(starts[sel], step), _chunks(sizes[sel], step), strict=True):
                self._batch(rows, s, z, pad)
        for start, size in zip(
            starts[open_ & (sizes > _PADS[-1])], sizes[open_ & (sizes > _PADS[-1])], strict=True
        ):
            self._search(rows[start : start + size])
        if self._src:
            src, dst = np.concatenate(self._src), np.concatenate(self._dst)
            self._src.clear()
            self._dst.clear()
            graph = coo_array(
                (np.ones(src.size, dtype=np.int8), (self.labels[src], self.labels[dst])),
                shape=(self.n, self.n),
            )
            self.labels = connected_components(graph, directed=False)[1][self.labels].astype(np.intp)

    def _batch(self, rows: Intp, starts: Intp, sizes: Intp, pad: int) -> None:
        """All pairs of many small buckets at once, each padded to `pad` rows; local components by
        min-label propagation with pointer jumping."""
        slots = np.arange(pad)
        valid = slots < sizes[:, None]
        idx = np.where(valid, rows[np.minimum(starts[:, None] + slots, rows.size - 1)], self.n)
        lab = self._padded[idx]
        adj = self.close(idx, idx) | (lab[:, :, None] == lab[:, None, :])
        adj &= valid[:, :, None] & valid[:, None, :]
        adj[:, slots, slots] = True
        loc = np.broadcast_to(slots.astype(np.int16), idx.shape)
        while True:
            nxt = np.where(adj, loc[:, None, :], np.int16(pad)).min(axis=2)
            nxt = np.take_along_axis(nxt, nxt, axis=1)
            if np.array_equal(nxt, loc):
                break
            loc = nxt
        moved = loc != slots
        self._src.append(idx[moved])
        self._dst.append(np.take_along_axis(idx, loc.astype(np.intp), axis=1)[moved])

    def _search(self, members: Intp) -> None:
        """Components of one large bucket by breadth-first search: each reached row is compared only with
        the rows not reached yet, and rows already joined to a reached row are reached without comparing."""
        lab = self.labels[members]
        pending = np.ones(members.size, dtype=bool)
        while pending.any():
            root = int(np.argmax(pending))
            pending[root] = False
            frontier = np.array([root])
            while frontier.size:
                joined = np.flatnonzero(pending & np.isin(lab, lab[frontier]))
                pending[joined] = False
                level = np.concatenate((frontier, joined))
                hits: list[Intp] = []
                pos = 0
                while pos < level.size and pending.any():
                    cand = np.flatnonzero(pending)
                    step = max(1, min(_CELLS // cand.size, _ROWS))
                    part = level[pos : pos + step]
                    pos += step
                    hit = cand[self.close(members[part][None], members[cand][None])[0].any(axis=0)]
                    pending[hit] = False
                    hits.append(hit)
                reached = np.concatenate([joined, *hits])
                self._src.append(members[reached])
                self._dst.append(np.full(reached.size, members[root]))
                frontier = np.concatenate(hits) if hits else np.empty(0, dtype=np.intp)


def _chunks(values: Intp, step: int) -> Iterator[Intp]:
    for i in range(0, values.size, step):
        yield values[i : i + step]


def _components(sigs: Sigs, nskels: int, threshold: float) -> list[list[int]]:
    """Connected components of the near-duplicate pairs among LSH candidates, each in ascending order,
    ordered by their smallest row."""
    return _linked(_Linker(sigs, nskels, threshold), threshold)


def _linked(linker: _Linker, threshold: float) -> list[list[int]]:
    # The bands read the linker's own (transposed) copy of the signatures, so the caller's matrix can go.
    for rows, sizes in _band_buckets(linker.cols[:, : linker.n].T, threshold):
        linker.band(rows, sizes)
    order = np.argsort(linker.labels, kind="stable")
    cuts = np.flatnonzero(np.diff(linker.labels[order])) + 1
    return sorted((c.tolist() for c in np.split(order, cuts)), key=lambda c: c[0])


def group(
    skeletons: Iterable[Skeleton],
    known: Iterable[KnownTemplate],
    threshold: float,
    num_perm: int,
    shingle_words: int,
) -> Grouping:
    skels = sorted(skeletons, key=lambda s: s.key)
    temps = sorted(known, key=lambda t: t.template_id)
    texts = [s.text for s in skels] + [t.text for t in temps]
    if not skels:
        return Grouping({}, {})
    nskels = len(skels)
    # Built from a temporary: only the linker's copy of the signatures lives on (half the peak memory).
    linker = _Linker(signatures(texts, shingle_words, num_perm), nskels, threshold)
    assignment: dict[str, str] = {}
    new: dict[str, NewTemplate] = {}
    for idx in _linked(linker, threshold):
        skel_idx = [i for i in idx if i < len(skels)]
        if not skel_idx:
            continue
        known_ids = sorted(temps[i - len(skels)].template_id for i in idx if i >= len(skels))
        if known_ids:
            tid = known_ids[0]
        else:
            canon = min((skels[i] for i in skel_idx), key=lambda s: (-s.requests, s.text))
            tid = template_id(canon.text)
            text = template_text(canon.text)
            new[tid] = NewTemplate(tid, text, tag(canon.text))
        for i in skel_idx:
            assignment[skels[i].key] = tid
    return Grouping(assignment, new)

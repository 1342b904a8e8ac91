"""Components of near-duplicate pairs, found bucket by bucket from LSH candidates.

The linker holds one label per row (its component so far) and only the signatures of the rows the
buckets at hand compare, so its memory is a few bytes per distinct skeleton plus one block of signatures,
whatever the size of the log.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import numpy.typing as npt
from scipy.sparse import coo_array
from scipy.sparse.csgraph import connected_components

from loaders.mining.signatures import Sigs, min_matches

# Buckets of up to _PADS[-1] rows are compared all pairs at once, many buckets of about one size per numpy
# call (each padded to the next of these sizes); larger buckets by a breadth-first search.
_PADS = (2, 3, 4, 6, 8, 12, 16, 24, 32, 48)
# Cells of one pairwise comparison (bytes of each temporary), and rows gathered at once: bounds the memory
# whatever the bucket sizes.
_CELLS = 1 << 21
_ROWS = 1 << 15

Intp = npt.NDArray[np.intp]


class Linker:
    """Rows 0..nskels-1 are skeletons, nskels..n-1 known templates (pairs of two known templates are never
    compared: any link between them comes from a skeleton).

    For each joined row one link is recorded (to the first row of its component within the bucket) rather
    than every close pair; `labels` are the components of the links merged so far, so rows already joined
    need no comparing and the later LSH bands, which mostly repeat the pairs of the first ones, cost little.
    """

    def __init__(self, n: int, nskels: int, num_perm: int, threshold: float) -> None:
        self.n, self.nskels, self.num_perm = n, nskels, num_perm
        self.need = min_matches(threshold, num_perm)
        self.count_type = np.uint8 if num_perm < 256 else np.uint16
        self.labels: Intp = np.arange(n, dtype=np.intp)
        # Column of each row in the loaded block; row n is the padding row that fills short buckets.
        self._pos: Intp = np.zeros(n + 1, dtype=np.intp)
        self._cols: Sigs = np.zeros((num_perm, 1), dtype=np.uint32)
        self._src: list[Intp] = []
        self._dst: list[Intp] = []

    def open_buckets(self, rows: Intp, sizes: Intp) -> npt.NDArray[np.bool_]:
        """Buckets (consecutive runs of `rows`, of `sizes`) whose rows are not all joined already."""
        starts = np.cumsum(sizes) - sizes
        lab = self.labels[rows]
        out: npt.NDArray[np.bool_] = np.minimum.reduceat(lab, starts) != np.maximum.reduceat(lab, starts)
        return out

    def load(self, rows: Intp, sigs: Sigs) -> None:
        """The signatures (one row each, in the order of `rows`) that the next `link` compares."""
        cols = np.zeros((self.num_perm, rows.size + 1), dtype=sigs.dtype)
        cols[:, : rows.size] = sigs.T
        self._cols = cols
        self._pos[rows] = np.arange(rows.size)
        self._pos[self.n] = rows.size

    def link(self, rows: Intp, sizes: Intp, open_: npt.NDArray[np.bool_]) -> None:
        """Links within the open buckets; their rows' signatures must be loaded."""
        starts = np.cumsum(sizes) - sizes
        for low, pad in zip((1, *_PADS[:-1]), _PADS, strict=True):
            sel = open_ & (sizes > low) & (sizes <= pad)
            step = max(1, min(_CELLS // (pad * pad), _ROWS // pad))
            for s, z in zip(_chunks(starts[sel], step), _chunks(sizes[sel], step), strict=True):
                self._batch(rows, s, z, pad)
        large = open_ & (sizes > _PADS[-1])
        for start, size in zip(starts[large], sizes[large], strict=True):
            self._search(rows[start : start + size])

    def merge(self) -> None:
        """Components updated with the links found since the last merge."""
        if not self._src:
            return
        src, dst = np.concatenate(self._src), np.concatenate(self._dst)
        self._src.clear()
        self._dst.clear()
        graph = coo_array(
            (np.ones(src.size, dtype=np.int8), (self.labels[src], self.labels[dst])), shape=(self.n, self.n)
        )
        self.labels = connected_components(graph, directed=False)[1][self.labels].astype(np.intp)

    def components(self) -> npt.NDArray[np.int32]:
        """Each row's component, named by its smallest row."""
        first = np.full(self.n, self.n, dtype=np.intp)
        np.minimum.at(first, self.labels, np.arange(self.n, dtype=np.intp))
        return first[self.labels].astype(np.int32)

    def close(self, a: Intp, b: Intp) -> npt.NDArray[np.bool_]:
        """close[k, i, j]: rows a[k, i] and b[k, j] are near-duplicates and not both known templates."""
        counts = np.zeros((a.shape[0], a.shape[1], b.shape[1]), dtype=self.count_type)
        equal = np.empty(counts.shape, dtype=bool)
        ga = self._cols[:, self._pos[a]]
        gb = ga if b is a else self._cols[:, self._pos[b]]
        for x, y in zip(ga, gb, strict=True):
            np.equal(x[:, :, None], y[:, None, :], out=equal)
            counts += equal
        out: npt.NDArray[np.bool_] = counts >= self.need
        out &= ~(self._known(a)[:, :, None] & self._known(b)[:, None, :])
        return out

    def _known(self, rows: Intp) -> npt.NDArray[np.bool_]:
        out: npt.NDArray[np.bool_] = (rows >= self.nskels) & (rows < self.n)
        return out

    def _batch(self, rows: Intp, starts: Intp, sizes: Intp, pad: int) -> None:
        """All pairs of many small buckets at once, each padded to `pad` rows; local components by
        min-label propagation with pointer jumping."""
        slots = np.arange(pad)
        valid = slots < sizes[:, None]
        idx = np.where(valid, rows[np.minimum(starts[:, None] + slots, rows.size - 1)], self.n)
        lab = np.where(valid, self.labels[np.minimum(idx, self.n - 1)], -1)
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

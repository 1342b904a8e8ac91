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

from app.core.union_find import UnionFind
from loaders.mining.capability import tag
from loaders.mining.normalise import template_id, template_text

_SEED = 1


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


def signatures(texts: Sequence[str], k: int, num_perm: int, chunk: int = 4096) -> npt.NDArray[np.uint64]:
    """MinHash signatures as one (len(texts), num_perm) matrix; MinHash objects only live per chunk.

    A Python MinHash costs about a kilobyte and an LSH index entry several more; this matrix holds the
    same values in num_perm * 8 bytes, so tens of thousands of distinct skeletons stay cheap.
    """
    out = np.empty((len(texts), num_perm), dtype=np.uint64)
    for start in range(0, len(texts), chunk):
        for i, m in enumerate(minhashes(texts[start : start + chunk], k, num_perm)):
            out[start + i] = m.hashvalues
    return out


def _buckets(sigs: npt.NDArray[np.uint64], threshold: float) -> Iterator[npt.NDArray[np.intp]]:
    """LSH candidates: rows equal on every value of some band. Bands as datasketch's MinHashLSH cuts them
    for this threshold, so the candidate pairs are exactly the ones its index would return."""
    lsh = MinHashLSH(threshold=threshold, num_perm=sigs.shape[1])
    for band in range(lsh.b):
        part = np.ascontiguousarray(sigs[:, band * lsh.r : (band + 1) * lsh.r])
        _, inverse, counts = np.unique(part, axis=0, return_inverse=True, return_counts=True)
        inverse = inverse.reshape(-1)
        shared = np.flatnonzero(counts[inverse] > 1)
        if not shared.size:
            continue
        order = shared[np.argsort(inverse[shared], kind="stable")]
        cuts = np.flatnonzero(np.diff(inverse[order])) + 1
        yield from np.split(order, cuts)


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
    n = len(texts)
    if not skels:
        return Grouping({}, {})
    sigs = signatures(texts, shingle_words, num_perm)
    uf = UnionFind(range(n))
    nskels = len(skels)
    for bucket in _buckets(sigs, threshold):
        # Pairs of two known templates are not compared: any link between them comes from a skeleton.
        for pos, i in enumerate(bucket[:-1]):
            others = bucket[pos + 1 :]
            if i >= nskels:
                others = others[others < nskels]
            if not others.size:
                continue
            close = others[(sigs[others] == sigs[i]).mean(axis=1) >= threshold]
            for j in close:
                uf.union(int(i), int(j))
    members: dict[int, list[int]] = {}
    for i in range(n):
        members.setdefault(uf.find(i), []).append(i)
    assignment: dict[str, str] = {}
    new: dict[str, NewTemplate] = {}
    for idx in members.values():
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

"""MinHash signatures of skeletons over word shingles, and the LSH band layout that makes candidates."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from datasketch import MinHash, MinHashLSH

_SEED = 1

# Signature matrices: uint32 as `signatures` makes them; any unsigned width is compared the same.
Sigs = npt.NDArray[np.uint32] | npt.NDArray[np.uint64]


def shingles(text: str, k: int) -> set[bytes]:
    words = text.split(" ")
    if len(words) <= k:
        return {text.encode("utf-8")}
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def minhashes(texts: Sequence[str], k: int, num_perm: int) -> list[MinHash]:
    return list(MinHash.bulk([list(shingles(t, k)) for t in texts], num_perm=num_perm, seed=_SEED))


def signatures(texts: Sequence[str], k: int, num_perm: int, chunk: int = 4096) -> npt.NDArray[np.uint32]:
    """MinHash signatures as one (len(texts), num_perm) matrix; MinHash objects only live per chunk.

    A Python MinHash costs about a kilobyte; this matrix holds the same values in num_perm * 4 bytes
    (datasketch keeps them below 2**32, as uint64).
    """
    out = np.empty((len(texts), num_perm), dtype=np.uint32)
    for start in range(0, len(texts), chunk):
        block = np.array([m.hashvalues for m in minhashes(texts[start : start + chunk], k, num_perm)])
        if block.size and int(block.max()) > np.iinfo(np.uint32).max:
            raise ValueError("MinHash values above 32 bits: the datasketch version changed its hashing")
        out[start : start + len(block)] = block
    return out


def bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) as datasketch's MinHashLSH cuts signatures for this threshold, so the
    candidate pairs are exactly the ones its index would return."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return int(lsh.b), int(lsh.r)


def min_matches(threshold: float, num_perm: int) -> int:
    """Fewest equal signature values for a pair to count as near-duplicates: the smallest count whose
    share `count / num_perm` reaches `threshold` in floating point, exactly as comparing the mean of the
    equality vector would decide."""
    return next((c for c in range(num_perm + 1) if c / num_perm >= threshold), num_perm + 1)

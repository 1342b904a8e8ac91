"""Resolves a `template` label value — a template id or a prompt text — to a template."""

from __future__ import annotations

import re
from collections.abc import Callable

from datasketch import MinHash, MinHashLSH

from loaders.mining.capability import tag
from loaders.mining.grouping import KnownTemplate
from loaders.mining.normalise import skeleton, skeleton_key, template_id, template_text
from loaders.mining.signatures import minhashes

_TEMPLATE_ID = re.compile(r"^t_[0-9a-f]{16}$")


class TemplateResolver:
    """Id as given; else the prompt's skeleton: registry, then exact canonical, then nearest near-duplicate.

    Entries are each template's canonical text and, once a prompt text is resolved, its remembered member
    skeletons (several entries per template); a prompt matching nothing becomes a template of its own (id
    from its skeleton), so a later load of requests with the same skeleton lands on it.
    """

    def __init__(
        self,
        known: list[KnownTemplate],
        registry: Callable[[], dict[str, tuple[str, str]]],
        threshold: float,
        num_perm: int,
        shingle_words: int,
    ) -> None:
        """`known`: each template's canonical text; `registry` reads the remembered member skeletons (key
        -> (template id, skeleton)), only when a prompt text needs resolving: labels that name template
        ids never read it."""
        self.entries = list(known)
        self.canonical: dict[str, str] = {}
        for t in known:
            self.canonical.setdefault(t.template_id, t.text)
        self._read_registry = registry
        self.registry: dict[str, str] | None = None
        self.threshold = threshold
        self.num_perm = num_perm
        self.k = shingle_words
        self._lsh: MinHashLSH | None = None
        self._sigs: list[MinHash] = []

    def _members(self) -> dict[str, str]:
        if self.registry is None:
            entries = self._read_registry()
            self.registry = {k: v[0] for k, v in entries.items()}
            # Near-duplicates match the closest member, not only the canonical text.
            self.entries += [KnownTemplate(tid, skel) for tid, skel in sorted(set(entries.values()))]
            self._lsh = None
        return self.registry

    def _index(self) -> MinHashLSH:
        if self._lsh is None:
            self._lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)
            self._sigs = minhashes([e.text for e in self.entries], self.k, self.num_perm)
            for i, sig in enumerate(self._sigs):
                self._lsh.insert(i, sig)
        return self._lsh

    def _answer(self, tid: str) -> tuple[str, str, str]:
        text = self.canonical.get(tid, "")
        return tid, text, tag(text) if text else "other"

    def __call__(self, value: str) -> tuple[str, str, str]:
        text = value.strip()
        if _TEMPLATE_ID.match(text.lower()):
            return self._answer(text.lower())
        skel = skeleton(text)
        tid = self._members().get(skeleton_key(skel)) or template_id(skel)
        if tid in self.canonical:
            return self._answer(tid)
        if self.entries:
            sig = minhashes([skel], self.k, self.num_perm)[0]
            scored = [
                (self._sigs[int(i)].jaccard(sig), self.entries[int(i)].template_id)
                for i in self._index().query(sig)
            ]
            scored.sort(key=lambda m: (-m[0], m[1]))
            if scored and scored[0][0] >= self.threshold:
                return self._answer(scored[0][1])
        new = KnownTemplate(template_id(skel), template_text(skel))
        self.entries.append(new)
        self.canonical[new.template_id] = new.text
        self._lsh = None
        return new.template_id, new.text, tag(skel)

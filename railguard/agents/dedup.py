"""Near-duplicate detection of training trajectories against the eval-only sets (word 5-gram shingles)."""

from __future__ import annotations

import re
from collections import defaultdict

_W = re.compile(r"[a-z0-9]+")


def shingles(text: str, n: int = 5) -> set[int]:
    ws = _W.findall(text.lower())
    if len(ws) < n:
        return {hash(" ".join(ws))} if ws else set()
    return {hash(" ".join(ws[i : i + n])) for i in range(len(ws) - n + 1)}


class NearDupIndex:
    """Containment of a candidate's shingles in any single eval record; >= threshold means near-duplicate."""

    def __init__(self, texts: list[str], threshold: float = 0.6) -> None:
        self.threshold = threshold
        self.exact = {" ".join(_W.findall(t.lower())) for t in texts}
        self.index: dict[int, list[int]] = defaultdict(list)
        for i, t in enumerate(texts):
            for h in shingles(t):
                self.index[h].append(i)

    def is_dup(self, text: str) -> bool:
        if " ".join(_W.findall(text.lower())) in self.exact:
            return True
        sh = shingles(text)
        if not sh:
            return False
        hits: dict[int, int] = defaultdict(int)
        for h in sh:
            for i in self.index.get(h, ()):
                hits[i] += 1
        return bool(hits) and max(hits.values()) / len(sh) >= self.threshold

"""Deduplication of training rows against every evaluation-only set.

Two tests, both on a normalised form (lower case, letters and digits only, single spaces):
- exact: the normalised training text equals a normalised eval string;
- near: at least `near_share` of the training text's word 5-gram shingles occur in the eval strings
  (containment against the union of eval shingles, so a jailbreak template pasted into a ToxicChat row,
  or a HarmBench behaviour inside a longer prompt, is caught). Texts of CJK and other unspaced scripts
  are shingled by 8-character windows instead of words.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

from railguard.bench.datasets import eval_only_texts
from railguard.train.sources import Sample

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalise(text: str) -> str:
    return _NON_WORD.sub(" ", text.lower()).strip()


def shingles(norm: str) -> list[int]:
    words = norm.split()
    if len(words) >= 5 and len(norm) / max(len(words), 1) < 12:
        grams = (" ".join(words[i:i + 5]) for i in range(len(words) - 4))
    else:
        s = norm.replace(" ", "")
        if len(s) < 8:
            return []
        grams = (s[i:i + 8] for i in range(0, len(s) - 7))
    return [zlib.crc32(g.encode("utf-8")) for g in grams]


class EvalIndex:
    def __init__(self, texts: Iterable[tuple[str, str]]) -> None:
        self.exact: dict[str, str] = {}
        hashes: list[int] = []
        self.per_folder: Counter[str] = Counter()
        for folder, t in texts:
            n = normalise(t)
            if len(n) < 8:
                continue
            self.exact.setdefault(n, folder)
            self.per_folder[folder] += 1
            hashes.extend(shingles(n))
        self.shingles = np.unique(np.asarray(hashes, dtype=np.uint32))

    def match(self, text: str, near_share: float = 0.5) -> str | None:
        """'exact' or 'near' when the text duplicates eval material, else None."""
        n = normalise(text)
        if n in self.exact:
            return "exact"
        sh = shingles(n)
        if len(sh) < 3:
            return None
        arr = np.asarray(sh, dtype=np.uint32)
        pos = np.searchsorted(self.shingles, arr)
        pos = np.minimum(pos, len(self.shingles) - 1)
        share = float(np.mean(self.shingles[pos] == arr))
        return "near" if share >= near_share else None


def build_index() -> EvalIndex:
    return EvalIndex(eval_only_texts())


def deduplicate(samples: Sequence[Sample], index: EvalIndex) -> tuple[list[Sample], dict[str, dict[str, int]]]:
    """Rows that do not duplicate eval material, and per-source counts of dropped rows."""
    kept: list[Sample] = []
    dropped: dict[str, dict[str, int]] = {}
    seen: set[tuple[str, str, str]] = set()
    for s in samples:
        key = (normalise(s.text), s.role, normalise(s.prompt or "")[:200])
        if key in seen:
            dropped.setdefault(s.source, {}).setdefault("internal_duplicate", 0)
            dropped[s.source]["internal_duplicate"] += 1
            continue
        seen.add(key)
        why = index.match(s.text)
        if why is None and s.prompt:
            why = index.match(s.prompt)
            why = f"prompt_{why}" if why else None
        if why:
            dropped.setdefault(s.source, {}).setdefault(why, 0)
            dropped[s.source][why] += 1
            continue
        kept.append(s)
    return kept, dropped

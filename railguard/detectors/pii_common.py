"""Shared pieces of the PII and secrets detectors: candidate spans and context-word look-ups.

Recognisers work on `doc.clean.text` (NFKC, invisible characters removed) and emit `Candidate`s in
those offsets; the detector maps the survivors back to the original text once, at the end.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    entity_type: str
    score: float
    reason: str
    # True when a checksum or a strict parser (not just a pattern) confirmed the value.
    validated: bool = False


def keywords(words: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern for context words.

    Latin-script words match on word boundaries ("pan" must not fire inside "company"); words in
    scripts written without spaces (CJK) or with attached particles match anywhere.
    """
    bounded: list[str] = []
    loose: list[str] = []
    for w in sorted(set(words), key=len, reverse=True):
        esc = re.escape(w).replace(r"\ ", r"[\s\-_]?")
        (bounded if w[:1].isascii() and w[:1].isalnum() else loose).append(esc)
    parts = []
    if bounded:
        parts.append(rf"(?<![^\W_])(?:{'|'.join(bounded)})(?![^\W\d_])")
    parts.extend(loose)
    return re.compile("|".join(parts), re.IGNORECASE)


def near(text: str, start: int, end: int, pattern: re.Pattern[str], before: int = 60, after: int = 0) -> bool:
    """True when `pattern` occurs within `before` characters ahead of [start, end) or `after` behind it."""
    if pattern.search(text, max(0, start - before), start):
        return True
    return bool(after) and bool(pattern.search(text, end, min(len(text), end + after)))


def digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())

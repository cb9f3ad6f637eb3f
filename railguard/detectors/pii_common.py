"""Shared pieces of the PII and secrets detectors: candidate spans and context-word look-ups.

Recognisers work on `doc.clean.text` (NFKC, invisible characters removed) and emit `Candidate`s in
those offsets; the detector maps the survivors back to the original text once, at the end.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    entity_type: str
    score: float
    reason: str
    # True when a checksum or a strict parser (not just a pattern) confirmed the value.
    validated: bool = False


@lru_cache(maxsize=1)
def _lower_table() -> dict[int, int]:
    """Upper -> lower case for every BMP letter whose lower case is ONE character (so offsets stay put)."""
    table: dict[int, int] = {}
    for i in range(0x41, 0x10000):
        c = chr(i)
        low = c.lower()
        if low != c and len(low) == 1:
            table[i] = ord(low)
    return table


@lru_cache(maxsize=16)
def lowered(text: str) -> str:
    """`text` in lower case, character for character: keyword patterns search this, in the same offsets.

    Case-insensitive alternations are slow in `re`; one lower-casing per text is not.
    """
    return text.translate(_lower_table())


def keywords(words: Iterable[str]) -> re.Pattern[str]:
    """One pattern for context words, to search in `lowered(text)` (as `near` does).

    Latin-script words match on word boundaries ("pan" must not fire inside "company"); words in
    scripts written without spaces (CJK) or with attached particles match anywhere.
    """
    bounded: list[str] = []
    loose: list[str] = []
    for w in sorted({w.translate(_lower_table()) for w in words}, key=len, reverse=True):
        esc = re.escape(w).replace(r"\ ", r"[\s\-_]?")
        (bounded if w[:1].isascii() and w[:1].isalnum() else loose).append(esc)
    parts = []
    if bounded:
        parts.append(rf"(?<![^\W_])(?:{'|'.join(bounded)})(?![^\W\d_])")
    parts.extend(loose)
    return re.compile("|".join(parts))


def near(text: str, start: int, end: int, pattern: re.Pattern[str], before: int = 60, after: int = 0) -> bool:
    """True when keyword `pattern` occurs within `before` characters ahead of [start, end) or `after` behind it."""
    low = lowered(text)
    if pattern.search(low, max(0, start - before), start):
        return True
    return bool(after) and bool(pattern.search(low, end, min(len(low), end + after)))


def digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())

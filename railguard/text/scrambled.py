"""Words with their inside letters shuffled ("Aoccdrnig to a rscheearch", "epxlsoive"), read back.

People read such words without effort when the first and last letters stay put, so it is a cheap way
to hide a request from every word and n-gram feature. An English word that is not in the dictionary
but has the letters of exactly one common word between the same first and last letters is read as
that word. The dictionary is pyspellchecker's English word-frequency list (MIT, built from
OpenSubtitles), loaded once on first use; nothing is downloaded.
"""

from __future__ import annotations

import functools
import re

from railguard.text.language import detect_language
from railguard.text.wordlists import word_counts

MIN_LEN = 4             # "teh" and shorter: too many readings
COMMON_COUNT = 200      # a reading must be a word at least this frequent in the list (~60k words)
MIN_FOUND = 2           # one odd word in a text is a typo or a name; shuffling shows in several
READ_SHARE = 0.6        # share of a text's unknown words that must read as English for any to be read
# The candidate words: runs of four or more ASCII letters standing alone.
WORD = re.compile(r"(?<![\w'’])[A-Za-z]{4,}(?![\w'’])")


def _key(word: str) -> str:
    return word[0] + word[-1] + "".join(sorted(word[1:-1]))


@functools.cache
def _dictionary() -> tuple[frozenset[str], dict[str, str]]:
    """(every listed word, key -> its most frequent common word); empty where the package is missing."""
    counts = word_counts("en")
    readings: dict[str, str] = {}
    for word, count in sorted(counts.items(), key=lambda kv: -kv[1]):
        if count < COMMON_COUNT:
            break
        if len(word) >= MIN_LEN and word.isascii() and word.isalpha():
            readings.setdefault(_key(word), word)
    return frozenset(counts), readings


def read_word(word: str) -> str | None:
    """The common word `word` is a shuffle of (case kept), or None when it is a word already or none fits."""
    low = word.lower()
    if len(low) < MIN_LEN or not word[1:].islower() or not low.isascii() or not low.isalpha():
        return None
    known, readings = _dictionary()
    if low in known:
        return None
    reading = readings.get(_key(low))
    if reading is None or reading == low:
        return None
    return reading.capitalize() if word[0].isupper() else reading


def readings(text: str) -> dict[str, str]:
    """word -> reading for the shuffled words of a text that shows shuffling, else {}.

    Words of other languages are mostly not in the English list either, and a few of them are
    shuffles of an English word ("sont" / "snot", "todas" / "toads"). Shuffled English shows a
    different picture: several, and most, of its unknown words read as English, and the text as a whole is still
    identified as English. Readings are used only there.
    """
    known, _ = _dictionary()
    unknown = {w for w in (m.group(0) for m in WORD.finditer(text)) if w.lower() not in known and w[1:].islower()}
    found = {w: r for w in unknown if (r := read_word(w)) is not None}
    if len(found) < MIN_FOUND or len(found) < READ_SHARE * len(unknown) or detect_language(text) != "en":
        return {}
    return found


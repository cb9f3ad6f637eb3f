"""Word-frequency lists, loaded once per language and shared (pyspellchecker's lists, MIT, built from
OpenSubtitles; bundled with the package, nothing is downloaded)."""

from __future__ import annotations

import functools


def _load(lang: str) -> dict[str, int]:
    try:
        from spellchecker import SpellChecker
    except ImportError:
        return {}
    return SpellChecker(language=lang, distance=1).word_frequency.dictionary


@functools.cache
def word_counts(lang: str) -> dict[str, int]:
    """word -> count in `lang`'s list; empty where pyspellchecker is missing."""
    return _load(lang)


# The languages pyspellchecker lists that railguard reads most, and how frequent a word must be in its list
# to count (drops the long tail of names, typos and fragments).
LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl", "ru")
MIN_COUNT = 50


@functools.cache
def dictionary() -> frozenset[str]:
    """Every word at least MIN_COUNT frequent in any of LANGUAGES' lists, lower case."""
    # Each list is loaded, filtered and let go (the counts of seven languages are not kept: ~250 MB).
    return frozenset(w for lang in LANGUAGES for w, n in (word_counts if lang == "en" else _load)(lang).items()
                     if n >= MIN_COUNT)

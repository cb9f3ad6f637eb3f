"""Word-frequency lists, loaded once per language and shared (pyspellchecker's lists, MIT, built from
OpenSubtitles; bundled with the package, nothing is downloaded)."""

from __future__ import annotations

import functools


@functools.cache
def word_counts(lang: str) -> dict[str, int]:
    """word -> count in `lang`'s list; empty where pyspellchecker is missing."""
    try:
        from spellchecker import SpellChecker
    except ImportError:
        return {}
    return SpellChecker(language=lang, distance=1).word_frequency.dictionary

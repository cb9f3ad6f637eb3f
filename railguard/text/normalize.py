"""Normalisation that undoes the usual evasions while remembering where every character came from.

Two levels:
- `clean`: NFKC (full-width, ligatures, math alphanumerics), invisible and bidi-control characters
  removed, Cyrillic/Greek look-alikes folded to Latin inside words that mix them with Latin.
  PII and secret detectors read this level: it changes no ASCII.
- `fold`: `clean` plus leetspeak ("k1ll", "h4ck3r", "@ss"), censored words ("k*ll"), spaced-out letters
  ("k i l l") and stretched letters ("kiiiill"). Classifiers read this level.

Every output character carries the [start, end) of the original characters it came from, so a span
found in normalised text maps back to the original input.
"""

from __future__ import annotations

import base64
import binascii
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from railguard.text import ciphers, scrambled

# Zero-width characters, bidi controls, soft hyphen, word joiners, BOM, variation selectors, tags.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0000-\U000e007f]"
)

# Letters of other scripts that render like Latin ones. Applied only inside words that also hold
# Latin letters, so Russian or Greek text is left alone.
_CONFUSABLES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t",
    "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l", "ɡ": "g",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S",
    "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
})
_CONFUSABLE_CHARS = frozenset(k for k in map(chr, _CONFUSABLES))


def _letters_from(first: int, upper: bool = False) -> dict[int, str]:
    base = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if upper else "abcdefghijklmnopqrstuvwxyz"
    return {first + k: ch for k, ch in enumerate(base)}


# "Fancy text" letters NFKC leaves alone (or turns into "(a)"): small capitals, parenthesised,
# negative circled / squared and regional-indicator letters.
_FANCY = str.maketrans({
    **dict(zip("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡʏᴢ", "abcdefghijklmnopqrstuvwyz", strict=True)),
    **_letters_from(0x249C), **_letters_from(0x1F150, True), **_letters_from(0x1F170, True),
    **_letters_from(0x1F1E6, True),
})
_WORD = re.compile(r"[^\W\d_]+")

_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
# A token with letters and leet characters, where each leet character sits between letters
# (or a symbol starts the word: "@ss", "$ex"). Digits at the end ("covid19", "mp3") are left alone.
_LEET_TOKEN = re.compile(r"(?<![\w@$!*])(?:[@$]|[^\W\d_])[\w@$!*]*(?:[^\W\d_]|\$)(?![\w@$!*])")
# Words that people censor or leet-speak; used to resolve "k*ll" to "kill".
_CENSORED_WORDS = (
    "kill", "killing", "murder", "suicide", "bomb", "fuck", "fucking", "shit", "bitch", "cunt", "dick",
    "pussy", "whore", "slut", "nigger", "nigga", "faggot", "fag", "retard", "bastard", "asshole", "ass",
    "porn", "sex", "rape", "nazi", "hack", "hacker", "drugs", "cocaine", "heroin", "meth", "weapon", "gun",
    "shoot", "stab", "terrorist", "die", "hate", "damn", "crap", "penis", "vagina", "nude", "nudes",
)
# One separator throughout a run: "W.r.i.t.e a spear" is the word "Write", then "a spear".
_SPACED = re.compile(r"(?<![^\W_])[^\W\d_]([ .\-_*·•])(?:[^\W\d_]\1)+[^\W\d_](?![^\W_])")
_STRETCHED = re.compile(r"([^\W\d_])\1{2,}")
# Single-letter words ("a bomb", "I", Spanish "y", French "à") that may start a run of spaced letters.
_ONE_LETTER_WORDS = frozenset("aioyeuàAIOYEUÀ")


@dataclass(frozen=True)
class Normalized:
    """Normalised text plus, for each of its characters, the original [start, end) it came from."""

    text: str
    original: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) range of `text` to the range of `original` it came from."""
        if not self.text:
            return (0, 0)
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        if start == end:
            pos = self.starts[start] if start < len(self.text) else len(self.original)
            return (pos, pos)
        # min / max, not the ends: a reversed reading (upside-down text) maps its first character to the
        # run's last one
        return (min(self.starts[start:end]), max(self.ends[start:end]))

    def __len__(self) -> int:
        return len(self.text)


def _identity(text: str) -> Normalized:
    n = len(text)
    return Normalized(text, text, tuple(range(n)), tuple(range(1, n + 1)))


Piece = tuple[str, int, int]  # replacement text and the [start, end) of the match it stands for


def _rewrite(src: Normalized, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str | list[Piece] | None]) -> Normalized:
    """Replace each match by repl(match) (None keeps it).

    A replacement of the same length maps character by character; a list of pieces maps each piece to
    its own part of the match; any other string maps to the whole match.
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    changed = False
    for m in pattern.finditer(src.text):
        new = repl(m)
        if new is None or new == m.group(0):
            continue
        changed = True
        out.append(src.text[pos:m.start()])
        starts.extend(src.starts[pos:m.start()])
        ends.extend(src.ends[pos:m.start()])
        if isinstance(new, str) and len(new) == m.end() - m.start():
            new = [(ch, k, k + 1) for k, ch in enumerate(new)]
        if isinstance(new, str):
            if m.end() > m.start():
                o_start, o_end = src.starts[m.start()], src.ends[m.end() - 1]
            else:  # an empty match inserts at a position
                o_start = o_end = src.starts[m.start()] if m.start() < len(src.text) else len(src.original)
            out.append(new)
            starts.extend([o_start] * len(new))
            ends.extend([o_end] * len(new))
        else:
            for piece, a, b in new:
                o_start, o_end = src.starts[m.start() + a], src.ends[m.start() + b - 1]
                out.append(piece)
                starts.extend([o_start] * len(piece))
                ends.extend([o_end] * len(piece))
        pos = m.end()
    if not changed:
        return src
    out.append(src.text[pos:])
    starts.extend(src.starts[pos:])
    ends.extend(src.ends[pos:])
    return Normalized("".join(out), src.original, tuple(starts), tuple(ends))


def _nfkc(src: Normalized) -> Normalized:
    if src.text.isascii():
        return src
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(src.text):
        if ch.isascii():
            new = ch
        else:
            new = unicodedata.normalize("NFKC", ch.translate(_FANCY))
        out.append(new)
        starts.extend([src.starts[i]] * len(new))
        ends.extend([src.ends[i]] * len(new))
    return Normalized("".join(out), src.original, tuple(starts), tuple(ends))


def _unconfuse(m: re.Match[str]) -> str | None:
    word = m.group(0)
    if word.isascii() or not any(c.isascii() for c in word):
        return None
    if not any(c in _CONFUSABLE_CHARS for c in word):
        return None
    return word.translate(_CONFUSABLES)


def _censored_candidates(word: str) -> str | None:
    low = word.lower()
    pat = re.compile("^" + "".join("." if c == "*" else re.escape(c) for c in low) + "$")
    for cand in _CENSORED_WORDS:
        if pat.match(cand):
            return cand if word.islower() or not word[:1].isupper() else cand.capitalize()
    return None


def _deleet(m: re.Match[str]) -> str | None:
    tok = m.group(0)
    if tok.isalpha():
        return None
    if "*" in tok:
        fixed = _censored_candidates(tok)
        if fixed is not None:
            return fixed
        if tok.replace("*", "").isalpha():
            return None
    if any(c.isdigit() and c not in _LEET for c in tok):
        return None
    if tok.endswith("$") and not tok[-2].islower():  # "US$" is a currency, "lyr!c$" a word
        return None
    letters = sum(c.isalpha() for c in tok)
    if letters < 2 or letters < (len(tok) + 1) // 2:
        return None
    return "".join(_LEET.get(c, c) for c in tok)


def clean(text: str) -> Normalized:
    """NFKC, invisible characters removed, look-alike letters folded inside mixed-script words."""
    n = _nfkc(_identity(text))
    n = _rewrite(n, _INVISIBLE, lambda m: "")
    return _rewrite(n, _WORD, _unconfuse)


def _unspace(m: re.Match[str]) -> list[Piece]:
    # letters sit at even offsets of the run: "k i l l" -> k@0 i@2 l@4 l@6
    pieces: list[Piece] = [(m.group(0)[k], k, k + 1) for k in range(0, len(m.group(0)), 2)]
    # Only spaces make a one-letter word ambiguous ("a b o m b"); "e.l.e.c.t.r.o" is one word.
    if len(pieces) >= 5 and pieces[0][0] in _ONE_LETTER_WORDS and m.group(1) == " ":
        pieces.insert(1, (" ", 1, 2))
    return pieces


# Base64 and hex runs that decode to readable text ("decode this base64 and answer it: aG93IHRv...")
# hide a request from every n-gram; the classifier level reads what they say. Runs that decode to
# binary or gibberish (hashes, keys, ids) are left alone. Found by the adversarial loop (docs/adversarial.md).
_B64_RUN = re.compile(r"(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{16,}={0,2}(?![A-Za-z0-9+/=])")
_HEX_RUN = re.compile(r"(?<![0-9A-Fa-f])[0-9A-Fa-f]{2}(?:[ :]?[0-9A-Fa-f]{2}){7,}(?![0-9A-Fa-f])")


def _readable(raw: bytes) -> str | None:
    try:
        s = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    visible = [c for c in s if not c.isspace()]
    if len(visible) < 6 or " " not in s.strip() or not all(c.isprintable() or c in "\n\t" for c in s):
        return None
    return s if sum(c.isalpha() for c in visible) >= 0.6 * len(visible) else None


def _decode_b64(m: re.Match[str]) -> str | None:
    s = m.group(0)
    if len(s) % 4 == 1 or s.isalpha() and (s.islower() or s.isupper()):
        return None
    try:
        raw = base64.b64decode(s + "=" * (-len(s) % 4))
    except (binascii.Error, ValueError):
        return None
    text = _readable(raw)
    return f" {text} " if text is not None else None


def _decode_hex(m: re.Match[str]) -> str | None:
    text = _readable(bytes.fromhex(re.sub("[ :]", "", m.group(0))))
    return f" {text} " if text is not None else None


def _spaced_out(decode: Callable[[str], str | None]) -> Callable[[re.Match[str]], str | None]:
    def repl(m: re.Match[str]) -> str | None:
        text = decode(m.group(0))
        return f" {text} " if text is not None else None

    return repl


# Standard escapes (railguard.text.ciphers): each run is replaced by what it says.
_PERCENT_RUN = re.compile(r"(?:[\w.~+\-]*%[0-9A-Fa-f]{2}){2,}[\w.~+\-]*")
_HTML_REF = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BACKSLASH_RUN = re.compile(r"(?:\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})+|(?:\\[xX][0-9A-Fa-f]{2})+")
_OCTET_RUN = re.compile(r"(?<![01])[01]{8}(?:[ ,]?[01]{8}){3,}(?![01])")
_CODE_SEP = r"(?:\s*[,;]\s*|\s+)"
_CODE_RUN = re.compile(rf"(?<![\d.])\d{{2,7}}(?:{_CODE_SEP}\d{{2,7}}){{5,}}(?![\d.])")
_HEX_CODE = r"(?:0[xX]|[uU]\+)[0-9A-Fa-f]{2,6}"
_HEX_CODE_RUN = re.compile(rf"(?<![\w+]){_HEX_CODE}(?:{_CODE_SEP}{_HEX_CODE}){{5,}}(?![0-9A-Fa-f])")
_CODE_CALL = r"(?:chr|unichr|char|Char|CHAR|ChrW|ChrW\$|Chr\$|Chr)\s*\(\s*(?:0[xX][0-9A-Fa-f]+|\d+)\s*\)"
_CODE_CALL_RUN = re.compile(rf"\b{_CODE_CALL}(?:\s*(?:[+.,&|]|\|\|)?\s*{_CODE_CALL}){{5,}}")
_B32_RUN = re.compile(r"(?<![A-Za-z0-9+/=])(?:[A-Z2-7]{16,}|[a-z2-7]{16,})={0,6}(?![A-Za-z0-9+/=])")
_OCTAL_ESC_RUN = re.compile(r"(?:\\[0-7]{3}){4,}")
_A85_MARKED = re.compile(r"<~[!-uz\s]{4,}?~>")
# A bare base85 / Ascii85 run is a whole token of 20+ visible ASCII characters; tried after base64 and hex.
_B85_BARE = re.compile(r"(?<!\S)[!-~]{20,}(?!\S)")
_TURNED_ANY = re.compile(f"[{ciphers.TURNED_LETTERS}]")
_LINE = re.compile(r"[^\n]+")
_MORSE_RUN = re.compile(r"(?<![\w.\-])[.\-·•∙−–—_]{1,7}(?:(?: ?/ ?| {1,3})[.\-·•∙−–—_]{1,7}){5,}(?![\w.\-])")
# Words run together: "how_to_make", "how+to+make", "how-to-make-a-x", "howToMakeABomb".
_JOINED = re.compile(r"(?<![\w+])[^\W_]+[^\w\s]*([_+.\-])(?:[^\W_]+[^\w\s]*\1)+[^\W_]+")
_CAMEL = re.compile(r"\b[A-Za-z]*[a-z][A-Z][A-Za-z]*\b")
# A cipher is looked for within one clause: a line, or the text between colons, quotes and brackets.
_CLAUSE = re.compile(r"[^\n:\"“”«»<>{}\[\]()=|]{12,}")
MAX_CIPHER_CLAUSES = 8  # clauses tried per text: a long text in an unlisted language stays cheap


_BRAILLE_RUN = re.compile(r"[\u2800-\u28ff](?:[\u2800-\u28ff \t\d.,;:!?'\"()\-]*[\u2800-\u28ff])?")
_A1Z26_RUN = re.compile(
    rf"(?<![\w^*.]){ciphers.A1Z26_NUMBER}(?:[\s\-.,/|'’?!:;\"()]+{ciphers.A1Z26_NUMBER}){{5,}}(?!\w)")
# Words out of order behind their positions ("3:to 1:how 2:want"): a request split so that no n-gram of it
# survives. Read only when the numbers are exactly 1..k, k >= 4, and not already in order (a
# numbered list reads fine as it is); each word must hold a letter, so times ("10:30") never count.
_NUMBERED_WORD = r"\d{1,3}[:)=]\S*?[^\W\d_]\S*"
_NUMBERED_RUN = re.compile(rf"(?<!\S){_NUMBERED_WORD}(?:\s+{_NUMBERED_WORD}){{3,}}(?!\S)")
_NUMBERED_SPLIT = re.compile(r"(\d{1,3})[:)=](\S+)")


def _unshuffled_run(run: str) -> str | None:
    parts = [_NUMBERED_SPLIT.fullmatch(tok) for tok in run.split()]
    if None in parts:
        return None
    numbered = [(int(p.group(1)), p.group(2)) for p in parts]  # type: ignore[union-attr]
    ordered = sorted(numbered)
    if [k for k, _ in ordered] != list(range(1, len(ordered) + 1)) or ordered == numbered:
        return None
    return " ".join(w for _, w in ordered)


MAX_FENCE_LINES = 8      # lines tried as a rail fence per text: a long text of code or lists stays cheap
MAX_FENCE_CHARS = 1500   # a longer line is not read as one fenced message


def _unfenced(n: Normalized) -> Normalized:
    """Lines (or a line's part after its last colon) that read as prose only once put back from a rail fence."""
    tried = 0

    def repl(m: re.Match[str]) -> list[Piece] | None:
        nonlocal tried
        line = m.group(0)
        if tried >= MAX_FENCE_LINES or len(line) > MAX_FENCE_CHARS or len(line.strip()) < 16:
            return None
        cut = line.rfind(": ") + 2 if ": " in line else 0
        for a in dict.fromkeys((0, cut)):
            tried += 1
            found = ciphers.rail_fence(line[a:])
            if found is not None:
                text, src = found
                return [(line[k], k, k + 1) for k in range(a)] + [(ch, a + j, a + j + 1) for ch, j in zip(text, src, strict=True)]
        return None

    return _rewrite(n, _LINE, repl)


def _unjoin(m: re.Match[str]) -> str | None:
    sep, run = m.group(1), m.group(0)
    parts = run.split(sep)
    if len(parts) < (3 if sep in "_+" else 4) or sum(c.isalpha() for c in run) < 0.6 * len(run):
        return None
    return run.replace(sep, " ")  # same length: characters map one to one


def _uncamel(m: re.Match[str]) -> list[Piece] | None:
    letters = [c for c in m.string if c.isalpha()]
    if sum(c.isupper() for c in letters) > 0.3 * len(letters):
        return None  # rAnDoM casing of the whole text, not identifiers
    word = m.group(0)
    cuts = ciphers.camel_cuts(word)
    if not cuts:
        return None
    pieces: list[Piece] = []
    for k, ch in enumerate(word):
        pieces.append((" " + ch if k in cuts else ch, k, k + 1))
    return pieces


def _unciphered_clauses(n: Normalized) -> Normalized:
    tried = 0

    def repl(m: re.Match[str]) -> str | None:
        nonlocal tried
        if tried >= MAX_CIPHER_CLAUSES or ciphers.reads_as_prose(m.group(0)):
            return None
        tried += 1
        text = ciphers.unciphered(m.group(0))
        return f" {text.strip()} " if text is not None else None

    return _rewrite(n, _CLAUSE, repl)


# Combining marks. Stacked on letters where no language puts them ("b̈óm̃b", "Zalgo" text) they break
# every word apart; text showing that has all its combining marks dropped. Accents that compose into a
# letter of some language (NFC: é, ñ, and Vietnamese's two marks on one vowel) are not that sign;
# the few that do not compose but are real (Russian stress marks) lose nothing a classifier reads.
_MARK = "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
_MARKS = re.compile(f"{_MARK}+")
_UNCOMPOSED = re.compile(f"[^\\W\\d_]{_MARK}")


def _bare_base85(m: re.Match[str]) -> str | None:
    run = m.group(0)
    text = ciphers.base85(run)
    if text is None and len(run) > 21 and run[0] == run[-1] and run[0] in "\"'`":
        text = ciphers.base85(run[1:-1])  # quoted on its own: "...", `...`
    return f" {text} " if text is not None else None


def _unturned_line(m: re.Match[str]) -> list[Piece] | None:
    """The stretch of a line from its first to its last token with turned letters, read the right way up."""
    line = m.group(0)
    marked = [t for t in re.finditer(r"\S+", line) if _TURNED_ANY.search(t.group(0))]
    if not marked:
        return None
    a, b = marked[0].start(), marked[-1].end()
    found = ciphers.upside_down(line[a:b])
    if found is None:
        return None
    text, reversed_ = found
    pieces: list[Piece] = [(line[k], k, k + 1) for k in range(a)]
    pieces += [(ch, (b - 1 - j) if reversed_ else a + j, (b - j) if reversed_ else a + j + 1) for j, ch in enumerate(text)]
    return pieces + [(line[k], k, k + 1) for k in range(b, len(line))]


def _unturned(n: Normalized) -> Normalized:
    return _rewrite(n, _LINE, _unturned_line) if _TURNED_ANY.search(n.text) else n


def _unstacked(n: Normalized) -> Normalized:
    if not _MARKS.search(n.text) or not _UNCOMPOSED.search(unicodedata.normalize("NFC", n.text)):
        return n
    return _rewrite(n, _MARKS, lambda m: "")


def fold(n: Normalized) -> Normalized:
    """The classifier level on top of `clean`: encoded text decoded; upside-down text turned back; stacked
    marks, leetspeak, censoring, spacing, stretching and shuffled insides of words undone."""
    n = _unstacked(n)
    n = _unturned(n)
    n = _rewrite(n, _PERCENT_RUN, _spaced_out(ciphers.percent))
    n = _rewrite(n, _HTML_REF, lambda m: ciphers.html_ref(m.group(0)))
    n = _rewrite(n, _BACKSLASH_RUN, lambda m: ciphers.backslash(m.group(0)))
    n = _rewrite(n, _OCTET_RUN, _spaced_out(ciphers.octets))
    n = _rewrite(n, _OCTAL_ESC_RUN, _spaced_out(ciphers.octal_escapes))
    n = _rewrite(n, _A85_MARKED, _spaced_out(ciphers.base85))
    n = _rewrite(n, _CODE_CALL_RUN, _spaced_out(ciphers.code_calls))
    n = _rewrite(n, _CODE_RUN, _spaced_out(ciphers.char_codes))
    n = _rewrite(n, _HEX_CODE_RUN, _spaced_out(ciphers.hex_code_points))
    n = _rewrite(n, _MORSE_RUN, _spaced_out(ciphers.morse))
    n = _rewrite(n, _BRAILLE_RUN, _spaced_out(ciphers.braille))
    n = _rewrite(n, _A1Z26_RUN, _spaced_out(ciphers.a1z26))
    n = _rewrite(n, _HEX_RUN, _decode_hex)
    n = _rewrite(n, _B32_RUN, _spaced_out(ciphers.base32))
    n = _rewrite(n, _B64_RUN, _decode_b64)
    n = _rewrite(n, _B85_BARE, _bare_base85)
    n = _unfenced(n)
    n = _rewrite(n, _NUMBERED_RUN, _spaced_out(_unshuffled_run))
    n = _rewrite(n, _SPACED, _unspace)
    n = _rewrite(n, _JOINED, _unjoin)
    n = _rewrite(n, _CAMEL, _uncamel)
    n = _unciphered_clauses(n)
    n = _rewrite(n, _LEET_TOKEN, _deleet)
    n = _rewrite(n, _STRETCHED, lambda m: m.group(1))
    found = scrambled.readings(n.text)
    return _rewrite(n, scrambled.WORD, lambda m: found.get(m.group(0))) if found else n


def normalize(text: str) -> Normalized:
    """Both levels at once: the classifier level, mapping into the original text."""
    return fold(clean(text))

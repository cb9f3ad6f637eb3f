"""Readers for the escapes and word-level ciphers people hide requests in; pure str -> str | None.

`normalize.fold` calls them on matching runs so the classifier reads what a run says. Each returns
None when the run is not that encoding (or decodes to nothing readable), and the run is left alone.

Two kinds:
- Standard escapes, decoded exactly: URL percent-encoding, HTML character references, backslash
  escapes (\\uXXXX, \\xNN), binary octets, character codes (decimal, U+/0x hexadecimal, chr()/
  fromCharCode() calls; any script), octal byte escapes, base32, Ascii85 / base85, Morse code, upside-down
  text.
- Word-level ciphers with no marker (text spelled backwards, word by word or whole; Caesar shifts,
  ROT13 among them; Atbash). These are recognised by what they decode to: a run of letters that has
  few common words becomes the candidate reading with the most, if that one reads like prose.

Written from what the loop and the held-out sets showed (docs/adversarial.md): a guard only reads an
encoding somebody wrote a reader for, so these cover each family rather than one instance of it.
"""

from __future__ import annotations

import base64
import binascii
import functools
import html
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from urllib.parse import unquote, unquote_plus

from railguard.text.wordlists import word_counts

# Short function words of the Latin-script languages railguard reads most, by language: a reading
# that is mostly the words of one of these lists is prose; a run with few of them may be ciphered.
# Scored per language, so chance hits spread over several lists ("io", "os", "ne") add up to nothing.
_COMMON: dict[str, frozenset[str]] = {lang: frozenset(words.split()) for lang, words in {
    "en": "the of and to in is it you that he was for on are as with his they at be this have from or one had "
          "by but not what all were we when your can said there use an each which she do how their if will up "
          "other about out many then them these so some her would make like him into time has look two more "
          "write go see no way could my than first been call who its now find long down day did get come made "
          "may part me am should tell give explain show help need want why where know step steps guide someone "
          "people best any our us does just only also very much such here after before over under without",
    "es": "el la de que y en los se del las por un una para con no es lo como más pero sus le ya este sí porque "
          "cómo qué al su me mi hay muy sin sobre también hacer puedo",
    "fr": "le la les des est pas pour qui dans du elle au il ne sur se plus par je avec tout faire son comment "
          "et un une que en de ce mon ma mes vous nous sont",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an wie ich "
          "wir sie er du mein kann wird werden",
    "it": "il di che è non per una sono mi ma ha lo gli come più anche io la le un del della in con si",
    "pt": "de que do da em um para é com não uma os no se na por mais as dos como mas ao ele das eu meu",
    "nl": "de het een en van ik te dat die is in je niet zijn op aan met voor hoe wat er",
    "pl": "nie się na to że jak co po ale jest do są czy tak od za dla jego ich ze",
}.items()}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


_ANY_COMMON = frozenset().union(*_COMMON.values())


def reads_as_prose(text: str) -> bool:
    """A quick test on the first words: common words of any listed language above PLAIN_ABOVE."""
    words = [w for w in _WORD.findall(text, 0, 400) if len(w) >= 2]
    return not words or sum(w.lower() in _ANY_COMMON for w in words) > PLAIN_ABOVE * len(words)


def common_share(text: str) -> float:
    """The largest share, over the listed languages, of a text's words (two letters or more) that are
    that language's common words."""
    words = [w.lower() for w in _WORD.findall(text)]
    words = [w for w in words if len(w) >= 2]
    if not words:
        return 0.0
    return max(sum(w in common for w in words) for common in _COMMON.values()) / len(words)


def _prose(text: str) -> bool:
    return sum(c.isalpha() for c in text) >= 6 and " " in text.strip() and all(c.isprintable() or c in "\n\t" for c in text)


# ---------------------------------------------------------------- standard escapes
def percent(run: str) -> str | None:
    """'how%20to%20...' or a query string 'q=how+to%3F' -> its text."""
    text = unquote_plus(run) if "+" in run else unquote(run)
    return text if text != run and _prose(text) and "\ufffd" not in text else None


def html_ref(ref: str) -> str | None:
    """One HTML character reference ('&#104;', '&#x68;', '&amp;') -> its character."""
    ch = html.unescape(ref)
    return ch if ch != ref else None


def backslash(run: str) -> str | None:
    r"""A run of '\uXXXX' / '\UXXXXXXXX' / '\xNN' escapes -> its text (\x bytes read as UTF-8)."""
    try:
        if run.startswith(("\\x", "\\X")):
            return bytes(int(h, 16) for h in re.findall(r"\\[xX]([0-9A-Fa-f]{2})", run)).decode("utf-8")
        text = run.encode("ascii").decode("unicode_escape")
        return text.encode("utf-16", "surrogatepass").decode("utf-16")
    except (UnicodeError, ValueError):
        return None


def octets(run: str) -> str | None:
    """'01101000 01101111 ...' (8-bit groups) -> its text, if readable."""
    groups = run.split()
    if len(groups) == 1:
        groups = [run[i:i + 8] for i in range(0, len(run), 8)]
    if any(len(g) != 8 for g in groups):
        return None
    try:
        text = bytes(int(g, 2) for g in groups).decode("utf-8")
    except (UnicodeError, ValueError):
        return None
    return text if _prose(text) else None


# Scripts written without spaces between words: a decoded run in them needs no space to count as text.
_UNSPACED = ("CJK", "HIRAGANA", "KATAKANA", "THAI", "LAO", "KHMER", "MYANMAR")


def _script(ch: str) -> str:
    return unicodedata.name(ch, "?").split()[0]


def _plausible_text(text: str) -> bool:
    """Decoded numbers read as text: printable; letters in Latin plus at most one other script; Latin
    letters mostly ASCII (a list of arbitrary numbers decodes to a scatter of Latin Extended letters);
    words separated by spaces unless the script is one written without them."""
    if not text or not all(c.isprintable() or c in "\n\t" for c in text):
        return False
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 6 or len(letters) + text.count(" ") < 0.8 * len(text):
        return False
    scripts = Counter(_script(c) for c in letters)
    latin = [c for c in letters if _script(c) == "LATIN"]
    if len(set(scripts) - {"LATIN"}) > 1 or latin and sum(c.isascii() for c in latin) < 0.5 * len(latin):
        return False
    unspaced = sum(n for s, n in scripts.items() if s in _UNSPACED)
    return " " in text.strip() or unspaced >= 0.8 * len(letters)


def _from_code_points(nums: list[int]) -> str | None:
    if not nums or not all(32 <= n <= 0x10FFFF and not 0xD800 <= n < 0xE000 for n in nums):
        return None
    text = "".join(map(chr, nums))
    return text if _plausible_text(text) else None


def char_codes(run: str) -> str | None:
    """'104, 111, 119, 32, 116, 111' (decimal code points of any script) -> its text, if it reads as text."""
    return _from_code_points([int(n) for n in re.findall(r"\d+", run)])


def hex_code_points(run: str) -> str | None:
    """'U+0068 U+006F' or '0x68, 0x6f' (hexadecimal code points) -> its text, if it reads as text."""
    return _from_code_points([int(n, 16) for n in re.findall(r"(?:0[xX]|[uU]\+)([0-9A-Fa-f]{2,6})", run)])


def code_calls(run: str) -> str | None:
    """chr(104)+chr(111) / String.fromCharCode(104, 111) / (char)104 built strings -> their text."""
    return _from_code_points([int(n, 16) if n.lower().startswith("0x") else int(n)
                              for n in re.findall(r"0[xX][0-9A-Fa-f]+|\d+", run)])


def base32(run: str) -> str | None:
    """RFC 4648 base32 ('NBXXOIDUN4...', any case, padding optional) -> its text, if it reads as text."""
    body = run.rstrip("=")
    if len(body) % 8 in (1, 3, 6) or not (body.isupper() or body.islower()):
        return None
    try:
        text = base64.b32decode(body.upper() + "=" * (-len(body) % 8)).decode("utf-8")
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None
    return text if _plausible_text(text) else None


def octal_escapes(run: str) -> str | None:
    r"""'\150\157\167' (three-digit octal escapes, one byte each, as printf, C and Python bytes write
    them) -> its text read as UTF-8, if it reads as text."""
    try:
        text = bytes(int(d, 8) for d in re.findall(r"\\([0-7]{3})", run)).decode("utf-8")
    except (UnicodeError, ValueError):
        return None  # a value over 255 ('\777') is no byte
    return text if _plausible_text(text) else None


def base85(run: str) -> str | None:
    """Ascii85 (Adobe '<~...~>' or bare, as btoa, PostScript and PDF write it) or RFC 1924 base85 (Python's
    b85encode, git binary patches) -> its text, if one of them reads as text."""
    body = run.strip()
    if body.startswith("<~") and body.endswith("~>"):
        attempts: tuple[Callable[[], bytes], ...] = (lambda: base64.a85decode(body, adobe=True, ignorechars=" \t\r\n"),)
    else:
        attempts = (lambda: base64.b85decode(body), lambda: base64.a85decode(body))
    for decode in attempts:
        try:
            text = decode().decode("utf-8")
        except (UnicodeError, ValueError):
            continue
        if _plausible_text(text):
            return text
    return None


# ---------------------------------------------------------------- upside-down text
# Turned letters as the upside-down text generators write them (several forms for some), -> the letter.
# The ASCII letters that turn into each other (b/q, d/p, n/u, M/W, 6/9) swap too, but only inside a run
# that the turned letters already mark as upside down.
_TURNED: dict[str, str] = {
    **dict.fromkeys("ɐ∀", "a"), **dict.fromkeys("ɔ", "c"), **dict.fromkeys("ǝ", "e"), **dict.fromkeys("ɟ", "f"),
    **dict.fromkeys("ƃᵷ", "g"), **dict.fromkeys("ɥ", "h"), **dict.fromkeys("ᴉı", "i"), **dict.fromkeys("ɾ", "j"),
    **dict.fromkeys("ʞ", "k"), **dict.fromkeys("ꞁןʅ", "l"), **dict.fromkeys("ɯ", "m"), **dict.fromkeys("ɹ", "r"),
    **dict.fromkeys("ʇ", "t"), **dict.fromkeys("ʌ", "v"), **dict.fromkeys("ʍ", "w"), **dict.fromkeys("ʎ", "y"),
    **dict.fromkeys("ꓭᗺ", "B"), **dict.fromkeys("Ɔ", "C"), **dict.fromkeys("ᗡꓷ", "D"), **dict.fromkeys("Ǝ", "E"),
    **dict.fromkeys("Ⅎꓞ", "F"), **dict.fromkeys("⅁ꓨ", "G"), **dict.fromkeys("ſꓩ", "J"), **dict.fromkeys("ꓘꞰ", "K"),
    **dict.fromkeys("˥ꓶ⅂", "L"), **dict.fromkeys("Ԁꓒ", "P"), **dict.fromkeys("ᴚꓤ", "R"), **dict.fromkeys("⊥ꓕꞱ", "T"),
    **dict.fromkeys("∩ꓵ", "U"), **dict.fromkeys("Λꓥ", "V"), **dict.fromkeys("⅄", "Y"),
    "Ɩ": "1", "ᄅ": "2", "Ɛ": "3", "ㄣ": "4", "ϛ": "5", "ㄥ": "7",
    "¿": "?", "¡": "!", "˙": ".", "„": '"', "⅋": "&", "‾": "_", "؛": ";",
}
_TURNED_BACK = str.maketrans({**_TURNED, "b": "q", "q": "b", "d": "p", "p": "d", "n": "u", "u": "n", "M": "W",
                              "W": "M", "6": "9", "9": "6", "?": "¿", "!": "¡", "'": ",", ",": "'", "(": ")", ")": "(", "[": "]",
                              "]": "[", "{": "}", "}": "{", "<": ">", ">": "<"})
# The turned letters that mark a run: no punctuation (Spanish writes ¿ and ¡) and no dotless i (Turkish).
TURNED_LETTERS = "".join(c for c in _TURNED if c.isalpha() and c != "ı")
MIN_TURNED = 3


def upside_down(run: str) -> tuple[str, bool] | None:
    """A run of upside-down text ('¿ʞɔol ɐ ʞɔᴉd I op ʍoH') -> (its text, whether it was reversed): turned
    letters put back, read backwards (rotated text) or forwards (letters turned in place), whichever
    reads as prose. None if neither does: IPA transcriptions and languages that write ɔ or ǝ stay."""
    if sum(c in TURNED_LETTERS for c in run) < MIN_TURNED:
        return None
    turned = run.translate(_TURNED_BACK)
    backwards, forwards = common_share(turned[::-1]), common_share(turned)
    if max(backwards, forwards) < READS_AS_PROSE:
        return None
    return (turned[::-1], True) if backwards >= forwards else (turned, False)


_MORSE = {
    ".-": "a", "-...": "b", "-.-.": "c", "-..": "d", ".": "e", "..-.": "f", "--.": "g", "....": "h", "..": "i",
    ".---": "j", "-.-": "k", ".-..": "l", "--": "m", "-.": "n", "---": "o", ".--.": "p", "--.-": "q", ".-.": "r",
    "...": "s", "-": "t", "..-": "u", "...-": "v", ".--": "w", "-..-": "x", "-.--": "y", "--..": "z",
    "-----": "0", ".----": "1", "..---": "2", "...--": "3", "....-": "4", ".....": "5", "-....": "6",
    "--...": "7", "---..": "8", "----.": "9", ".-.-.-": ".", "--..--": ",", "..--..": "?", "-.-.--": "!",
}
_MORSE_DOTS = str.maketrans({"·": ".", "•": ".", "∙": ".", "−": "-", "–": "-", "—": "-", "_": "-"})


def morse(run: str) -> str | None:
    """'.... --- .-- / - ---' (letters by spaces, words by '/' or three spaces) -> 'how to'."""
    run = run.translate(_MORSE_DOTS)
    words = re.split(r"\s*[/|]\s*|\s{3,}", run.strip())
    out = []
    for w in words:
        letters = [_MORSE.get(g) for g in w.split()]
        if not letters or None in letters:
            return None
        out.append("".join(letters))  # type: ignore[arg-type]
    text = " ".join(out)
    # "- - - / - - -" is a divider, not "ttt ttt"
    return text if len(out) >= 2 and _prose(text) and len(set(text) - {" "}) >= 3 else None


# ---------------------------------------------------------------- braille
# Six-dot braille as print readers transcribe it (grade 1, the English letter cells): ⠠ capitalises the next
# letter, ⠼ starts a number (a-j cells are the digits 1-0 until a blank), the blank cell is a space. Braille
# on a screen is always someone spelling text out, so a run is read whenever most of its cells are letters.
_BRAILLE_LETTER = dict(zip("⠁⠃⠉⠙⠑⠋⠛⠓⠊⠚⠅⠇⠍⠝⠕⠏⠟⠗⠎⠞⠥⠧⠺⠭⠽⠵", "abcdefghijklmnopqrstuvwxyz", strict=True))
_BRAILLE_DIGIT = dict(zip("⠁⠃⠉⠙⠑⠋⠛⠓⠊⠚", "1234567890", strict=True))
_BRAILLE_MARK = {"⠂": ",", "⠲": ".", "⠦": "?", "⠖": "!", "⠆": ";", "⠒": ":", "⠄": "'", "⠤": "-", "⠀": " "}
BRAILLE_CAPITAL, BRAILLE_NUMBER = "⠠", "⠼"


def braille(run: str) -> str | None:
    """'⠠⠓⠕⠺ ⠙⠕ ⠊' -> 'How do I'; None when too few of the run's cells are letters (grade-2
    contractions, dot art)."""
    out: list[str] = []
    capital = number = False
    letters = cells = 0
    for ch in run:
        if "\u2800" <= ch <= "\u28ff":
            cells += 1
            if ch == BRAILLE_CAPITAL:
                capital = True
                continue
            if ch == BRAILLE_NUMBER:
                number = True
                continue
            if number and ch in _BRAILLE_DIGIT:
                out.append(_BRAILLE_DIGIT[ch])
                continue
            number = False
            if ch in _BRAILLE_LETTER:
                letters += 1
                out.append(_BRAILLE_LETTER[ch].upper() if capital else _BRAILLE_LETTER[ch])
            else:
                out.append(_BRAILLE_MARK.get(ch, ""))
            capital = False
        else:
            number = number and not ch.isspace()
            capital = False
            out.append(ch)
    if letters < 4 or letters < 0.6 * (cells - run.count(BRAILLE_CAPITAL) - run.count(BRAILLE_NUMBER)):
        return None
    return "".join(out)


# ---------------------------------------------------------------- letters as numbers
# A1Z26: each letter as its place in the alphabet. Letters of a word are joined by '-', '.', ',' or one space;
# words are parted by '/', '|', a line break or two spaces or more (or by one space when the letters are
# joined by a mark). A caret or an asterisk before a number may mark a capital. Only a reading that is prose
# counts: lists of small numbers (scores, versions, dates) decode to nothing of the sort.
A1Z26_NUMBER = r"([\^*]?)(2[0-6]|1\d|[1-9])(?!\d)"  # an optional capital mark, then 1-26 (the run pattern too)
_A1Z26_NUMBER = re.compile(A1Z26_NUMBER)


def a1z26(run: str) -> str | None:
    """'8-15-23 20-15' or '8 15 23 / 20 15' -> 'how to', if that reads as prose."""
    joined = re.search(r"\d[-.,]\d", run) is not None
    parts = re.split(r"\s*[/|]\s*|\s*\n\s*|\s{2,}" + (r"|\s+" if joined else ""), run.strip())
    words = []
    for part in parts:
        letters = [chr(96 + int(n)).upper() if cap else chr(96 + int(n))
                   for cap, n in _A1Z26_NUMBER.findall(part)]
        words.append("".join(letters) + re.sub(r"[\d\s\-.,^*]", "", part))
    text = " ".join(w for w in words if w)
    found = [w.lower() for w in _WORD.findall(text) if len(w) >= 2]
    if len(found) < 3 or sum(w in _ANY_COMMON for w in found) < 2 or common_share(text) < READS_AS_PROSE:
        return None
    return text


# ---------------------------------------------------------------- rail fence
# A transposition: the text written in a zigzag over k rows, read off row by row. Nothing marks it; a line
# that is not prose is read back over 2..MAX_RAILS rails, and the reading that is prose (and clearly more so
# than the others) wins.
MAX_RAILS = 8
FENCE_SAMPLE = 240          # characters a line is first judged on (prose or not), before any reading
FENCE_MIN_WORDS = 4         # words of three letters or more in the reading
FENCE_ENGLISH = 0.75        # an English reading: this share of those in the English list ...
FENCE_COMMON = 0.15         # ... this share of function words ...
FENCE_MARGIN_ENGLISH = 0.4  # ... and this much more of the list's words than the line itself
FENCE_LONG_COMMON = 0.4     # another language: this share of the reading's longer words are its function words
FENCE_ENGLISH_BEFORE = 0.5  # a line more of whose words than this are in the (large) English list is not tried


def _unfence_rows(items: list, rails: int, n: int) -> list:
    """`items` (a fenced text's characters, or their indices) put back where a rail fence of `rails` rows took
    them from. Each row is a contiguous slice of the fenced text and fills every period-th position (the
    middle rows two interleaved ones), so this is slicing, not a loop over characters."""
    period = 2 * (rails - 1)
    out = [None] * n
    at = 0
    for r in range(rails):
        if r in (0, rails - 1):
            size = len(range(r, n, period))
            out[r::period] = items[at:at + size]
        else:
            a, b = len(range(r, n, period)), len(range(period - r, n, period))
            row = items[at:at + a + b]
            out[r::period], out[period - r::period] = row[0::2], row[1::2]
            size = a + b
        at += size
    return out


_TRIM = ".,;:!?\"'()"


def _quick_share(text: str) -> float:
    tokens = text.lower().split()
    return sum(t.strip(_TRIM) in _ANY_COMMON for t in tokens) / len(tokens) if tokens else 0.0


def _english_share(words: list[str]) -> float:
    english = word_counts("en")  # loaded for every text anyway (scrambled words)
    return sum(w.lower() in english for w in words) / len(words) if words else 0.0


def rail_fence(run: str) -> tuple[str, list[int]] | None:
    """A rail-fenced line -> (its text, for each character of it the index in `run` it came from); None
    when no number of rails reads as prose."""
    n = len(run)
    if n < 16 or run.count(" ") < 3:
        return None
    # not reads_as_prose: a fence's fragments ("im", "de", "ok") pass that quick test
    own = _quick_share(run[:FENCE_SAMPLE])
    if own >= READS_AS_PROSE:
        return None
    own_english = _english_share(_long_words(run[:FENCE_SAMPLE]))
    if own_english > FENCE_ENGLISH_BEFORE or not run.isascii() and not _latin_letters(run):
        return None  # a list, a heading, names: English words with few function words; or another script
    chars = list(run)
    readings = []
    for k in range(2, min(MAX_RAILS, n // 2) + 1):
        text = "".join(_unfence_rows(chars, k, n))
        readings.append((_quick_share(text), k, text))
    readings.sort(key=lambda r: -r[0])
    common, k, text = readings[0]
    others = max([own, *(r[0] for r in readings[1:])])
    words = _long_words(text)
    if len(words) < FENCE_MIN_WORDS or common < FENCE_COMMON:
        return None
    english = _english_share(words)
    src = _unfence_rows(list(range(n)), k, n)
    # English: nearly all words are words (a fence of prose has almost none). Other languages: their
    # function words, clearly more than in any other reading.
    if english >= FENCE_ENGLISH and english - own_english >= FENCE_MARGIN_ENGLISH:
        return text, src
    long_common = [w for w in words if w.lower() in _ANY_COMMON]
    if common >= READS_AS_PROSE and common - others >= MARGIN and common_share(text) >= READS_AS_PROSE \
            and len(long_common) >= max(3, FENCE_LONG_COMMON * len(words)):
        return text, src  # chance readings hit two-letter words ("en", "me"), seldom longer ones
    return None


def _latin_letters(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) >= 0.8 * len(letters)


def _long_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if len(w) >= 3]


# ---------------------------------------------------------------- words run together
# a lower-case letter then a capital; or a one-letter word ("make|A|Bomb") before a capitalised one
_CAMEL_CUT = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[a-z][A-Z])(?=[A-Z][a-z])")


_CAMEL_PART = re.compile(r"[A-Za-z][a-z]+|[A-Z]")


def camel_cuts(word: str) -> list[int]:
    """Where 'howToMakeABomb' splits into words: positions before each new word (at least two). Every
    part must look like a word ('To', 'Make', 'A'), so rAnDoM casing ('mAke', 'BOmB') is not split."""
    cuts = [m.start() for m in _CAMEL_CUT.finditer(word)]
    if len(cuts) < 2:
        return []
    parts = [word[a:b] for a, b in zip([0, *cuts], [*cuts, len(word)], strict=True)]
    if len(parts[0]) < 2 or not all(_CAMEL_PART.fullmatch(p) for p in parts) or sum(len(p) == 1 for p in parts) * 2 > len(parts):
        return []
    return cuts


# ---------------------------------------------------------------- ciphers without a marker
_LOWER = "abcdefghijklmnopqrstuvwxyz"


def _table(lower: str) -> dict[int, str]:
    return str.maketrans(_LOWER + _LOWER.upper(), lower + lower.upper())


_SHIFTS = tuple(_table(_LOWER[k:] + _LOWER[:k]) for k in range(1, 26))  # ROT13 is _SHIFTS[12]
_ATBASH = _table(_LOWER[::-1])


def _words_reversed(text: str) -> str:
    return re.sub(r"\S+", lambda m: m.group(0)[::-1], text)


_READERS = (  # the first two are the reversals (see unciphered)
    _words_reversed,
    lambda t: t[::-1],
    lambda t: t.translate(_ATBASH),
    *(lambda t, tb=tb: t.translate(tb) for tb in _SHIFTS),
)

MIN_WORDS = 4          # a shorter run is too little evidence for a cipher
PLAIN_ABOVE = 0.12     # a run with a larger share of common words already reads as prose
READS_AS_PROSE = 0.3   # the best reading needs at least this share of common words ...
MARGIN = 0.15          # ... and this much more than the runner-up, or the run is left alone
SAMPLE_WORDS = 40      # readings are scored on the run's first words; the winner is applied to all of it


def _inverse(i: int) -> Callable[[str], str]:
    """The reader that undoes reader i on one word (reversal and Atbash undo themselves)."""
    if i < 3:
        return _READERS[i]
    k = i - 2  # reader i shifts by k; shifting by 26 - k undoes it
    return _READERS[2 + 26 - k] if k != 13 else _READERS[i]


@functools.cache
def _cipher_index() -> dict[str, tuple[tuple[int, str], ...]]:
    """A ciphered word -> the (reader, language) pairs that turn it into a common word: every reader's
    score from one pass over a run's words."""
    index: dict[str, list[tuple[int, str]]] = {}
    for i in range(len(_READERS)):
        if i == 1:
            continue  # on one word, whole reversal is word reversal
        undo = _inverse(i)
        for lang, words in _COMMON.items():
            for w in words:
                index.setdefault(undo(w), []).append((i, lang))
    return {k: tuple(v) for k, v in index.items()}


# A whole whitespace-separated token of letters, punctuation either side: hashes, ids and code are
# not words, and their letter fragments ("d081884c7d" -> "d", "c", "d") must not count as any.
_TOKEN = re.compile(r"(?<!\S)[^\w\s]*([^\W\d_]{2,}(?:['’][^\W\d_]+)?)[^\w\s]*(?!\S)")


def unciphered(run: str) -> str | None:
    """The run read backwards, word-reversed, Caesar-shifted (ROT13 included) or Atbash'd, when one of
    those reads as prose and the run itself does not; None otherwise."""
    tokens = run.split()
    words = [w.lower() for w in _TOKEN.findall(run)]
    if len(words) < MIN_WORDS or len(words) < 0.6 * len(tokens) or reads_as_prose(run):
        return None
    words = words[:SAMPLE_WORDS]
    if not _latin_letters(run):
        return None  # another script: ciphers here are of Latin letters
    index = _cipher_index()
    hits = Counter(pair for w in words for pair in index.get(w, ()))
    per_reader: dict[int, int] = {}
    for (i, _), n in hits.items():
        per_reader[i] = max(per_reader.get(i, 0), n)
    # Both reversals read the same words; they count as one reading here and are told apart below.
    ranked = sorted(((n / len(words), i) for i, n in per_reader.items()), reverse=True) + [(0.0, -1), (0.0, -1)]
    (best, i), (second, _) = ranked[0], ranked[1]
    if best < READS_AS_PROSE or best - second < MARGIN:
        return None
    if i == 0 and not _word_by_word(run):
        i = 1
    return _READERS[i](run)


def _word_by_word(run: str) -> bool:
    """Whether a reversed run was reversed word by word ('woH od I') rather than whole ('I od woH'):
    a sentence's capital and its final punctuation tell which end it started from."""
    words, stripped = _WORD.findall(run), run.strip()
    # no cue either way (lower case, no punctuation): word by word keeps the word order
    return not (stripped[:1] in ".?!" or len(words[-1]) > 1 and words[-1][-1].isupper())

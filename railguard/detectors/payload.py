"""The payload detector: a prompt that asks to decode something railguard cannot read, and then to act on it.

"Decode this and do what it says: <blob>" is a jailbreak tactic whatever the blob is: the request is kept
from the guard and handed to the model. railguard's normaliser reads the encodings it knows (base64, hex,
base32, base85, escapes, character codes, Morse, reversal, Caesar shifts, Atbash, upside-down text...), and
the text classifier then judges what they say. This detector covers the rest: every held-out robustness set
brought an encoding nobody had written a reader for, and a reader can only ever follow.

It fires when all three hold, in the text after the normaliser's readers:
- an instruction to decode, decipher, convert or undo something ("decode", "decipher", "translate it back",
  "undo the shift", in English and ten other languages),
- an instruction to then act on what it says ("answer it", "do what it says", "follow", "respond to"),
- a stretch the guard cannot read: a clause of letters with few words of any of nine languages' dictionaries
  (a cipher), or a long run of symbols and letters that is not a URL or a path (an unread encoding).

The score is 0.7, "controversial" under the default policy: strict mode counts it as unsafe, loose mode lets
it through. Prompts only; dictionaries (pyspellchecker's word-frequency lists, MIT) load on first use.
"""

from __future__ import annotations

import re

from railguard.detectors.base import Detection, Document, Finding, register
from railguard.text.wordlists import dictionary

SCORE = 0.7
MIN_LETTERS = 12        # a shorter clause is too little text to call unreadable
KNOWN_BELOW = 0.35      # a clause whose words are this rarely dictionary words is not read as any language

_DECODE = re.compile(
    r"\b(?:de-?code[sd]?|decoding|decipher(?:ed|ing)?|decrypt(?:ed|ing)?|de-?obfuscate|unscramble|"
    r"translate (?:it|this|that|them|the (?:text|message|line|letters|words))? ?back|"
    r"convert (?:it|this|that|them|the (?:text|message|bytes|letters|words|line))(?: back)?(?: in)?to (?:plain|normal|readable|english)|"
    r"undo (?:the|this|that) (?:cipher|encoding|shift|swap|substitution|transformation)|"
    r"reverse (?:the|this) (?:cipher|encoding|substitution|process)|"
    r"recover (?:the|its) (?:text|message|request|question|original)|"
    r"work out what (?:it|this|the (?:message|text|line)) says|"
    r"decodific\w*|descifr\w*|déchiffr\w*|décod\w*|dekodier\w*|entschlüssel\w*|entziffer\w*|decifr\w*|"
    r"decodeer\w*|ontcijfer\w*|"
    r"расшифру\w*|декодиру\w*)"
    r"|解码|解密|破译|译码|解読|デコード|復号|해독|디코딩|복호화",
    re.IGNORECASE)
_ACT = re.compile(
    r"\b(?:answer(?:ing)? (?:it|that|this|them|the (?:question|request)|what it (?:says|asks))|"
    r"(?:then |and )(?:answer|respond|reply|act|comply|help)|"
    r"respond(?:ing)? to (?:it|that|this|the (?:request|question|message|instruction)|what)|"
    r"reply to (?:it|that|this|the (?:request|question|message))|"
    r"act (?:on|upon) (?:it|that|this|what|the)|"
    r"do (?:what|as) (?:it|(?:the|this|that) (?:\w+ )?(?:text|message|line|note|sentence)) (?:says|asks|tells)|"
    r"follow (?:it|that|this|the (?:instructions?|request|message)|what|its)|"
    r"carry (?:it|them|that|(?:the|this) \w+(?: \w+)?) out|carry out|"
    r"execute (?:it|that|the (?:instructions?|request))|obey|"
    r"respond[ea]\w*|contest[ae]\w*|réponds|répondez|exécute\w*|antworte\w*|befolge\w*|rispond\w*|"
    r"responda\w*|beantwoord\w*|выполни\w*|ответь\w*)"
    r"|回答|回复|执行|照做|答えて|実行|답변|실행",
    re.IGNORECASE)
# Naming the code is a decode instruction too ("in a column cipher, key JUMPER ... carry it out").
_CODE_NAMED = re.compile(
    r"\b(?:cipher(?:text)?|enciphered|transposition|multi-?tap|keypad code|substitution (?:code|table)|"
    r"code table|secret code)\b", re.IGNORECASE)
_CLAUSE = re.compile(r"[^\n:\"“”«»<>{}\[\]()|]+")
_WORD = re.compile(r"[^\W\d_]{2,}")
# A run of small numbers in groups (a letter or a cell per group: Polybius squares, tap and keypad codes, a
# letter-number code the normaliser could not read as prose): a code, not a quantity.
_NUMBER_CODE = re.compile(r"(?<![\w.,])[\^*]?\d{1,4}(?:[ \t/|,\-^*]+\d{1,4}){11,}(?![\w.,])")
MIN_CODE_GROUPS = 12
MIN_CODE_WORDS = 8      # words of a clause spelled with at most three letters
# A long token of letters, digits and symbols with no spaces: an encoding the normaliser left alone.
_RUN = re.compile(r"(?<!\S)\S{24,}(?!\S)")
_NOT_ENCODED = re.compile(r"://|^www\.|^[\w.+-]+@[\w-]+\.|^[~./\\]|[/\\][\w.-]+[/\\]")


def _latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() or "\u00c0" <= c <= "\u024f" for c in letters) >= 0.8 * len(letters)


def unreadable(text: str) -> str | None:
    """The first stretch of `text` that reads as no language railguard knows: a cipher-like clause or a long
    unread encoded run; None if every stretch reads."""
    for m in _RUN.finditer(text):
        run = m.group(0)
        letters = sum(c.isalpha() for c in run)
        # many distinct characters (not a divider or ASCII art), not mostly letters (a long word or identifier)
        if not _NOT_ENCODED.search(run) and len(set(run)) >= 12 and letters < 0.75 * len(run) and run.isascii():
            return run
    for m in _NUMBER_CODE.finditer(text):
        groups = re.findall(r"\d+", m.group(0))
        # digits in a code repeat a small alphabet of groups; a table, a list of years or prices does not
        short = all(len(g) <= 2 or (len(g) <= 4 and len(set(g)) == 1) for g in groups)  # "44", or multi-tap "7777"
        if len(groups) >= MIN_CODE_GROUPS and len(set(groups)) <= 0.7 * len(groups) and short:
            return m.group(0)
    known = dictionary()
    if not known:
        return None
    for m in _CLAUSE.finditer(text):
        clause = m.group(0)
        words = [w.lower() for w in _WORD.findall(clause)]
        if sum(map(len, words)) < MIN_LETTERS or len(words) < 3 or not _latin(clause):
            continue  # other scripts: the encoder reads them, and ciphers here are of Latin letters
        if sum(w in known for w in words) < KNOWN_BELOW * len(words):
            return clause.strip()
        # a text in two or three letters is a code whatever its "words" happen to spell ("abba", "baa")
        if len(words) >= MIN_CODE_WORDS and len(set("".join(words))) <= 3:
            return clause.strip()
    return None


@register("payload", order=12)
class PayloadDetector:
    name = "payload"
    categories = ("jailbreak",)

    def detect(self, doc: Document) -> Detection:
        if doc.role != "prompt":
            return Detection()
        folded = doc.folded
        text = folded.text
        decode = _DECODE.search(text) or _CODE_NAMED.search(text)
        act = _ACT.search(text) if decode else None
        if decode is None or act is None:
            return Detection()
        blob = unreadable(text)
        if blob is None:
            return Detection()
        start, end = folded.to_original(decode.start(), decode.end())
        reason = "asks to decode something railguard cannot read and then act on it"
        finding = Finding(start=start, end=end, category="jailbreak", score=SCORE, detector="payload", reason=reason)
        phrase = f"'{decode.group(0)}' ... '{act.group(0)}' with an unreadable part: '{blob[:40]}'"
        return Detection(scores={"jailbreak": SCORE}, findings=[finding], evidence={"jailbreak": [phrase]})

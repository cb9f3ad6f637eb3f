"""The parts of a prompt that may carry its request on their own: lines, sentences, quoted strings,
comments, and what follows a short lead-in ("Answer in detail: ...").

A harmful request wrapped in benign text (a CSV row, a JSON field, an HTML comment, a role-play or
"for a school project" frame, a lead-in in another language) is diluted when the whole text is judged
at once: most of its words say nothing harmful. The classifier also judges each of these parts, so the
wrapper cannot outvote the request. Found by the adversarial loop's held-out benchmark
(docs/adversarial.md); nothing here knows any particular wrapper.
"""

from __future__ import annotations

import re

# Shorter parts carry too little to judge alone ("Yes.", "id,question").
MIN_CHARS = 10
MAX_SEGMENTS = 12
# Longer text is judged in windows instead (the classifier); this bound keeps the scans linear enough.
MAX_TEXT = 4000

_LINE = re.compile(r"[^\n]+")
# A sentence ends at . ! ? (followed by space) or at a CJK full stop / mark.
_SENTENCE = re.compile(r"[^.!?。！？\n]+(?:[.!?]+(?=\s|$)|[。！？]+|$)")
# Quoted spans of at least MIN_CHARS, one group per kind of quotes.
_QUOTED = re.compile("|".join(
    f"{open_}([^{stop}\\n]{{{MIN_CHARS},}}{lazy}){close}"
    for open_, stop, close, lazy in (
        ('"', '"', '"', ""), ("“", "”", "”", ""), ("«", "»", "»", ""), ("„", "“”", "[“”]", ""),
        ("「", "」", "」", ""), ("『", "』", "』", ""), (r"(?<!\w)'", "'", r"'(?!\w)", "?"),
    )))
_COMMENT = re.compile(r"<!--(.*?)-->|/\*(.*?)\*/", re.S)
# A lead-in ends with a colon within its first 100 characters (matched from a line's or comment's start).
_LEAD_IN = re.compile(r"[^\n:：]{3,100}[:：][ \t]*")


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in "?？!！。."):
        end -= 1
    return start, end


def segments(text: str) -> list[tuple[int, int]]:
    """[start, end) ranges of `text`'s parts (never the whole text), in order of first appearance."""
    text = text[:MAX_TEXT]
    found: dict[tuple[int, int], None] = {}  # ordered set

    def add(start: int, end: int) -> None:
        s, e = _strip(text, start, end)
        if e - s >= MIN_CHARS:
            found.setdefault((s, e))

    def add_after_lead_in(start: int, end: int) -> None:
        lead = _LEAD_IN.match(text, start, end)
        if lead and lead.end() < end:
            add(lead.end(), end)

    lines = list(_LINE.finditer(text))
    for ln in lines:
        if len(lines) > 1:
            add(ln.start(), ln.end())
        add_after_lead_in(ln.start(), ln.end())
        sentences = list(_SENTENCE.finditer(text, ln.start(), ln.end()))
        if len(sentences) > 1:
            for m in sentences:
                add(m.start(), m.end())
    for m in _QUOTED.finditer(text):
        g = m.lastindex or 0
        add(m.start(g), m.end(g))
    for m in _COMMENT.finditer(text):
        g = m.lastindex or 0
        add(m.start(g), m.end(g))
        inner = m.group(g)
        add_after_lead_in(m.start(g) + len(inner) - len(inner.lstrip()), m.end(g))
    whole = _strip(text, 0, len(text))
    return [r for r in found if r != whole][:MAX_SEGMENTS]

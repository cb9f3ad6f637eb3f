"""The PII detector: personal data in a prompt or response, each finding validated for its type.

Reads `doc.clean` (NFKC, invisible characters removed, so full-width digits and zero-width splits do not
hide a number) and reports findings in ORIGINAL offsets. Where findings overlap, a validated one beats
a pattern-only one, then the higher score, then the longer span.
"""

from __future__ import annotations

from collections.abc import Iterable

from railguard.detectors.base import Detection, Document, Finding, register
from railguard.detectors.pii_common import Candidate
from railguard.detectors.pii_structured import (
    find_cards,
    find_emails,
    find_ibans,
    find_ips,
    find_national_ids,
    find_phones,
)
from railguard.detectors.pii_text import DISCLOSURE_REASONS, find_addresses, find_dates_of_birth, find_persons

# A person's name alone, found by its shape (known or capitalised names, a greeting) rather than after a
# naming cue ("my name is", a title), is a mention, not a disclosure: "When was Marie Curie born?" is not a
# privacy risk. Alone it scores at most this (below every policy's `controversial`), so it is reported in
# findings and `redact` still replaces it, but it does not label the text. Beside any other personal data,
# or after a naming cue, a name counts in full.
NAME_MENTION_SCORE = 0.4

# Beyond this many characters, text is scanned in pieces so one huge input cannot stall the guard.
_MAX_CHARS = 200_000


def resolve(cands: Iterable[Candidate]) -> list[Candidate]:
    """Keep a non-overlapping set: validated first, then higher score, then longer."""
    ranked = sorted(cands, key=lambda c: (c.validated, c.score, c.end - c.start), reverse=True)
    kept: list[Candidate] = []
    for c in ranked:
        if c.end <= c.start:
            continue
        if any(c.start < k.end and k.start < c.end for k in kept):
            continue
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def find_candidates(text: str, language: str | None = None) -> list[Candidate]:
    cands: list[Candidate] = []
    cands.extend(find_emails(text))
    cands.extend(find_cards(text))
    cands.extend(find_ibans(text))
    cands.extend(find_ips(text))
    cands.extend(find_national_ids(text))
    cands.extend(find_phones(text, language))
    cands.extend(find_dates_of_birth(text))
    cands.extend(find_addresses(text))
    cands.extend(find_persons(text))
    return resolve(cands)


def category_score(findings: list[Finding]) -> float:
    """The pii score of a text: its strongest finding, except that name mentions alone count little."""
    top = max((f.score for f in findings), default=0.0)
    if findings and all(f.entity_type == "PERSON" and f.reason not in DISCLOSURE_REASONS for f in findings):
        return min(top, NAME_MENTION_SCORE)
    return top


@register("pii", order=10)
class PiiDetector:
    name = "pii"
    categories = ("pii",)

    def detect(self, doc: Document) -> Detection:
        norm = doc.clean
        text = norm.text
        if not text.strip():
            return Detection(scores={"pii": 0.0})
        if len(text) <= _MAX_CHARS:
            cands = find_candidates(text, doc.language)
        else:
            cands = []
            step = _MAX_CHARS - 1000
            for off in range(0, len(text), step):
                for c in find_candidates(text[off:off + _MAX_CHARS], doc.language):
                    cands.append(Candidate(c.start + off, c.end + off, c.entity_type, c.score, c.reason, c.validated))
            cands = resolve(cands)
        findings: list[Finding] = []
        for c in cands:
            start, end = norm.to_original(c.start, c.end)
            findings.append(Finding(start=start, end=end, category="pii", score=round(c.score, 4),
                                    entity_type=c.entity_type, detector="pii", reason=c.reason))
        top = category_score(findings)
        evidence = {"pii": [f"{f.entity_type}: {f.reason}" for f in sorted(findings, key=lambda f: -f.score)[:5]]}
        return Detection(scores={"pii": top}, findings=findings, evidence=evidence if findings else {})

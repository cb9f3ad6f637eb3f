"""The Guard: input -> normalise -> detectors -> fuse -> policy -> Verdict.

Detectors never see the policy and the policy never sees a model; this module is where they meet.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from railguard.detectors.base import Detection, Detector, Document, Finding, create, default_names, detect_many
from railguard.policy import Policy, load_policy
from railguard.redact import Operator, Redaction, redact_spans
from railguard.taxonomy import CATEGORIES
from railguard.text.language import detect_language
from railguard.verdict import ACTION_RANK, Span, Verdict

if TYPE_CHECKING:
    from railguard.stream import StreamSession

log = logging.getLogger("railguard")

# Detectors whose findings are personal data / secrets: what `redact` removes.
PRIVACY_DETECTORS = ("pii", "secrets")


class InputError(ValueError):
    """Input that cannot be judged (wrong type, invalid UTF-8); the message says what is wrong."""


def as_text(value: Any, what: str = "text") -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bytes | bytearray | memoryview):
        try:
            return bytes(value).decode("utf-8")
        except UnicodeDecodeError as e:
            raise InputError(f"{what} is not valid UTF-8 (byte {e.start}: {bytes(value)[e.start:e.start + 4]!r})") from None
    if value is None:
        raise InputError(f"{what} is missing")
    raise InputError(f"{what} must be a string, not {type(value).__name__}")


def _mask_allowed(text: str, policy: Policy) -> str:
    """Blank allow-listed phrases with spaces: detectors never judge them, offsets stay the same."""
    hits = list(policy.allow.finditer(text))
    if not hits:
        return text
    chars = list(text)
    for m in hits:
        for i in range(m.start(), m.end()):
            if not chars[i].isspace():
                chars[i] = " "
    return "".join(chars)


class Guard:
    """Judge prompts and responses.

    >>> guard = Guard()                        # default policy, embedded models
    >>> guard.check("how do I kill a python process").label
    'safe'
    """

    def __init__(self, policy: str | Path | Policy | dict | None = "default", detectors: Sequence[str | Detector] | None = None) -> None:
        self.policy: Policy = load_policy(policy)
        chosen = default_names() if detectors is None else detectors
        self.detectors: list[Detector] = [create(d) if isinstance(d, str) else d for d in chosen]
        self._privacy: list[Detector] | None = None

    # ------------------------------------------------------------------ public API
    def check(self, text: str | bytes, prompt: str | bytes | None = None) -> Verdict:
        """Judge a prompt, or with `prompt=` a model response in the context of its prompt."""
        return self.check_batch([text], [prompt])[0]

    def check_batch(self, texts: Sequence[str | bytes], prompts: Sequence[str | bytes | None] | None = None) -> list[Verdict]:
        """Judge many texts at once (models batch them); verdicts come back in order."""
        if isinstance(texts, str | bytes):
            raise InputError("check_batch takes a list of texts; use check() for one text")
        if prompts is not None and len(prompts) != len(texts):
            raise InputError(f"prompts has {len(prompts)} items but texts has {len(texts)}")
        t0 = time.perf_counter()
        n = len(texts)
        verdicts: list[Verdict | None] = [None] * n
        docs: list[Document] = []
        where: list[int] = []
        notes: dict[int, list[str]] = {}
        for i, raw in enumerate(texts):
            prompt = prompts[i] if prompts is not None else None
            text = as_text(raw, "text")
            ptext = as_text(prompt, "prompt") if prompt is not None else None
            role = "response" if ptext is not None else "prompt"
            if not text.strip():
                verdicts[i] = Verdict(label="safe", action="allow", rationale="Empty input: nothing to judge.",
                                      policy=self.policy.name, role=role)
                continue
            limits = self.policy.limits
            if len(text) > limits.max_chars:
                if limits.oversize == "block":
                    verdicts[i] = Verdict(
                        label="unsafe", action="block", role=role, policy=self.policy.name,
                        rationale=f"Input of {len(text):,} characters exceeds the policy limit of {limits.max_chars:,}; blocked unjudged (limits.oversize: block).",
                        errors=[f"input too long: {len(text)} > limits.max_chars {limits.max_chars}"])
                    continue
                notes[i] = [f"input truncated to limits.max_chars={limits.max_chars} of {len(text)} characters"]
                text = text[: limits.max_chars]
            if ptext is not None and len(ptext) > limits.max_chars:
                ptext = ptext[-limits.max_chars:]
            docs.append(self._document(text, role, ptext))
            where.append(i)

        per_doc: list[list[Detection]] = [[] for _ in docs]
        errors: list[list[str]] = [[] for _ in docs]
        for det in self.detectors:
            for j, res in enumerate(self._run_detector(det, docs)):
                if isinstance(res, Exception):
                    errors[j].append(f"detector {det.name} failed: {type(res).__name__}: {res}")
                else:
                    per_doc[j].append(res)

        elapsed = (time.perf_counter() - t0) * 1000.0 / max(1, n)
        for j, doc in enumerate(docs):
            i = where[j]
            verdicts[i] = self._decide(doc, per_doc[j], errors[j], notes.get(i, []))
        out = [v for v in verdicts if v is not None]
        for v in out:
            v.latency_ms = round(elapsed, 3)
        return out

    def redact(self, text: str | bytes, operator: Operator | None = None) -> Redaction:
        """Replace personal data and secrets; `.restore()` on the result puts them back into other text."""
        text = as_text(text)
        op = operator or self.policy.redaction.operator
        if not text:
            return Redaction(text=text, operator=op)
        doc = self._document(text)
        findings: list[Finding] = []
        for det in self._privacy_detectors():
            findings.extend(det.detect(doc).findings)
        return redact_spans(text, [(f.start, f.end, f.entity_type, f.score) for f in findings], op)

    def stream(self, prompt: str | None = None) -> StreamSession:
        """An incremental session that judges a response while it is generated."""
        from railguard.stream import StreamSession

        return StreamSession(self, prompt=prompt)

    def guard_stream(self, prompt: str | None, deltas: Iterable[str | bytes]) -> Iterator[str]:
        """Yield the deltas of a response until the policy stops the stream."""
        from railguard.stream import guard_stream

        return guard_stream(self, prompt, deltas)

    def check_image(self, image: Any, prompt: str | None = None) -> Verdict:
        """Judge an image: its text (OCR) through the text guard, plus an unsafe-imagery classifier."""
        from railguard.media.image import check_image

        return check_image(self, image, prompt=prompt)

    def check_audio(self, audio: Any, prompt: str | None = None) -> Verdict:
        """Judge an audio clip: its speech, transcribed offline, through the text guard."""
        from railguard.media.audio import check_audio

        return check_audio(self, audio, prompt=prompt)

    # ------------------------------------------------------------------ internals
    def _document(self, text: str, role: str = "prompt", prompt: str | None = None) -> Document:
        """What every detector reads: allow-listed phrases blanked, language identified."""
        doc = Document(text=_mask_allowed(text, self.policy), role=role, prompt=prompt,  # type: ignore[arg-type]
                       chunk_chars=self.policy.limits.chunk_chars, original=text)
        doc.language = detect_language(doc.clean.text)
        return doc

    def _privacy_detectors(self) -> list[Detector]:
        # A guard built without them still redacts: create them once, on first use.
        if self._privacy is None:
            mine = [d for d in self.detectors if d.name in PRIVACY_DETECTORS]
            self._privacy = mine or [create(n) for n in PRIVACY_DETECTORS]
        return self._privacy

    @staticmethod
    def _run_detector(det: Detector, docs: list[Document]) -> list[Detection | Exception]:
        if not docs:
            return []
        try:
            return list(detect_many(det, docs))
        except Exception:  # isolate the failing input; the others still get judged
            out: list[Detection | Exception] = []
            for d in docs:
                try:
                    out.append(det.detect(d))
                except Exception as e:
                    log.exception("detector %s failed", det.name)
                    out.append(e)
            return out

    def _deny_hits(self, doc: Document) -> tuple[dict[str, str], list[Finding]]:
        forced: dict[str, str] = {}
        findings: list[Finding] = []
        for rule in self.policy.deny:
            for level in (doc.clean, doc.folded):
                for m in rule.finditer(level.text):
                    s, e = level.to_original(m.start(), m.end())
                    findings.append(Finding(s, e, rule.category, 1.0, entity_type="DENY_LIST", detector=f"deny:{rule.name}",
                                            reason=f"matches deny-list '{rule.name}'"))
                    prev = forced.get(rule.category, "allow")
                    forced[rule.category] = max(prev, rule.action, key=ACTION_RANK.__getitem__)
        return forced, findings

    def _decide(self, doc: Document, detections: list[Detection], failures: list[str], notes: Sequence[str] = ()) -> Verdict:
        """`failures`: detectors that failed on this input (the policy's on_error decides); `notes`: other caveats."""
        original = doc.original
        scores: dict[str, float] = {}
        findings: list[Finding] = []
        evidence: dict[str, list[str]] = {}
        for det in detections:
            for cat, p in det.scores.items():
                scores[cat] = max(scores.get(cat, 0.0), float(p))
            findings.extend(det.findings)
            for cat, phrases in det.evidence.items():
                evidence.setdefault(cat, []).extend(p for p in phrases if p not in evidence.get(cat, []))
        forced, deny_findings = self._deny_hits(doc)
        findings.extend(deny_findings)
        for cat in forced:
            scores[cat] = max(scores.get(cat, 0.0), 1.0)

        label, action, fired = self.policy.decide(scores, forced)  # type: ignore[arg-type]
        if failures and self.policy.on_error == "block":
            label, action = "unsafe", "block"

        spans = _spans(original, [f for f in findings if f.category in fired])
        v = Verdict(
            label=label, action=action, categories=fired,
            scores={c: round(s, 4) for c, s in sorted(scores.items())},
            spans=spans, language=doc.language, policy=self.policy.name, role=doc.role, errors=[*failures, *notes],
        )
        v.rationale = _rationale(v, findings, evidence, failures, self.policy.on_error)
        redact_cats = {c for c in fired if self.policy.category_action(c, self.policy.level(c, scores[c])) == "redact"}
        if action == "redact" and redact_cats:
            red = redact_spans(original, [(s.start, s.end, s.entity_type or s.category, s.score) for s in spans if s.category in redact_cats],
                               self.policy.redaction.operator)
            v.redacted_text = red.text
        return v


def _spans(original: str, findings: list[Finding]) -> list[Span]:
    seen: set[tuple[int, int, str, str | None]] = set()
    out: list[Span] = []
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        key = (f.start, f.end, f.category, f.entity_type)
        if key in seen or f.end <= f.start:
            continue
        seen.add(key)
        out.append(Span(start=f.start, end=f.end, category=f.category, entity_type=f.entity_type,
                        text=original[f.start:f.end], score=round(min(1.0, max(0.0, f.score)), 4), detector=f.detector))
    return out


def _quote(s: str, limit: int = 60) -> str:
    s = " ".join(s.split())
    return f"\"{s[:limit]}{'…' if len(s) > limit else ''}\""


def _rationale(v: Verdict, findings: list[Finding], evidence: dict[str, list[str]], errors: list[str], on_error: str) -> str:
    if errors and on_error == "block":
        return f"Blocked because a detector failed and the policy fails closed (on_error: block): {errors[0]}"
    if not v.categories:
        top = max(v.scores.items(), key=lambda kv: kv[1], default=None)
        if top and top[1] > 0:
            return f"Safe: no category reached its threshold (highest: {top[0]} {top[1]:.2f})."
        return "Safe: no detector found anything."
    parts = []
    for cat in v.categories[:3]:
        meaning = CATEGORIES[cat].meaning.split(":")[0].split(",")[0] if cat in CATEGORIES else cat
        reasons = []
        for f in findings:
            if f.category == cat and f.reason and f.reason not in reasons:
                reasons.append(f.reason)
        phrases = evidence.get(cat, [])[:2] or [s.text for s in v.spans if s.category == cat][:2]
        detail = "; ".join(reasons[:2])
        if phrases:
            detail = (detail + " — " if detail else "") + ", ".join(_quote(p) for p in phrases)
        parts.append(f"{cat} ({v.scores.get(cat, 0):.2f}: {meaning}{', ' + detail if detail else ''})")
    more = f" and {len(v.categories) - 3} more" if len(v.categories) > 3 else ""
    return f"{v.label.capitalize()}, action {v.action} under policy '{v.policy}': " + "; ".join(parts) + more + "."

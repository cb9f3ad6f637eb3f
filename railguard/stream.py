"""Incremental moderation of a response while it is being generated.

    session = guard.stream(prompt="user prompt")
    for delta in llm_output:            # str or bytes deltas of any size: characters, tokens, words
        state = session.feed(delta)      # StreamState: label, categories, scores, stop, offset, ...
        if state.stop:
            break
    verdict = session.close()            # the final Verdict for the whole response

How it stays cheap (see docs/stream.md for the figures):

- `feed` does per-word work only: an incremental UTF-8 decoder for bytes, a regex that cuts the new
  text into whitespace-delimited words (a word split across deltas waits in a short pending buffer),
  and a bounded deque of the last `policy.stream.window_words` words.
- The detectors run only at judge points: the end of a sentence or a line, a clause mark (, ; :) once
  half of `every_words` new words arrived, or every `policy.stream.every_words` words. They judge the
  window (never the whole prefix) as a response, with the prompt as context, through the same
  detectors, deny and allow lists and policy as `Guard.check`. The window is the response's first
  sentence (at most OPENING_WORDS words: where refusals and disclaimers are) plus its last
  `window_words` words.
- Debounce: the stream stops after `policy.stream.debounce` consecutive windows that count toward a
  stop: a category blocks under the policy in the window with the prompt as context AND in the window's
  own words judged without the prompt; it is not a category of the request (jailbreak, prompt injection);
  and the response has at least `window_words / 2` words. A deny-list block counts at once. A window with
  a flag or redact action (PII under the default policy) is reported in the state (categories, spans in
  response offsets) but never cuts the stream.
- Bounded memory: the session keeps the window, at most `policy.limits.max_chars` characters of the
  response (its tail) for the final check, and per-category running maxima. An endless stream holds
  a constant amount of memory.
- `close()` judges the whole response through `Guard.check(response, prompt=...)`. A response longer
  than `limits.max_chars` is judged on its last `max_chars` characters, fused with the debounced
  per-window maxima (the earlier text was judged by windows only). A stopped stream always ends
  unsafe / block, with the stop's categories.

A session is not thread-safe: feed it from one task at a time.
"""

from __future__ import annotations

import bisect
import codecs
import dataclasses
import itertools
import re
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from railguard.detectors.base import Detection, Document
from railguard.guard import PRIVACY_DETECTORS, InputError, _mask_allowed
from railguard.text.language import detect_language
from railguard.verdict import ACTION_RANK, LABEL_RANK, Action, Label, Span, Verdict

if TYPE_CHECKING:
    from railguard.guard import Guard

# A "word" longer than this (a URL, base64, text with no spaces) is cut into pieces of this size, so the
# pending buffer and the window stay bounded whatever the input.
MAX_WORD_CHARS = 64
# Whitespace runs longer than this are kept in the window as one space or one newline.
_MAX_WS = 8
# The first sentence of the response (up to this many words) stays in every window: refusals and
# disclaimers sit there, and a window that scrolled past "I can't help with that" must still know it.
OPENING_WORDS = 24
# Detectors of local findings (personal data, secrets) judge only the words that are new since the
# previous window, plus this many words before them (an entity cut by the previous judge point):
# a stretch of text is scanned about once, not window_words / every_words times.
LOCAL_OVERLAP_WORDS = 8
# Language identification runs on the first window and on every LANGUAGE_EVERY-th one after.
LANGUAGE_EVERY = 16
# Windows judged together in one detector batch when one delta brings many judge points.
_BATCH = 16
# `policy.stream.request_categories` (default jailbreak, prompt_injection) describe the user's request, not
# the content of a response: a response "labelled" jailbreak is one that answers such a request (or talks
# about AI instructions). They are reported and count in the final check, but never stop a stream by
# themselves (a deny-list rule with action block on them still does: the policy's author asked for it).

_WORD = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"""[.!?…。！？][)\]"'”’»]*$""")
_END_CHARS = frozenset(".!?…。！？)]\"'”’»")
_CLAUSE_END = re.compile(r"[,;:，；：]$")


class StreamClosedError(RuntimeError):
    """`feed` on a session that was already closed."""


class StreamState(BaseModel):
    """What the stream guard knows after a delta. Labels and scores are those of the latest judged window."""

    model_config = ConfigDict(extra="forbid")

    label: Label = "safe"
    action: Action = "allow"
    categories: list[str] = Field(default_factory=list)
    scores: dict[str, float] = Field(default_factory=dict)
    # Per category, the highest score any window reached so far.
    max_scores: dict[str, float] = Field(default_factory=dict)
    stop: bool = False
    # On a stop: the character offset (Python str index into the response) where the unsafe stretch
    # started: the start of the sentence holding the earliest evidence of the first unsafe window.
    offset: int | None = None
    # On a stop: how many characters had been seen when it fired (the cut point).
    stop_chars: int | None = None
    chars_seen: int = 0
    words_seen: int = 0
    windows_judged: int = 0
    unsafe_streak: int = 0
    # Findings of the latest window (PII to redact, deny-list hits), in response offsets.
    spans: list[Span] = Field(default_factory=list)
    rationale: str = ""
    errors: list[str] = Field(default_factory=list)
    closed: bool = False


class _Window:
    """A window snapshot waiting to be judged."""

    __slots__ = ("text", "local_starts", "global_starts", "sentence_starts", "first_new", "chars", "words", "new_from")

    def __init__(self, segs: Sequence[tuple[int, str, int, int]], first_new: int, chars: int, words: int,
                 new_words: int) -> None:
        starts, texts, leads, sents = zip(*segs, strict=True) if segs else ((), (), (), ())
        self.text = "".join(texts)
        offsets = [0, *itertools.accumulate(map(len, texts))]
        # where the text that local detectors scan begins: the new words and a few before them
        self.new_from = offsets[max(0, len(texts) - new_words - LOCAL_OVERLAP_WORDS)]
        self.local_starts = [o + lead for o, lead in zip(offsets, leads, strict=False)]  # word starts in `text`
        self.global_starts = starts                                                  # ... and in the response
        self.sentence_starts = sents
        self.first_new = first_new  # response offset of the first word added since the previous judge
        self.chars = chars
        self.words = words

    def to_global(self, local: int) -> int:
        """Response offset of an offset into `text` (inside a collapsed whitespace run: approximate)."""
        if not self.local_starts:
            return self.first_new
        i = max(0, bisect.bisect_right(self.local_starts, local) - 1)
        return max(0, self.global_starts[i] + (local - self.local_starts[i]))

    def sentence_of(self, global_offset: int) -> int:
        i = max(0, bisect.bisect_right(self.global_starts, global_offset) - 1)
        return self.sentence_starts[i] if self.sentence_starts else global_offset


@dataclasses.dataclass
class _Judged:
    """A judged window: the verdict (prompt as context) and what of it counts toward a stop."""

    verdict: Verdict
    doc: Document
    blocking: list[str] = dataclasses.field(default_factory=list)   # categories whose policy action is block
    counted: list[str] = dataclasses.field(default_factory=list)    # ... of those, the ones that count toward a stop
    forced: set[str] = dataclasses.field(default_factory=set)       # categories a deny-list rule blocks
    failed: bool = False                                            # a detector failed and the policy fails closed
    why: str = ""                                                   # why a blocking window does not count


class StreamSession:
    """Judge one response incrementally; see the module docstring."""

    def __init__(self, guard: Guard, prompt: str | bytes | None = None) -> None:
        from railguard.guard import as_text

        self.guard = guard
        self.policy = guard.policy
        rule = self.policy.stream
        self.debounce = rule.debounce
        self.window_words = rule.window_words
        # A word must be judged before it scrolls out of the window.
        self.every_words = min(rule.every_words, rule.window_words)
        self.clause_words = max(1, self.every_words // 2)
        # A window counts toward a stop only once the response has half a window of words (see _judge).
        self.min_words = rule.min_words or max(1, self.window_words // 2)
        self.request_categories = frozenset(rule.request_categories)
        # While unsafe windows are piling up (debounce not yet reached), judge again after a few words: soon,
        # for an early stop, but with new words, so one ambiguous word cannot confirm itself.
        self.confirm_words = min(self.every_words, max(2, self.every_words // 4))
        self.max_chars = self.policy.limits.max_chars
        # A stream is always a response. Without a prompt it is judged with an empty prompt as context.
        self.prompt: str = as_text(prompt, "prompt") if prompt is not None else ""
        # The window judge sees the end of a long prompt (where the request usually is), so its cost
        # does not grow with the prompt; the final check sees what Guard.check sees.
        self._prompt_ctx = self.prompt[-self.policy.limits.chunk_chars:]

        self._decoder = codecs.getincrementaldecoder("utf-8")("strict")
        self._bytes_seen = 0
        self._chars = 0
        self._words = 0
        # Response text kept for the final check: at most max_chars characters (plus one chunk) of its tail.
        self._chunks: deque[str] = deque()
        self._chunk_chars = 0
        self._recent: list[str] = []
        self._recent_chars = 0
        self._dropped = 0  # characters of the head no longer kept
        # Word segmentation
        self._pending = ""
        self._pending_start = 0  # response offset of self._pending[0]
        self._sentence_start = 0
        self._sentence_open = False
        self._window: deque[tuple[int, str, int, int]] = deque(maxlen=self.window_words)
        self._opening: list[tuple[int, str, int, int]] = []
        self._opening_open = True
        self.opening_words = OPENING_WORDS
        self._since_judge = 0
        self._first_new = 0
        self._queue: list[_Window] = []
        # Judging and debounce
        self._streak = 0
        self._streak_offset = 0
        self._recent_scores: deque[dict[str, float]] = deque(maxlen=self.debounce)
        self._debounced_max: dict[str, float] = {}
        self._max_scores: dict[str, float] = {}
        self._judged = 0
        self._language: str | None = None
        self._last: dict[str, Any] = {"label": "safe", "action": "allow", "categories": [], "scores": {},
                                      "spans": [], "rationale": "", "errors": []}
        self._stop = False
        self._stop_offset: int | None = None
        self._stop_chars: int | None = None
        self._stop_verdict: Verdict | None = None
        self._closed = False
        self._verdict: Verdict | None = None
        self._notes: list[str] = []
        self.last_text = ""  # the decoded text of the latest delta

    # ------------------------------------------------------------------ public API
    def feed(self, delta: str | bytes | bytearray | memoryview | None) -> StreamState:
        """Add the next piece of the response; judge the window when a judge point is reached."""
        if self._closed:
            raise StreamClosedError("feed() after close(): this stream session is closed; start a new one with guard.stream()")
        text = self._decode(delta)
        self.last_text = text
        if text:
            self._keep(text)
            self._chars += len(text)
            if not self._stop:
                self._segment(text)
                if self._queue:
                    self._judge_queue()
        return self.state

    @property
    def state(self) -> StreamState:
        last = self._last
        return StreamState.model_construct(
            label=last["label"], action=last["action"], categories=last["categories"], scores=last["scores"],
            max_scores=dict(self._max_scores), stop=self._stop, offset=self._stop_offset, stop_chars=self._stop_chars,
            chars_seen=self._chars, words_seen=self._words, windows_judged=self._judged,
            unsafe_streak=self._streak, spans=last["spans"], rationale=last["rationale"], errors=last["errors"],
            closed=self._closed,
        )

    @property
    def stopped(self) -> bool:
        return self._stop

    def retained_chars(self) -> int:
        """Characters of response text this session holds (tail buffer, pending word, window)."""
        return (self._chunk_chars + self._recent_chars + len(self._pending)
                + sum(len(s) for _, s, _, _ in self._window) + sum(len(s) for _, s, _, _ in self._opening)
                + sum(len(w.text) for w in self._queue))

    def close(self) -> Verdict:
        """The final Verdict for the whole response; calling it again returns the same Verdict."""
        if self._verdict is not None:
            return self._verdict
        t0 = time.perf_counter()
        self._closed = True
        try:
            rest = self._decoder.decode(b"", final=True)
        except UnicodeDecodeError as e:
            self._notes.append(f"stream ended inside a UTF-8 character: {len(e.object) - e.start} byte(s) dropped")
            rest = ""
        if rest:
            self._keep(rest)
            self._chars += len(rest)
        if self._pending.strip():
            self._words += 1
        text = self._tail()
        if self._dropped == 0:
            verdict = self.guard.check(text, prompt=self.prompt)
        else:
            verdict = self._check_tail(text)
        if self._stop and self._stop_verdict is not None:
            verdict = self._merge_stop(verdict, self._stop_verdict)
        verdict.role = "response"
        verdict.errors = [*verdict.errors, *self._notes]
        verdict.latency_ms = round((time.perf_counter() - t0) * 1000.0, 3)
        self._verdict = verdict
        return verdict

    # ------------------------------------------------------------------ input
    def _decode(self, delta: Any) -> str:
        if delta is None:  # SDKs send None for role-only chunks
            return ""
        if isinstance(delta, str):
            if self._decoder.getstate()[0]:
                self._decoder.reset()
                raise InputError("a str delta arrived while a UTF-8 character from earlier bytes was incomplete")
            return delta
        if isinstance(delta, bytes | bytearray | memoryview):
            data = bytes(delta)
            try:
                out = self._decoder.decode(data)
            except UnicodeDecodeError as e:
                self._decoder.reset()
                raise InputError(f"stream delta is not valid UTF-8 (byte {self._bytes_seen + e.start} of the stream); "
                                 "the delta was dropped") from None
            self._bytes_seen += len(data)
            return out
        raise InputError(f"a stream delta must be str or bytes, not {type(delta).__name__}")

    def _keep(self, text: str) -> None:
        """Keep the tail of the response for the final check: at most about max_chars characters."""
        self._recent.append(text)
        self._recent_chars += len(text)
        if len(self._recent) >= 256 or self._recent_chars >= 4096:
            chunk = "".join(self._recent)
            self._recent.clear()
            self._recent_chars = 0
            if len(chunk) > self.max_chars:  # one huge delta: keep only its end
                self._dropped += len(chunk) - self.max_chars
                chunk = chunk[-self.max_chars:]
                self._dropped += self._chunk_chars
                self._chunks.clear()
                self._chunk_chars = 0
            self._chunks.append(chunk)
            self._chunk_chars += len(chunk)
            while self._chunks and self._chunk_chars - len(self._chunks[0]) >= self.max_chars:
                old = self._chunks.popleft()
                self._chunk_chars -= len(old)
                self._dropped += len(old)

    def _tail(self) -> str:
        """The kept text; when the head was dropped, exactly the last max_chars characters."""
        text = "".join(self._chunks) + "".join(self._recent)
        if self._dropped or len(text) > self.max_chars:
            if len(text) > self.max_chars:
                self._dropped += len(text) - self.max_chars
                text = text[-self.max_chars:]
        return text

    # ------------------------------------------------------------------ words and judge points
    def _segment(self, text: str) -> None:
        s = self._pending + text
        base = self._pending_start
        # Words are runs of non-space; one followed by whitespace is complete. (A single regex for
        # "lead, word, trail" would backtrack quadratically on long whitespace runs.)
        spans = [m.span() for m in _WORD.finditer(s)]
        end = len(s)
        if spans and spans[-1][1] == end:
            end = spans.pop()[0]  # the last word may go on in the next delta
        pos = 0
        n = len(spans)
        for i, (a, b) in enumerate(spans):
            nxt = spans[i + 1][0] if i + 1 < n else end
            self._add_word(base + a, s[pos:a], s[a:b], s[b:nxt])
            pos = nxt
        rest = s[pos:]
        base += pos
        # Bound the pending buffer: a run of whitespace or a giant "word" must not grow without limit.
        word_at = len(rest) - len(rest.lstrip())
        if word_at > _MAX_WS:
            keep = "\n" if "\n" in rest[:word_at] else " "
            rest, base = keep + rest[word_at:], base + word_at - 1
            word_at = 1
        if len(rest) - word_at > MAX_WORD_CHARS:
            lead, word = rest[:word_at], rest[word_at:]
            cut = len(word) - len(word) % MAX_WORD_CHARS  # whole pieces now, the remainder waits
            self._add_word(base + word_at, lead, word[:cut], "")
            rest, base = word[cut:], base + word_at + cut
        self._pending, self._pending_start = rest, base

    def _add_word(self, start: int, lead: str, word: str, trail: str) -> None:
        if "\n" in lead and self._words:  # a line break before this word ends the previous line
            self._sentence_open = self._opening_open = False
            if self._since_judge:
                self._enqueue()
        if len(lead) > _MAX_WS:
            lead = "\n" if "\n" in lead else " "
        if len(trail) > _MAX_WS:
            trail = "\n" if "\n" in trail else " "
        if len(word) > MAX_WORD_CHARS:  # cut giant "words" into pieces
            last = (len(word) - 1) // MAX_WORD_CHARS * MAX_WORD_CHARS
            for i in range(0, last, MAX_WORD_CHARS):
                piece = word[i:i + MAX_WORD_CHARS]
                self._word(start + i, lead + piece, len(lead), piece, "")
                lead = ""
            start, word = start + last, word[last:]
        self._word(start, lead + word + trail, len(lead), word, trail)

    def _word(self, start: int, seg: str, lead: int, word: str, trail: str) -> None:
        if not self._sentence_open:
            self._sentence_start, self._sentence_open = start, True
        if self._since_judge == 0:
            self._first_new = self._sentence_start
        item = (start, seg, lead, self._sentence_start)
        self._window.append(item)
        if self._opening_open:
            self._opening.append(item)
            self._opening_open = len(self._opening) < self.opening_words
        self._words += 1
        self._since_judge += 1
        if (word[-1] in _END_CHARS and _SENTENCE_END.search(word)) or "\n" in trail:
            self._sentence_open = self._opening_open = False
            self._enqueue()
        elif self._streak:  # a stop is pending confirmation: judge again soon, so a stop comes quickly
            if self._since_judge >= self.confirm_words or (self._since_judge >= 2 and _CLAUSE_END.search(word)):
                self._enqueue()
        elif self._since_judge >= self.every_words or (self._since_judge >= self.clause_words and _CLAUSE_END.search(word)):
            self._enqueue()

    def _enqueue(self) -> None:
        segs: Sequence[tuple[int, str, int, int]] = self._window
        if self._opening and self._window and self._opening[0][0] < self._window[0][0]:
            first = self._window[0][0]
            segs = [*(o for o in self._opening if o[0] < first), *self._window]
        self._queue.append(_Window(segs, self._first_new, self._chars, self._words, self._since_judge))
        self._since_judge = 0

    # ------------------------------------------------------------------ judging
    def _judge_queue(self) -> None:
        queue, self._queue = self._queue, []
        for i in range(0, len(queue), _BATCH):
            if self._stop:
                return
            windows = queue[i:i + _BATCH]
            for w, judged in zip(windows, self._judge(windows), strict=True):
                self._update(w, judged)
                if self._stop:
                    return

    def _judge(self, windows: list[_Window]) -> list[_Judged]:
        guard = self.guard
        docs: list[Document] = []
        local: list[Document] = []  # the new part of each window, for detectors of local findings
        for w in windows:
            masked = _mask_allowed(w.text, self.policy)
            doc = Document(text=masked, role="response", prompt=self._prompt_ctx,
                           chunk_chars=self.policy.limits.chunk_chars, original=w.text)
            # A response rarely changes language: identify it on the first windows, then now and then.
            if self._language is None or self._judged % LANGUAGE_EVERY == 0:
                self._language = detect_language(doc.clean.text) or self._language
            doc.language = self._language
            docs.append(doc)
            part = Document(text=masked[w.new_from:], role="response", prompt=self._prompt_ctx,
                            chunk_chars=self.policy.limits.chunk_chars, original=w.text[w.new_from:])
            part.language = doc.language
            local.append(part)
        per_doc: list[list[Detection]] = [[] for _ in docs]
        local_dets: list[list[Detection]] = [[] for _ in docs]
        errors: list[list[str]] = [[] for _ in docs]
        for det in guard.detectors:
            is_local = det.name in PRIVACY_DETECTORS
            for j, res in enumerate(_run_window(guard, det, local if is_local else docs)):
                if isinstance(res, Exception):
                    errors[j].append(f"detector {det.name} failed: {type(res).__name__}: {res}")
                    continue
                if is_local and windows[j].new_from:
                    shift = windows[j].new_from
                    res = dataclasses.replace(res, findings=[
                        dataclasses.replace(f, start=f.start + shift, end=f.end + shift) for f in res.findings])
                per_doc[j].append(res)
                if is_local:
                    local_dets[j].append(res)
        out = [_Judged(guard._decide(doc, per_doc[j], errors[j]), doc) for j, doc in enumerate(docs)]
        for j, (w, r) in enumerate(zip(windows, out, strict=True)):
            v = r.verdict
            if v.action != "block":
                continue
            r.failed = bool(errors[j]) and self.policy.on_error == "block"
            r.forced = {c for c, a in guard._deny_hits(r.doc)[0].items() if a == "block"}
            r.blocking = [c for c in v.categories if c in r.forced or self._blocks(c, v.scores)]
            # Only a window with enough words may count toward a stop: a short fragment ("I cannot tell you how
            # to kill", a heading) is judged before the words that explain it, and short texts score higher.
            # A deny-list rule is exact words the policy's author chose to block: it counts at once.
            if w.words < self.min_words:
                r.counted = [c for c in r.blocking if c in r.forced]
                r.why = f"the response has {w.words} words (a stop needs at least {self.min_words})"
                continue
            r.counted = [c for c in r.blocking if c in r.forced or c not in self.request_categories]
            if len(r.counted) < len(r.blocking):
                r.why = (f"categories of the request ({', '.join(sorted(self.request_categories))}) "
                         "do not stop a response")
        # The response's own words must be harmful: judge the candidate windows again without the prompt, so
        # harm that a detector carries over from the prompt (a refusal of a harmful request, a benign answer to
        # an odd question) cannot stop a stream. Privacy findings do not depend on the prompt and are reused.
        again = [j for j, r in enumerate(out) if any(c not in r.forced for c in r.counted)]
        if again:
            own_docs = []
            for j in again:
                d = docs[j]
                od = Document(text=d.text, role="response", prompt=None, chunk_chars=d.chunk_chars, original=d.original)
                od.language = d.language
                own_docs.append(od)
            own_dets: list[list[Detection]] = [list(local_dets[j]) for j in again]
            own_err: list[list[str]] = [list(errors[j]) for j in again]
            for det in guard.detectors:
                if det.name in PRIVACY_DETECTORS:
                    continue
                for k, res in enumerate(_run_window(guard, det, own_docs)):
                    if isinstance(res, Exception):
                        own_err[k].append(f"detector {det.name} failed: {type(res).__name__}: {res}")
                    else:
                        own_dets[k].append(res)
            for k, j in enumerate(again):
                r = out[j]
                own = guard._decide(own_docs[k], own_dets[k], own_err[k])
                r.failed = r.failed or (len(own_err[k]) > len(errors[j]) and self.policy.on_error == "block")
                kept = [c for c in r.counted if c in r.forced or self._blocks(c, own.scores)]
                if len(kept) < len(r.counted):
                    r.why = "the response's own words do not block " + ", ".join(c for c in r.counted if c not in kept) + \
                        " (the prompt's context does)"
                r.counted = kept
        return out

    def _update(self, w: _Window, r: _Judged) -> None:
        v = r.verdict
        self._judged += 1
        for c, p in v.scores.items():
            if p > self._max_scores.get(c, 0.0):
                self._max_scores[c] = p
        # Debounced maximum: a category's score counts at the level it held for `debounce` windows in a row.
        self._recent_scores.append(v.scores)
        if len(self._recent_scores) == self.debounce:
            for c in v.scores:
                low = min(s.get(c, 0.0) for s in self._recent_scores)
                if low > self._debounced_max.get(c, 0.0):
                    self._debounced_max[c] = low
        spans = [s.model_copy(update={"start": w.to_global(s.start), "end": w.to_global(s.end)}) for s in v.spans]
        rationale = v.rationale
        if v.action == "block" and not (r.counted or r.failed):
            rationale = f"Does not count toward a stop: {r.why}. " + rationale
        self._last = {"label": v.label, "action": v.action, "categories": v.categories, "scores": v.scores,
                      "spans": spans, "rationale": rationale, "errors": v.errors}
        if not (r.counted or r.failed):
            self._streak = 0
            return
        blocking = r.counted
        if self._streak == 0:
            starts = [s.start for s in spans if s.category in blocking]
            self._streak_offset = w.sentence_of(min(starts)) if starts else w.first_new
        self._streak += 1
        if self._streak >= self.debounce:
            self._stop = True
            self._stop_offset = self._streak_offset
            self._stop_chars = w.chars
            # The stop names the categories that blocked; the others the window found stay in `scores`/`spans`.
            self._last["categories"] = blocking
            self._stop_verdict = v.model_copy(update={"spans": spans, "categories": blocking})
            self._last["rationale"] = (f"Stream stopped after {self._streak} consecutive unsafe windows "
                                       f"(policy stream.debounce: {self.debounce}); the unsafe stretch starts at "
                                       f"character {self._stop_offset}. " + v.rationale)

    def _blocks(self, category: str, scores: dict[str, float]) -> bool:
        """Whether this category's score leads to a block under the policy."""
        return self.policy.category_action(category, self.policy.level(category, scores.get(category, 0.0))) == "block"

    # ------------------------------------------------------------------ final verdict
    def _check_tail(self, tail: str) -> Verdict:
        """A response longer than max_chars: the tail through Guard.check, fused with the window history."""
        start = self._chars - len(tail)
        cut = tail.find(" ", 0, 200)  # begin at a word boundary when one is near
        if 0 <= cut < len(tail) - 1:
            tail, start = tail[cut + 1:], start + cut + 1
        v = self.guard.check(tail, prompt=self.prompt)
        v.spans = [s.model_copy(update={"start": s.start + start, "end": s.end + start}) for s in v.spans]
        v.redacted_text = None  # it would cover the tail only
        merged = dict(v.scores)
        for c, p in self._debounced_max.items():
            merged[c] = max(merged.get(c, 0.0), round(p, 4))
        label, action, fired = self.policy.decide(merged)
        if LABEL_RANK[label] > LABEL_RANK[v.label]:
            v.label = label
        if ACTION_RANK[action] > ACTION_RANK[v.action]:
            v.action = action
        v.categories = [*v.categories, *(c for c in fired if c not in v.categories)]
        v.scores = dict(sorted(merged.items()))
        self._notes.append(
            f"stream of {self._chars:,} characters exceeds limits.max_chars={self.max_chars:,}: the final check judged "
            f"characters {start:,}..{self._chars:,}; earlier text was judged by {self._judged:,} stream windows "
            "(their debounced maxima are fused into the scores)")
        return v

    def _merge_stop(self, v: Verdict, stop: Verdict) -> Verdict:
        cats = [*stop.categories, *(c for c in v.categories if c not in stop.categories)]
        scores = dict(v.scores)
        for c, p in stop.scores.items():
            scores[c] = max(scores.get(c, 0.0), p)
        spans = [*v.spans, *(s for s in stop.spans if s not in v.spans)]
        head = (f"Unsafe, action block: the stream was stopped at character {self._stop_chars:,} after "
                f"{self.debounce} consecutive unsafe windows; the unsafe stretch starts at character {self._stop_offset:,} "
                f"({', '.join(stop.categories) or 'detector failure'}). Final check: ")
        return v.model_copy(update={"label": "unsafe", "action": "block", "categories": cats,
                                    "scores": dict(sorted(scores.items())), "spans": spans, "redacted_text": None,
                                    "rationale": head + v.rationale, "errors": [*v.errors, *stop.errors]})


def _run_window(guard: Guard, det: Any, docs: list[Document]) -> list[Detection | Exception]:
    """A detector on stream windows: its `detect_stream_batch(docs)` when it offers one, else as Guard.check runs it.

    A detector with an expensive stage (an encoder) may offer a cheaper judgement for windows; the final
    check at close() always runs the full detector. A failure falls back to the full detector.
    """
    fast = getattr(det, "detect_stream_batch", None)
    if fast is not None and docs:
        try:
            out = list(fast(docs))
            if len(out) == len(docs):
                return out
        except Exception:  # the full path below isolates and reports failures
            pass
    return guard._run_detector(det, docs)


class GuardedStream:
    """Iterate the deltas of a response (as str) until the policy stops the stream.

    The delta that triggers the stop is withheld. When iteration ends (input exhausted or stopped) the
    session is closed: `.verdict` holds the final Verdict and `.state` the last StreamState.
    """

    def __init__(self, guard: Guard, prompt: str | bytes | None, deltas: Iterable[str | bytes]) -> None:
        self.session = StreamSession(guard, prompt=prompt)
        self._deltas = iter(deltas)
        self.state: StreamState = self.session.state
        self.verdict: Verdict | None = None

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        if self.verdict is not None:
            raise StopIteration
        for delta in self._deltas:
            self.state = self.session.feed(delta)
            if self.state.stop:
                break
            if self.session.last_text:
                return self.session.last_text
        self.verdict = self.session.close()
        self.state = self.session.state
        raise StopIteration


def guard_stream(guard: Guard, prompt: str | bytes | None, deltas: Iterable[str | bytes]) -> GuardedStream:
    """Yield the deltas of a response (decoded to str) until the policy stops the stream."""
    return GuardedStream(guard, prompt, deltas)

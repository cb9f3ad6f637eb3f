"""Remember the privacy detectors' last results, so that the audit log's redaction of an input reuses what
the check of that same input just found instead of running the PII and secrets detectors a second time.

A wrapper behind the ordinary Detector protocol: the guard and its redaction call it as they call any
detector. The key is everything about the Document that a detector reads, so a different input, role,
prompt or chunking is a miss and gets a fresh detection. An entry is used once (the redaction that
follows the check takes it out) and only short inputs are kept, so the memory stays small.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

from railguard.detectors.base import Detection, Detector, Document, detect_many

Key = tuple[str, str, str, str | None, int, str | None]
MAX_CHARS = 4000  # inputs the service redacts for the audit log right after the check (see runner.INLINE_CHARS)


def _key(doc: Document) -> Key:
    return (doc.text, doc.original, doc.role, doc.prompt, doc.chunk_chars, doc.language)


class MemoDetector:
    def __init__(self, inner: Detector, size: int = 256) -> None:
        self.inner = inner
        self.name = inner.name
        self.categories = inner.categories
        self.size = size
        self._memo: OrderedDict[Key, Detection] = OrderedDict()
        self._lock = threading.Lock()

    def _take(self, key: Key) -> Detection | None:
        with self._lock:
            return self._memo.pop(key, None)

    def _put(self, key: Key, det: Detection) -> None:
        with self._lock:
            self._memo[key] = det
            while len(self._memo) > self.size:
                self._memo.popitem(last=False)

    def detect(self, doc: Document) -> Detection:
        return self.detect_batch([doc])[0]

    def detect_batch(self, docs: Sequence[Document]) -> list[Detection]:
        keys = [_key(d) for d in docs]
        out: list[Detection | None] = [self._take(k) for k in keys]
        miss = [i for i, d in enumerate(out) if d is None]
        if miss:
            fresh = detect_many(self.inner, [docs[i] for i in miss])
            for i, det in zip(miss, fresh, strict=True):
                out[i] = det
                if len(docs[i].text) <= MAX_CHARS:
                    self._put(keys[i], det)
        return out  # type: ignore[return-value]


def memoize_privacy(detectors: list[Detector], names: Sequence[str]) -> list[Detector]:
    return [MemoDetector(d) if d.name in names and not isinstance(d, MemoDetector) else d for d in detectors]

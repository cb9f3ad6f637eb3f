"""Redaction of personal data and secrets: mask, typed placeholder, hash, and a reversible vault.

A `Redaction` remembers which placeholder stands for which original value, so that
`restore(model_answer)` can put the originals back into what a model wrote about the redacted text.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, Field

Operator = Literal["mask", "placeholder", "hash", "vault"]


class RedactedEntity(BaseModel):
    start: int
    end: int
    entity_type: str
    text: str
    replacement: str
    score: float = 1.0


class Redaction(BaseModel):
    text: str
    entities: list[RedactedEntity] = Field(default_factory=list)
    operator: Operator = "placeholder"
    # placeholder -> original value (placeholder and vault operators; empty otherwise)
    mapping: dict[str, str] = Field(default_factory=dict)
    vault_id: str | None = None

    def restore(self, other_text: str) -> str:
        """Put the original values back wherever a placeholder of this redaction appears in `other_text`."""
        if self.operator in ("mask", "hash"):
            raise ValueError(f"a redaction with operator {self.operator!r} cannot be restored; use 'vault' or 'placeholder'")
        return restore(other_text, self.mapping)


def restore(text: str, mapping: dict[str, str]) -> str:
    if not mapping or not text:
        return text
    # Models copy placeholders loosely: <EMAIL_1>, [EMAIL_1], EMAIL_1, <email_1>.
    keys = sorted(mapping, key=len, reverse=True)
    bare = {k.strip("<>").upper(): v for k, v in mapping.items()}
    rx = re.compile(r"[<\[]?\b(" + "|".join(re.escape(k.strip("<>")) for k in keys) + r")\b[>\]]?", re.IGNORECASE)
    return rx.sub(lambda m: bare.get(m.group(1).upper(), m.group(0)), text)


def _placeholder_type(entity_type: str | None) -> str:
    t = re.sub(r"[^A-Z0-9]+", "_", (entity_type or "PII").upper()).strip("_")
    return t or "PII"


def redact_spans(text: str, spans: Iterable[tuple[int, int, str | None, float]], operator: Operator = "placeholder") -> Redaction:
    """Redact [start, end) spans (with entity types) of `text`. Overlapping spans merge into the first."""
    ordered = sorted(spans, key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int, str | None, float]] = []
    for s in ordered:
        if s[1] <= s[0]:
            continue
        if kept and s[0] < kept[-1][1]:
            last = kept[-1]
            kept[-1] = (last[0], max(last[1], s[1]), last[2], max(last[3], s[3]))
            continue
        kept.append(s)

    counters: dict[str, int] = {}
    by_value: dict[tuple[str, str], str] = {}
    mapping: dict[str, str] = {}
    out: list[str] = []
    entities: list[RedactedEntity] = []
    pos = 0
    for start, end, etype, score in kept:
        value = text[start:end]
        kind = _placeholder_type(etype)
        if operator == "mask":
            repl = "*" * len(value)
        elif operator == "hash":
            repl = f"<{kind}_{hashlib.sha256(value.encode('utf-8')).hexdigest()[:12]}>"
        else:
            key = (kind, value)
            if key not in by_value:
                counters[kind] = counters.get(kind, 0) + 1
                by_value[key] = f"<{kind}_{counters[kind]}>"
                mapping[by_value[key]] = value
            repl = by_value[key]
        out.append(text[pos:start])
        out.append(repl)
        entities.append(RedactedEntity(start=start, end=end, entity_type=kind, text=value, replacement=repl, score=score))
        pos = end
    out.append(text[pos:])
    red = Redaction(text="".join(out), entities=entities, operator=operator, mapping=mapping)
    if operator == "vault":
        red.vault_id = VAULT.put(mapping)
    return red


class Vault:
    """Process-wide store of vault mappings, so a redaction can be restored later by its id.

    Bounded (oldest entries go first) and time-limited: redacted originals must not pile up in memory.
    """

    def __init__(self, max_items: int = 10_000, ttl_s: float = 3600.0) -> None:
        self._items: OrderedDict[str, tuple[float, dict[str, str]]] = OrderedDict()
        self._lock = threading.Lock()
        self.max_items = max_items
        self.ttl_s = ttl_s

    def put(self, mapping: dict[str, str]) -> str:
        vid = secrets.token_urlsafe(12)
        with self._lock:
            self._items[vid] = (time.monotonic(), dict(mapping))
            while len(self._items) > self.max_items:
                self._items.popitem(last=False)
        return vid

    def get(self, vault_id: str) -> dict[str, str] | None:
        with self._lock:
            item = self._items.get(vault_id)
            if item is None:
                return None
            if time.monotonic() - item[0] > self.ttl_s:
                del self._items[vault_id]
                return None
            return dict(item[1])


VAULT = Vault()

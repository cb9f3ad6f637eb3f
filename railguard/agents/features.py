"""Step features for the learned model: hashed, namespaced tokens plus the explicit signals.

Hashing (crc32 into 2**BITS buckets) keeps the artifact small and the inference plain numpy: no vocabulary to
ship, no sklearn at run time.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

import numpy as np

from railguard.agents.schema import Trajectory
from railguard.agents.signals import SIGNAL_NAMES, StepContext, content_words, refusal_in, step_contexts, words

BITS = 16
DIM = 1 << BITS
N_SIG = len(SIGNAL_NAMES)
# Dense block after the hashed block: signals, then a few structural features.
DENSE = (*(f"sig:{n}" for n in SIGNAL_NAMES), "task_harm", "refusal_any", "proposed", "is_message", "bias")
N_FEATURES = DIM + len(DENSE)
_SIG_INDEX = {n: i for i, n in enumerate(SIGNAL_NAMES)}


def _h(tok: str) -> int:
    return zlib.crc32(tok.encode("utf-8", "ignore")) & (DIM - 1)


def _ngrams(ws: list[str], n_max: int = 2) -> Iterable[str]:
    yield from ws
    if n_max >= 2:
        for a, b in zip(ws, ws[1:], strict=False):
            yield f"{a}_{b}"


def task_tokens(task: str) -> list[str]:
    return [f"k:{w}" for w in _ngrams([w for w in words(task)[:120] if len(w) > 1])]


def step_tokens(c: StepContext) -> list[str]:
    s = c.step
    toks: list[str] = []
    if s.tool:
        toks.append(f"T:{s.tool.lower()}")
        toks += [f"t:{w}" for w in c.tool_words]
        for k, v in c.arg_pairs[:30]:
            toks += [f"a:{w}" for w in words(k.split(".")[-1])]
            toks += [f"v:{w}" for w in words(v)[:40]]
    else:
        toks.append("T:__message__")
        toks += [f"m:{w}" for w in words(s.message or "")[:80]]
    toks += [f"h:{w}" for w in _ngrams(words(s.thought)[:80])]
    if c.injected:
        toks += [f"o:{w}" for w in list(content_words(c.injected[0]))[:40]]
        # which of the action's words came from the untrusted text and not from the user: provenance as tokens
        act = set(c.tool_words) | content_words(c.args_text)
        toks += [f"p:{w}" for w in sorted((act & content_words(" ".join(c.injected[:3]))) - c.user_words)[:20]]
    for sg in c.signals:
        toks.append(f"s:{sg.name}")
        if s.tool:
            toks += [f"st:{sg.name}:{w}" for w in c.tool_words[:4]]
    return toks


def featurize(t: Trajectory, task_harm: float = 0.0) -> tuple[list[StepContext], list[tuple[np.ndarray, np.ndarray]]]:
    """Per step: (indices, values) of a sparse row of length N_FEATURES."""
    ctxs = step_contexts(t)
    ttoks = task_tokens(t.user_text())
    refusal = 1.0 if refusal_in(t) else 0.0
    rows = []
    for c in ctxs:
        counts: dict[int, float] = {}
        for tok in step_tokens(c):
            j = _h(tok)
            counts[j] = counts.get(j, 0.0) + 1.0
        for tok in ttoks:
            j = _h(tok)
            counts[j] = counts.get(j, 0.0) + 0.5
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        val = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        val = val / np.sqrt(np.maximum(1.0, (val * val).sum()))  # l2 over the hashed block
        dense = np.zeros(len(DENSE), dtype=np.float32)
        for sg in c.signals:
            k = _SIG_INDEX.get(sg.name)
            if k is not None:
                dense[k] = max(dense[k], sg.value)
        dense[N_SIG] = task_harm
        dense[N_SIG + 1] = refusal
        dense[N_SIG + 2] = 1.0 if c.step.proposed else 0.0
        dense[N_SIG + 3] = 0.0 if c.step.tool else 1.0
        dense[N_SIG + 4] = 1.0
        rows.append((np.concatenate([idx, DIM + np.arange(len(DENSE))]), np.concatenate([val, dense])))
    return ctxs, rows


def task_harm_tokens(task: str) -> list[str]:
    ws = [w for w in words(task)[:200] if len(w) > 1]
    return [f"q:{w}" for w in _ngrams(ws)]


def task_harm_row(task: str) -> tuple[np.ndarray, np.ndarray]:
    counts: dict[int, float] = {}
    for tok in task_harm_tokens(task):
        j = _h(tok)
        counts[j] = counts.get(j, 0.0) + 1.0
    idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
    val = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
    if len(val):
        val = val / np.sqrt((val * val).sum())
    return idx, val


def to_csr(rows: list[tuple[np.ndarray, np.ndarray]], n_cols: int):
    """Stack sparse rows into a scipy CSR matrix (training only)."""
    from scipy.sparse import csr_matrix

    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    for i, (idx, _) in enumerate(rows):
        indptr[i + 1] = indptr[i] + len(idx)
    indices = np.concatenate([r[0] for r in rows]) if rows else np.zeros(0, dtype=np.int64)
    data = np.concatenate([r[1] for r in rows]) if rows else np.zeros(0, dtype=np.float32)
    m = csr_matrix((data, indices, indptr), shape=(len(rows), n_cols))
    m.sum_duplicates()
    return m

"""The text guard's content classifier: calibrated probabilities for every taxonomy category.

Model (trained by `python -m railguard.train textguard`, artifact in railguard/models/textguard/):

- features: hashed character n-grams (2..5) and word uni/bi-grams of the `fold`-normalised, lower-cased
  text (leetspeak, spacing and look-alike letters already undone), log-count weighted and L2-normalised.
  Character n-grams work for every script, so no tokenizer or language switch is needed.
- heads: one linear logistic head per category (plus a refusal head used for responses), Platt-calibrated
  on a validation split carved from the training data.
- responses: a response is judged with its prompt: its own content scores, and the prompt's harm scores
  damped by how much the response refuses (a refusal or safe redirect of a harmful prompt is safe;
  compliance carries the prompt's harm).

Inference is numpy only (no torch, no sklearn): a text costs well under a millisecond.
Attribution: each category's linear contributions are summed per word; the strongest words, merged into
phrases, become the findings and the evidence.
"""

from __future__ import annotations

import json
import re
import threading
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from railguard.detectors.base import Detection, Document, Finding, register
from railguard.taxonomy import CATEGORY_IDS

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "textguard"

# Character n-gram orders and the hash space. Changing either needs a retrain (the manifest records them).
CHAR_ORDERS: tuple[int, ...] = (2, 3, 4, 5)
DEFAULT_BITS = 18
_M1 = np.uint64(0x9E3779B97F4A7C15)
_M2 = np.uint64(0xBF58476D1CE4E5B9)
_WORD_RE = re.compile(r"\w+", re.UNICODE)
# Longest stretch of text featurised at once; longer inputs are judged chunk by chunk.
MAX_FEATURE_CHARS = 4000
ROLE_RESPONSE_TOKEN = "\x00role=response"


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    # A few characters lower-case to two ("İ"): keep offsets one-to-one.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@dataclass
class Features:
    """Hashed features of one text: unique indices, their weights, and where each occurrence sits."""

    idx: np.ndarray        # unique feature indices (int64)
    val: np.ndarray        # L2-normalised log-count weights (float32)
    occ_idx: np.ndarray    # per occurrence: feature index
    occ_start: np.ndarray  # per occurrence: start char in the featurised text
    occ_end: np.ndarray    # per occurrence: end char


class Featurizer:
    """Hashed char n-grams + word uni/bi-grams. Deterministic across processes (no Python hash())."""

    def __init__(self, bits: int = DEFAULT_BITS, char_orders: Sequence[int] = CHAR_ORDERS) -> None:
        self.bits = bits
        self.dim = 1 << bits
        self.mask = np.uint64(self.dim - 1)
        self.char_orders = tuple(char_orders)

    def _char_hashes(self, cps: np.ndarray, n: int) -> np.ndarray:
        L = len(cps) - n + 1
        if L <= 0:
            return np.zeros(0, np.uint64)
        h = np.full(L, np.uint64((n * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF), dtype=np.uint64)
        for k in range(n):
            h = (h ^ cps[k:k + L]) * _M1
        h ^= h >> np.uint64(31)
        return (h * _M2 >> np.uint64(64 - self.bits)) & self.mask

    def _word_hash(self, s: str) -> int:
        return zlib.crc32(s.encode("utf-8")) & (self.dim - 1)

    def featurize(self, text: str, extra_tokens: Sequence[str] = ()) -> Features:
        t = _lower(text[:MAX_FEATURE_CHARS])
        padded = " " + t + " "
        cps = np.frombuffer(padded.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        idx_parts: list[np.ndarray] = []
        start_parts: list[np.ndarray] = []
        end_parts: list[np.ndarray] = []
        for n in self.char_orders:
            h = self._char_hashes(cps, n)
            if len(h) == 0:
                continue
            pos = np.arange(len(h), dtype=np.int64) - 1  # position in t (padding shifts by one)
            idx_parts.append(h.astype(np.int64))
            start_parts.append(np.clip(pos, 0, max(len(t), 1)))
            end_parts.append(np.clip(pos + n, 0, len(t)))
        words = [(m.group(0), m.start(), m.end()) for m in _WORD_RE.finditer(t)]
        w_idx = [self._word_hash("w\x01" + w) for w, _, _ in words]
        w_st = [s for _, s, _ in words]
        w_en = [e for _, _, e in words]
        for (a, s, _), (b, _, e) in zip(words, words[1:], strict=False):
            w_idx.append(self._word_hash("b\x01" + a + " " + b))
            w_st.append(s)
            w_en.append(e)
        for tok in extra_tokens:
            w_idx.append(self._word_hash(tok))
            w_st.append(0)
            w_en.append(0)
        if w_idx:
            idx_parts.append(np.asarray(w_idx, dtype=np.int64))
            start_parts.append(np.asarray(w_st, dtype=np.int64))
            end_parts.append(np.asarray(w_en, dtype=np.int64))
        if not idx_parts:
            z = np.zeros(0, np.int64)
            return Features(z, np.zeros(0, np.float32), z, z, z)
        occ_idx = np.concatenate(idx_parts)
        uniq, counts = np.unique(occ_idx, return_counts=True)
        val = 1.0 + np.log(counts.astype(np.float32))
        val /= np.linalg.norm(val) + 1e-9
        return Features(uniq, val.astype(np.float32), occ_idx, np.concatenate(start_parts), np.concatenate(end_parts))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


class TextGuardModel:
    """The shipped weights: linear heads over hashed features + Platt calibration + response fusion."""

    def __init__(self, path: Path = MODEL_DIR) -> None:
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
        arrays = np.load(path / "weights.npz")
        self.manifest = manifest
        self.heads: list[str] = list(manifest["heads"])
        self.featurizer = Featurizer(bits=int(manifest["features"]["bits"]),
                                     char_orders=tuple(manifest["features"]["char_orders"]))
        self.W = arrays["W"]                     # (dim, heads) float16
        self.b = arrays["b"].astype(np.float32)  # (heads,)
        self.cal_a = arrays["cal_a"].astype(np.float32)
        self.cal_b = arrays["cal_b"].astype(np.float32)
        resp = manifest.get("response", {})
        self.refusal_damp = float(resp.get("refusal_damp", 1.0))
        self.head_pos = {h: i for i, h in enumerate(self.heads)}
        self.cat_pos = np.array([self.head_pos[c] for c in CATEGORY_IDS])
        self.refusal_pos = self.head_pos.get("refusal")

    def logits(self, f: Features) -> np.ndarray:
        if len(f.idx) == 0:
            return self.b.copy()
        return f.val @ self.W[f.idx].astype(np.float32) + self.b

    def calibrate(self, logits: np.ndarray) -> np.ndarray:
        return _sigmoid(self.cal_a * logits + self.cal_b)

    def probs(self, text: str, role: str = "prompt") -> tuple[np.ndarray, Features]:
        extra = (ROLE_RESPONSE_TOKEN,) if role == "response" else ()
        f = self.featurizer.featurize(text, extra)
        return self.calibrate(self.logits(f)), f

    def contributions(self, f: Features, head: int) -> np.ndarray:
        """Per occurrence: its share of the head's logit (feature weight x value / occurrences)."""
        if len(f.occ_idx) == 0:
            return np.zeros(0, np.float32)
        pos = np.searchsorted(f.idx, f.occ_idx)
        _, inv, counts = np.unique(f.occ_idx, return_inverse=True, return_counts=True)
        w = self.W[f.occ_idx, head].astype(np.float32)
        return w * f.val[pos] / counts[inv]


_MODEL: TextGuardModel | None = None
_LOCK = threading.Lock()


def load_model(path: Path | None = None) -> TextGuardModel:
    """The process-wide model, loaded once (a few tens of milliseconds)."""
    global _MODEL
    if path is not None:
        return TextGuardModel(path)
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                if not (MODEL_DIR / "manifest.json").is_file():
                    raise FileNotFoundError(
                        f"text guard model not found in {MODEL_DIR}; train it with `python -m railguard.train textguard`")
                _MODEL = TextGuardModel(MODEL_DIR)
    return _MODEL


_SPAN_WORD = re.compile(r"\w+(?:['’-]\w+)*", re.UNICODE)


def _phrases(text: str, contrib: np.ndarray, f: Features, limit: int = 3) -> list[tuple[int, int, float]]:
    """The words whose n-grams pushed the head up most, merged with adjacent strong words into phrases."""
    if len(contrib) == 0:
        return []
    words = [(m.start(), m.end()) for m in _SPAN_WORD.finditer(text)]
    if not words:
        return []
    starts = np.array([s for s, _ in words])
    ends = np.array([e for _, e in words])
    # An occurrence belongs to the word holding its middle character.
    mid = (f.occ_start + np.maximum(f.occ_end - 1, f.occ_start)) // 2
    w_of = np.searchsorted(ends, mid, side="right")
    ok = (w_of < len(words)) & (f.occ_end > f.occ_start)
    ok[ok] &= starts[w_of[ok]] <= mid[ok]
    score = np.zeros(len(words), np.float32)
    np.add.at(score, w_of[ok], contrib[ok])
    top = score.max()
    if top <= 0:
        return []
    strong = score >= max(0.35 * top, 1e-6)
    out: list[tuple[int, int, float]] = []
    i = 0
    while i < len(words):
        if not strong[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(words) and strong[j + 1] and words[j + 1][0] - words[j][1] <= 2:
            j += 1
        out.append((words[i][0], words[j][1], float(score[i:j + 1].sum())))
        i = j + 1
    out.sort(key=lambda t: -t[2])
    return out[:limit]


FINDING_THRESHOLD = 0.5


@register("classifier", order=50)
class ClassifierDetector:
    """Content classifier over every taxonomy category, for prompts and for responses with their prompt."""

    name = "classifier"
    categories: tuple[str, ...] = CATEGORY_IDS

    def __init__(self, model_path: Path | None = None) -> None:
        self._path = model_path
        self._model: TextGuardModel | None = None

    @property
    def model(self) -> TextGuardModel:
        if self._model is None:
            self._model = load_model(self._path)
        return self._model

    def _judge_text(self, text: str, role: str) -> tuple[np.ndarray, Features, np.ndarray]:
        m = self.model
        p, f = m.probs(text, role)
        return p[m.cat_pos], f, p

    def scores_for(self, text: str, role: str = "prompt", prompt: str | None = None) -> dict[str, float]:
        """Category probabilities for a plain string (no chunking, no attribution)."""
        return self.detect(Document(text=text, role=role, prompt=prompt)).scores  # type: ignore[arg-type]

    def detect(self, doc: Document) -> Detection:
        m = self.model
        folded = doc.folded
        text = folded.text
        best = np.zeros(len(CATEGORY_IDS), np.float32)
        best_chunk: list[tuple[int, int, Features] | None] = [None] * len(CATEGORY_IDS)
        refusal = 0.0
        for s, e in doc.chunks():
            cat_p, f, full = self._judge_text(text[s:e], doc.role)
            if m.refusal_pos is not None:
                refusal = max(refusal, float(full[m.refusal_pos]))
            better = cat_p > best
            for k in np.nonzero(better)[0]:
                best_chunk[k] = (s, e, f)
            best = np.maximum(best, cat_p)
        scores = best.copy()
        if doc.role == "response" and doc.prompt:
            # The prompt's harm, damped by refusal: complying with a harmful request carries its harm.
            p_doc = Document(text=doc.prompt, role="prompt")
            ptext = p_doc.folded.text
            prompt_p = np.zeros(len(CATEGORY_IDS), np.float32)
            for s, e in p_doc.chunks():
                cp, _, _ = self._judge_text(ptext[s:e], "prompt")
                prompt_p = np.maximum(prompt_p, cp)
            carried = prompt_p * (1.0 - refusal) ** m.refusal_damp
            scores = np.maximum(scores, carried.astype(np.float32))
        det = Detection(scores={c: float(round(float(v), 6)) for c, v in zip(CATEGORY_IDS, scores, strict=True)})
        for k, cat in enumerate(CATEGORY_IDS):
            if best[k] < FINDING_THRESHOLD or best_chunk[k] is None:
                continue
            s0, e0, f = best_chunk[k]  # type: ignore[misc]
            contrib = m.contributions(f, int(m.cat_pos[k]))
            # Feature offsets are relative to the chunk's start in the folded text.
            phrases = _phrases(_lower(text[s0:e0])[:MAX_FEATURE_CHARS], contrib, f)
            ev: list[str] = []
            for ps, pe, _ in phrases:
                os_, oe = folded.to_original(s0 + ps, s0 + pe)
                ev.append(doc.text[os_:oe])
                det.findings.append(Finding(start=os_, end=oe, category=cat, score=float(best[k]),
                                            detector=self.name, reason=f"phrase that drove '{cat}'"))
            if ev:
                det.evidence[cat] = ev
        return det

    def detect_batch(self, docs: Sequence[Document]) -> list[Detection]:
        return [self.detect(d) for d in docs]

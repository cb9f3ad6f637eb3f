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
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse

from railguard.detectors.classifier import CHAR_ORDERS, DEFAULT_BITS, MODEL_DIR, ROLE_RESPONSE_TOKEN, Featurizer
from railguard.synth import hard_negatives as hn
from railguard.synth import responses as rs
from railguard.taxonomy import CATEGORY_IDS
from railguard.train import sources as src
from railguard.train.dedup import build_index, deduplicate
from railguard.train.sources import Sample

HEADS: tuple[str, ...] = (*CATEGORY_IDS, "refusal")
VAL_SHARE = 0.12


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
    return samples, generated


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


def featurize(samples: list[Sample], fz: Featurizer) -> sparse.csr_matrix:
    indptr = [0]
    indices: list[np.ndarray] = []
    data: list[np.ndarray] = []
    for s in samples:
        f = fz.featurize(s.text, (ROLE_RESPONSE_TOKEN,) if s.role == "response" else ())
        indices.append(f.idx)
        data.append(f.val)
        indptr.append(indptr[-1] + len(f.idx))
    return sparse.csr_matrix((np.concatenate(data), np.concatenate(indices), np.asarray(indptr)),
                             shape=(len(samples), fz.dim), dtype=np.float32)


def targets(samples: list[Sample], head: str) -> tuple[np.ndarray, np.ndarray]:
    """(target in [0, 1], mask of rows that take part) for one head."""
    if head == "refusal":
        y = np.array([s.refusal if s.refusal is not None else 0.0 for s in samples], np.float32)
        m = np.array([s.refusal is not None for s in samples])
        return y, m
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m railguard.train textguard", description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    ap.add_argument("--alpha", type=float, default=2e-6, help="L2 strength of the heads")
    ap.add_argument("--bits", type=int, default=DEFAULT_BITS, help="hash space is 2**bits")
    args = ap.parse_args(argv)
    t0 = time.time()
    np.random.seed(args.seed)

    samples, generated = build_samples(args.seed)
    _log(f"{len(samples)} rows before dedup; building the eval-only index")
    index = build_index()
    kept, dropped = deduplicate(samples, index)
    _log(f"{len(kept)} rows after dedup (dropped {len(samples) - len(kept)})")
    train, val = split(kept, args.seed)
    fz = Featurizer(bits=args.bits, char_orders=CHAR_ORDERS)
    _log(f"featurising {len(train)} train / {len(val)} val rows")
    Xt, Xv = featurize(train, fz), featurize(val, fz)

    W = np.zeros((fz.dim, len(HEADS)), np.float32)
    b = np.zeros(len(HEADS), np.float32)
    cal_a = np.ones(len(HEADS), np.float32)
    cal_b = np.zeros(len(HEADS), np.float32)
    val_metrics: dict[str, dict] = {}
    pv = np.zeros((len(val), len(HEADS)), np.float32)
    for k, head in enumerate(HEADS):
        yt, mt = targets(train, head)
        yv, mv = targets(val, head)
        w, icpt = train_head(Xt[mt], yt[mt], args.seed, args.alpha)
        W[:, k], b[k] = w, icpt
        lv = Xv @ w + icpt
        cal_a[k], cal_b[k] = platt(lv[mv], yv[mv])
        pv[:, k] = 1 / (1 + np.exp(-(cal_a[k] * lv + cal_b[k])))
        val_metrics[head] = _f1(yv[mv] >= 0.5, pv[mv, k])
        _log(f"head {head:16s} train_pos={int((yt[mt] >= 0.5).sum()):6d} val {val_metrics[head]}")

    cat_idx = [HEADS.index(c) for c in CATEGORY_IDS if c != "political"]
    y_any = np.array([s.unsafe for s in val])
    p_any = pv[:, cat_idx].max(axis=1)
    is_prompt = np.array([s.role == "prompt" for s in val])
    val_metrics["any_unsafe_prompt@0.5"] = _f1(y_any[is_prompt], p_any[is_prompt], 0.5)
    val_metrics["any_unsafe_prompt@0.8"] = _f1(y_any[is_prompt], p_any[is_prompt], 0.8)
    val_metrics["any_unsafe_response_content@0.5"] = _f1(y_any[~is_prompt], p_any[~is_prompt], 0.5)
    benign_val = ~y_any & is_prompt
    val_metrics["benign_prompt_fpr@0.5"] = round(float((p_any[benign_val] >= 0.5).mean()), 4)
    _log(f"val overall: {json.dumps({k: v for k, v in val_metrics.items() if 'any' in k or 'fpr' in k})}")

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / "weights.npz", W=W.astype(np.float16), b=b, cal_a=cal_a, cal_b=cal_b)
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
        "training": {"model": "per-head logistic regression (SGD, log loss, averaged)", "alpha": args.alpha,
                     "calibration": "Platt scaling per head on the validation split", "val_share": VAL_SHARE},
        "response": {"refusal_damp": 1.0,
                     "rule": "response score = max(response content score, prompt score x (1 - refusal)^refusal_damp)"},
        "data": {
            "sources": licenses,
            "generated": generated,
            "rows_before_dedup": len(samples),
            "rows_after_dedup": len(kept),
            "rows_per_source": dict(sorted(rows_per_source.items())),
            "dedup": {"eval_only_folders": sorted(index.per_folder), "eval_strings_indexed": int(sum(index.per_folder.values())),
                      "dropped_per_source": dropped,
                      "dropped_total": len(samples) - len(kept)},
            "train_rows": len(train), "val_rows": len(val),
            "languages": dict(Counter(s.lang for s in kept).most_common(40)),
            "unsafe_rows": int(sum(s.unsafe for s in kept)), "safe_rows": int(sum(not s.unsafe for s in kept)),
        },
        "metrics_validation": val_metrics,
        "train_seconds": round(time.time() - t0, 1),
        "files": {"weights.npz": "W (2**bits x heads, float16), b, cal_a, cal_b", "manifest.json": "this file"},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    _log(f"wrote {out} in {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

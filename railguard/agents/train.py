"""Train the agent guard: `python -m railguard.agents.train` writes railguard/models/agentguard/.

Data: the engine's synthetic trajectories (training templates only) + InjecAgent, AgentDojo and ToolEmu cases +
benign tool use (glaive, ToolAlpaca, tau-bench) for the step and type heads; harmful requests (AdvBench,
StrongREJECT, Do-Not-Answer) vs benign tool-use tasks for the task-harm head. All permissive. Everything is
deduplicated against the eval-only sets (R-Judge, ASSEBench, AgentHarm). The threshold is picked on a validation
split carved from the training data (grouped), never on an eval set.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from railguard.agents import datasets as D
from railguard.agents.dedup import NearDupIndex
from railguard.agents.features import DIM, N_FEATURES, featurize, task_harm_row, to_csr
from railguard.agents.model import MODEL_DIR, LinearHeads
from railguard.agents.schema import RISK_TYPES
from railguard.agents.synth import generate


def _primary_type(types: list[str]) -> str:
    rest = [t for t in types if t != "external_attack"]
    return rest[0] if rest else (types[0] if types else "unauthorized_action")


def build_examples(n_synth: int, seed: int, log) -> tuple[list[D.Example], dict]:
    rng = random.Random(seed)
    samples, synth_report = generate(n_synth, seed=seed, split="train")
    ex = [D.Example(s.trajectory, 1 if s.label == "unsafe" else 0, s.risk_types, s.step, "railguard_synth", f"synth:{s.template}:{i % 7}")
          for i, s in enumerate(samples)]
    log(f"synth: {len(ex)} accepted; reward filter rejected {synth_report['rejected']}")
    public: list[D.Example] = []
    for loader in (D.load_injecagent, D.load_agentdojo, D.load_toolemu, D.load_benign_tool_use):
        try:
            got = loader(rng)
        except FileNotFoundError as e:
            log(f"skip {loader.__name__}: {e}")
            continue
        public += got
        log(f"{loader.__name__}: {len(got)}")
    idx = NearDupIndex(D.eval_texts())
    kept, dropped = [], Counter()
    for e in ex + public:
        if idx.is_dup(D.flatten(e.traj)):
            dropped[e.source] += 1
        else:
            kept.append(e)
    log(f"dedup against eval-only sets dropped {dict(dropped)}")
    return kept, {"synth_report": synth_report, "dedup_dropped": dict(dropped)}


def _rows(examples: list[D.Example], harm: list[float]):
    X, y, types, owner = [], [], [], []
    for k, (e, h) in enumerate(zip(examples, harm, strict=True)):
        _, rows = featurize(e.traj, task_harm=h)
        tool_idx = [i for i, s in enumerate(e.traj.steps) if s.tool]
        for i, r in enumerate(rows):
            pos = e.label == 1 and e.step is not None and i >= e.step and i in tool_idx
            if e.label == 1 and e.step is None:  # unsafe without a step label: its last step carries it
                pos = i == len(rows) - 1
            X.append(r)
            y.append(1 if pos else 0)
            types.append(RISK_TYPES.index(_primary_type(e.risk_types)) if pos else -1)
            owner.append(k)
    return X, np.array(y), np.array(types), np.array(owner)


def _traj_scores(w: np.ndarray, b: float, X, owner: np.ndarray, n: int) -> np.ndarray:
    z = X @ w + b
    p = 1 / (1 + np.exp(-z))
    out = np.zeros(n)
    np.maximum.at(out, owner, p)
    return out


def _f1_at(scores: np.ndarray, y: np.ndarray, thr: float) -> float:
    pred = scores >= thr
    tp = int((pred & (y == 1)).sum())
    fp = int((pred & (y == 0)).sum())
    fn = int((~pred & (y == 1)).sum())
    return 2 * tp / max(1, 2 * tp + fp + fn)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n-synth", type=int, default=4000)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    ap.add_argument("--C", type=float, default=2.0)
    ap.add_argument("--exclude", action="append", default=[], help="leave out a public source (ablation), e.g. injecagent")
    a = ap.parse_args(argv)
    from sklearn.linear_model import LogisticRegression

    t0 = time.time()

    def log(msg: str) -> None:
        print(f"[{time.time() - t0:6.1f}s] {msg}", file=sys.stderr, flush=True)

    # ---- task-harm head
    rng = random.Random(a.seed)
    texts, ylab, harm_counts = D.load_task_harm(rng)
    hidx = NearDupIndex([e.traj.task for e in D.load_agentharm()] + [e.traj.task for e in D.load_assebench()], threshold=0.6)
    keep = [i for i, t in enumerate(texts) if not hidx.is_dup(t)]
    harm_dropped = len(texts) - len(keep)
    texts, ylab = [texts[i] for i in keep], np.array([ylab[i] for i in keep])
    Xh = to_csr([task_harm_row(t) for t in texts], DIM)
    harm_model = LogisticRegression(C=4.0, max_iter=1000, class_weight="balanced").fit(Xh, ylab)
    log(f"task-harm head: {len(texts)} tasks ({int(ylab.sum())} harmful), {harm_dropped} dropped as eval near-duplicates")

    def harm_of(task: str) -> float:
        return float(harm_model.predict_proba(to_csr([task_harm_row(task)], DIM))[:, 1][0])

    # ---- step + type heads
    examples, data_report = build_examples(a.n_synth, a.seed, log)
    if a.exclude:
        examples = [e for e in examples if e.source not in a.exclude]
        log(f"ablation: left out {a.exclude}")
    # cross-fitted harm feature so the step head does not learn to trust an over-fitted harm score
    harm = [harm_of(e.traj.user_text()) for e in examples]
    groups = np.array([e.group for e in examples])
    uniq = sorted(set(groups))
    r = random.Random(a.seed)
    val_groups = set(r.sample(uniq, max(1, len(uniq) // 6)))
    is_val = np.array([g in val_groups for g in groups])
    tr_ex = [e for e, v in zip(examples, is_val, strict=True) if not v]
    va_ex = [e for e, v in zip(examples, is_val, strict=True) if v]
    tr_h = [h for h, v in zip(harm, is_val, strict=True) if not v]
    va_h = [h for h, v in zip(harm, is_val, strict=True) if v]
    Xtr_rows, ytr, ttr, _ = _rows(tr_ex, tr_h)
    Xva_rows, _, _, own_va = _rows(va_ex, va_h)
    Xtr, Xva = to_csr(Xtr_rows, N_FEATURES), to_csr(Xva_rows, N_FEATURES)
    log(f"rows: train {Xtr.shape[0]} steps ({int(ytr.sum())} unsafe) from {len(tr_ex)} trajectories; val {len(va_ex)} trajectories")
    step_m = LogisticRegression(C=a.C, max_iter=2000, class_weight="balanced").fit(Xtr, ytr)
    w, b = step_m.coef_[0].astype(np.float32), float(step_m.intercept_[0])
    yva = np.array([e.label for e in va_ex])
    sva = _traj_scores(w, b, Xva, own_va, len(va_ex))
    grid = np.linspace(0.2, 0.95, 76)
    f1s = [_f1_at(sva, yva, t) for t in grid]
    # The validation split rarely separates neighbouring thresholds (a plateau of equal F1); among those within 0.005
    # of the best, take the one nearest 0.5, the neutral point of a class-balanced logistic model.
    best = max(f1s)
    near = [t for t, f in zip(grid, f1s, strict=True) if f >= best - 0.005]
    thr = float(min(near, key=lambda t: abs(t - 0.5)))
    # block where validation precision reaches 0.99 (and not below 0.8); between the two thresholds: ask the user
    block = 0.95
    for t in grid[grid >= thr]:
        pred = sva >= t
        if pred.sum() and (yva[pred] == 1).mean() >= 0.99:
            block = float(t)
            break
    block = max(block, 0.8, thr)
    val_metrics = {"val_f1": round(max(f1s), 4), "threshold": round(thr, 3), "block_threshold": round(block, 3),
                   "val_trajectories": len(va_ex), "val_unsafe": int(yva.sum())}
    by_src = {}
    for src in sorted({e.source for e in va_ex}):
        m = np.array([e.source == src for e in va_ex])
        if m.sum():
            acc = float(((sva[m] >= thr) == (yva[m] == 1)).mean())
            by_src[src] = {"n": int(m.sum()), "accuracy": round(acc, 4)}
    val_metrics["val_accuracy_by_source"] = by_src
    log(f"validation: {val_metrics}")
    # refit on everything with the chosen settings
    all_rows, yall, tall, _ = _rows(examples, harm)
    Xall = to_csr(all_rows, N_FEATURES)
    step_m = LogisticRegression(C=a.C, max_iter=2000, class_weight="balanced").fit(Xall, yall)
    pos = tall >= 0
    type_m = LogisticRegression(C=a.C, max_iter=2000).fit(Xall[pos], tall[pos])
    w_type = np.zeros((N_FEATURES, len(RISK_TYPES)), dtype=np.float32)
    b_type = np.full(len(RISK_TYPES), -10.0, dtype=np.float32)
    for j, cls in enumerate(type_m.classes_):
        w_type[:, cls] = type_m.coef_[j]
        b_type[cls] = type_m.intercept_[j]
    heads = LinearHeads(
        w_step=step_m.coef_[0].astype(np.float32), b_step=float(step_m.intercept_[0]), w_type=w_type, b_type=b_type,
        w_harm=harm_model.coef_[0].astype(np.float32), b_harm=float(harm_model.intercept_[0]),
        config={"threshold": round(thr, 3), "block_threshold": round(block, 3)},
    )
    heads.save(a.out)
    src_counts = Counter(e.source for e in examples)
    manifest = {
        "name": "agentguard",
        "model": "three logistic-regression heads over 2^16 hashed step features + explicit signals (numpy inference)",
        "command": "python -m railguard.agents.train " + " ".join(argv if argv is not None else sys.argv[1:]),
        "date": dt.date.today().isoformat(),
        "seed": a.seed,
        "data": {
            "trajectories_by_source": dict(src_counts),
            "step_rows": int(Xall.shape[0]),
            "unsafe_step_rows": int(yall.sum()),
            "type_rows": dict(Counter(RISK_TYPES[i] for i in tall[pos])),
            "task_harm_tasks": {"kept": len(texts), "harmful": int(ylab.sum()), "sources": harm_counts, "dropped_as_eval_near_duplicates": harm_dropped},
            "synthetic": {"engine": "railguard.agents.synth (training templates only)", "n": a.n_synth, **data_report["synth_report"]},
            "dedup_dropped_vs_eval_only": data_report["dedup_dropped"],
            "eval_only_never_trained_on": ["r_judge", "assebench", "agentharm"],
            "not_used": {"agent_safetybench": "research license"},
        },
        "licenses": {k: v for k, v in D.LICENSES.items()} | {"railguard_synth": "generated by railguard (Apache-2.0)"},
        "metrics": val_metrics,
        "files": ["heads.npz", "config.json"],
    }
    (a.out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    log(f"wrote {a.out} ({sum(p.stat().st_size for p in a.out.iterdir()) / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

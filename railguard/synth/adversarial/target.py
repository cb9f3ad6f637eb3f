"""The guard the generator attacks: anything with `predict(texts) -> bool array` (True = judged unsafe).

- `GuardTarget`: railguard's own `Guard` under a policy. A text counts as judged unsafe when its
  label is not `safe` and a content category fired (personal data alone is a redaction matter, not the
  content decision the loop attacks).
- `LinearTarget`: the same Guard, with the text classifier's linear heads held in memory so the loop
  can fine-tune them between rounds (warm start from the shipped weights, pulled back towards them by
  an L2 term, on the accepted variants plus a replay of clean seeds) and save them in the artifact's
  format. This is the in-loop stand-in for a full retrain; the shipped artifact is retrained by the
  normal training command, reading the generated data file.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from railguard.text.normalize import normalize

NON_CONTENT = frozenset({"pii"})


class Target(Protocol):
    name: str

    def predict(self, texts: Sequence[str]) -> np.ndarray: ...


class GuardTarget:
    """railguard.Guard as the target (default detectors, or the ones given)."""

    def __init__(self, policy: str = "strict", detectors: Sequence[object] | None = None, name: str = "guard") -> None:
        from railguard.guard import Guard

        self.guard = Guard(policy=policy, detectors=detectors)  # type: ignore[arg-type]
        self.name = name

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros(len(texts), dtype=bool)
        for start in range(0, len(texts), 256):
            for j, v in enumerate(self.guard.check_batch(list(texts[start:start + 256]))):
                out[start + j] = v.label != "safe" and bool(set(v.categories) - NON_CONTENT)
        return out


def classifier_available(model_dir: Path | None = None) -> bool:
    try:
        from railguard.detectors import classifier
    except ImportError:
        return False
    return ((model_dir or classifier.MODEL_DIR) / "manifest.json").is_file()


class LinearTarget(GuardTarget):
    """Guard whose text classifier's heads can be fine-tuned in memory and saved as an artifact.

    Works with both artifact layouts: lexical heads with Platt calibration (W, b, cal_a, cal_b), and
    lexical + encoder heads fused per head (W, b, E, Eb, fuse). Per head the probability is
    sigmoid(a * lexical_logit + o), with o = fb * encoder_logit + fc (or cal_b); the update follows the
    gradient of the calibrated log loss into the lexical weights and, when present, the encoder heads.
    """

    def __init__(self, model_dir: Path | None = None, policy: str = "strict", l2: float = 1e-2, lr: float = 0.2,
                 segments: bool = True) -> None:
        from railguard.detectors import classifier
        from railguard.detectors.base import default_names

        self.classifier = classifier
        self.model_dir = Path(model_dir or classifier.MODEL_DIR)
        self.model = classifier.TextGuardModel(self.model_dir)
        m = self.model
        self.W0 = m.W.astype(np.float32)
        self.W = self.W0.copy()
        m.W = self.W  # the detector reads float32 weights as it reads float16 ones
        fuse = getattr(m, "fuse", None)
        if fuse is not None:
            self.fa, self.fb, self.fc = fuse[:, 0].copy(), fuse[:, 1].copy(), fuse[:, 2].copy()
        else:
            self.fa, self.fb, self.fc = m.cal_a.copy(), np.zeros_like(m.cal_a), m.cal_b.copy()
        self.E = getattr(m, "E", None)
        self.E0 = None if self.E is None else self.E.copy()
        det = classifier.ClassifierDetector(self.model_dir, segments=segments)
        det._model = m
        others = [n for n in default_names() if n != "classifier"]
        super().__init__(policy=policy, detectors=[*others, det], name="railguard+classifier")
        self.l2 = l2
        self.lr = lr
        self.updates = 0

    def _features(self, text: str):
        folded = normalize(text).text
        return folded, self.model.featurizer.featurize(folded[: self.classifier.MAX_FEATURE_CHARS])

    def _heads_for(self, label: str, cats: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        m = self.model
        harm = [c for c in self.classifier.CATEGORY_IDS if c != "political" and c in m.head_pos]
        unsafe_head = [m.head_pos["unsafe"]] if "unsafe" in m.head_pos else []
        if label == "safe":
            heads = [m.head_pos[c] for c in harm] + unsafe_head
            return np.array(heads), np.zeros(len(heads), np.float32)
        heads = [m.head_pos[c] for c in cats if c in m.head_pos] + unsafe_head
        return np.array(heads), np.ones(len(heads), np.float32)

    def update(self, texts: Sequence[str], labels: Sequence[str], categories: Sequence[Sequence[str]],
               epochs: int = 3, seed: int = 0) -> dict[str, float]:
        """Fine-tune on (text, label, categories): benign rows pull every harm head (and `unsafe`) down;
        harmful rows push up `unsafe` and the heads of their own categories (the others are left alone,
        since seed category lists are incomplete)."""
        m = self.model
        prepared = [self._features(t) for t in texts]
        feats = [f for _, f in prepared]
        emb = None
        if self.E is not None:
            emb = self.classifier.embed([t for t, _ in prepared])
            emb = np.hstack([emb, np.zeros((len(texts), 1), np.float32)])  # role flag: prompt
        rng = np.random.default_rng(seed)
        order = np.arange(len(texts))
        loss_sum, n_terms = 0.0, 0
        for _ in range(epochs):
            rng.shuffle(order)
            for i in order:
                f = feats[i]
                heads, y = self._heads_for(labels[i], categories[i])
                if len(heads) == 0 or len(f.idx) == 0:
                    continue
                w = self.W[np.ix_(f.idx, heads)]
                lex = f.val @ w + m.b[heads]
                o = self.fc[heads].copy()
                if emb is not None:
                    o += self.fb[heads] * (emb[i] @ self.E[:, heads] + m.Eb[heads])
                p = 1.0 / (1.0 + np.exp(-np.clip(self.fa[heads] * lex + o, -30, 30)))
                err = p - y
                g_lex = self.fa[heads] * err
                grad_w = np.outer(f.val, g_lex) + self.l2 * (w - self.W0[np.ix_(f.idx, heads)])
                self.W[np.ix_(f.idx, heads)] = w - self.lr * grad_w
                # biases stay: they carry the calibrated prior; the rows are not a sample of real traffic
                if emb is not None:
                    g_enc = self.fb[heads] * err
                    e = self.E[:, heads]
                    self.E[:, heads] = e - self.lr * 0.2 * (np.outer(emb[i], g_enc) + self.l2 * (e - self.E0[:, heads]))
                loss_sum += float(-(y * np.log(p + 1e-9) + (1 - y) * np.log(1 - p + 1e-9)).sum())
                n_terms += len(heads)
        self.updates += 1
        return {"rows": float(len(texts)), "loss": round(loss_sum / max(1, n_terms), 4)}

    def snapshot(self) -> tuple[np.ndarray, np.ndarray | None]:
        return self.W.copy(), None if self.E is None else self.E.copy()

    def blend(self, before: tuple[np.ndarray, np.ndarray | None], after: tuple[np.ndarray, np.ndarray | None],
              alpha: float) -> None:
        """Set the weights to before + alpha * (after - before), in place (the detector holds them)."""
        self.W[:] = before[0] + alpha * (after[0] - before[0])
        if self.E is not None and before[1] is not None and after[1] is not None:
            self.E[:] = before[1] + alpha * (after[1] - before[1])

    def save(self, out_dir: Path, note: dict | None = None) -> Path:
        """Write the fine-tuned heads as an artifact folder (same format as the shipped one)."""
        out_dir.mkdir(parents=True, exist_ok=True)
        for p in self.model_dir.iterdir():
            if p.is_file() and p.name not in ("weights.npz", "manifest.json"):
                shutil.copy2(p, out_dir / p.name)
        arrays = dict(np.load(self.model_dir / "weights.npz"))
        arrays["W"] = self.W.astype(arrays["W"].dtype)
        arrays["b"] = self.model.b.astype(arrays["b"].dtype)
        if self.E is not None and "E" in arrays:
            arrays["E"] = self.E.astype(arrays["E"].dtype)
            arrays["Eb"] = self.model.Eb.astype(arrays["Eb"].dtype)
        np.savez_compressed(out_dir / "weights.npz", **arrays)
        manifest = dict(self.model.manifest)
        manifest["adversarial_finetune"] = {"base": str(self.model_dir), "updates": self.updates, **(note or {})}
        (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
        return out_dir

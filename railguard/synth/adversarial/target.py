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
    """Guard whose text classifier's heads can be fine-tuned in memory and saved as an artifact."""

    def __init__(self, model_dir: Path | None = None, policy: str = "strict", l2: float = 1e-3, lr: float = 0.5) -> None:
        from railguard.detectors import classifier
        from railguard.detectors.base import default_names

        self.classifier = classifier
        self.model_dir = Path(model_dir or classifier.MODEL_DIR)
        self.model = classifier.TextGuardModel(self.model_dir)
        self.W0 = self.model.W.astype(np.float32)
        self.W = self.W0.copy()
        self.b0 = self.model.b.copy()
        self.model.W = self.W  # the detector reads float32 weights as it reads float16 ones
        det = classifier.ClassifierDetector(self.model_dir)
        det._model = self.model
        others = [n for n in default_names() if n != "classifier"]
        super().__init__(policy=policy, detectors=[*others, det], name="railguard+classifier")
        self.l2 = l2
        self.lr = lr
        self.updates = 0

    def _features(self, text: str):
        folded = normalize(text).text
        return self.model.featurizer.featurize(folded[: self.classifier.MAX_FEATURE_CHARS])

    def update(self, texts: Sequence[str], labels: Sequence[str], categories: Sequence[Sequence[str]],
               epochs: int = 3, seed: int = 0) -> dict[str, float]:
        """Fine-tune the category heads on (text, label, categories): benign rows pull every category
        head down; harmful rows push up the heads of their own categories (the others are left alone,
        since seed category lists are incomplete)."""
        m = self.model
        feats = [self._features(t) for t in texts]
        head_of = m.head_pos
        cat_heads = [head_of[c] for c in self.classifier.CATEGORY_IDS if c in head_of]
        rng = np.random.default_rng(seed)
        order = np.arange(len(texts))
        loss_sum, n_terms = 0.0, 0
        for _ in range(epochs):
            rng.shuffle(order)
            for i in order:
                f = feats[i]
                if len(f.idx) == 0:
                    continue
                if labels[i] == "safe":
                    heads = np.array(cat_heads)
                    y = np.zeros(len(heads), np.float32)
                else:
                    heads = np.array([head_of[c] for c in categories[i] if c in head_of])
                    if len(heads) == 0:
                        continue
                    y = np.ones(len(heads), np.float32)
                w = self.W[np.ix_(f.idx, heads)]
                z = f.val @ w + m.b[heads]
                a = m.cal_a[heads]
                p = 1.0 / (1.0 + np.exp(-np.clip(a * z + m.cal_b[heads], -30, 30)))
                g = a * (p - y)                                   # d loss / d z per head
                grad_w = np.outer(f.val, g) + self.l2 * (w - self.W0[np.ix_(f.idx, heads)])
                self.W[np.ix_(f.idx, heads)] = w - self.lr * grad_w
                m.b[heads] -= self.lr * 0.1 * g
                loss_sum += float(-(y * np.log(p + 1e-9) + (1 - y) * np.log(1 - p + 1e-9)).sum())
                n_terms += len(heads)
        self.updates += 1
        return {"rows": float(len(texts)), "loss": loss_sum / max(1, n_terms)}

    def save(self, out_dir: Path, note: dict | None = None) -> Path:
        """Write the fine-tuned heads as an artifact folder (same format as the shipped one)."""
        out_dir.mkdir(parents=True, exist_ok=True)
        for p in self.model_dir.iterdir():
            if p.is_file() and p.name not in ("weights.npz", "manifest.json"):
                shutil.copy2(p, out_dir / p.name)
        arrays = dict(np.load(self.model_dir / "weights.npz"))
        arrays["W"] = self.W.astype(arrays["W"].dtype)
        arrays["b"] = self.model.b.astype(arrays["b"].dtype)
        np.savez_compressed(out_dir / "weights.npz", **arrays)
        manifest = dict(self.model.manifest)
        manifest["adversarial_finetune"] = {"base": str(self.model_dir), "updates": self.updates, **(note or {})}
        (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
        return out_dir

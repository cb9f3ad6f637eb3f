"""The learned part of the agent guard: three linear heads over hashed features, stored as one small .npz.

- step head: P(step is unsafe | task, history, step)
- type head: which risk type an unsafe step carries (softmax over RISK_TYPES)
- task-harm head: P(the user's task itself asks for something harmful)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from railguard.agents.features import DIM, N_FEATURES
from railguard.agents.schema import RISK_TYPES

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "agentguard"


@dataclass
class LinearHeads:
    w_step: np.ndarray  # (N_FEATURES,)
    b_step: float
    w_type: np.ndarray  # (N_FEATURES, len(RISK_TYPES))
    b_type: np.ndarray  # (len(RISK_TYPES),)
    w_harm: np.ndarray  # (DIM,)
    b_harm: float
    config: dict = field(default_factory=dict)

    def step_logit(self, idx: np.ndarray, val: np.ndarray) -> float:
        return float(val @ self.w_step[idx] + self.b_step)

    def type_probs(self, idx: np.ndarray, val: np.ndarray) -> np.ndarray:
        z = val @ self.w_type[idx] + self.b_type
        z = z - z.max()
        e = np.exp(z)
        return e / e.sum()

    def harm(self, idx: np.ndarray, val: np.ndarray) -> float:
        if len(idx) == 0:
            return 0.0
        return float(_sigmoid(val @ self.w_harm[idx] + self.b_harm))

    def save(self, d: Path) -> None:
        d.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            d / "heads.npz",
            w_step=self.w_step.astype(np.float16), b_step=np.float32(self.b_step),
            w_type=self.w_type.astype(np.float16), b_type=self.b_type.astype(np.float32),
            w_harm=self.w_harm.astype(np.float16), b_harm=np.float32(self.b_harm),
        )
        (d / "config.json").write_text(json.dumps(self.config, indent=2, sort_keys=True) + "\n")

    @classmethod
    def load(cls, d: Path = MODEL_DIR) -> LinearHeads:
        z = np.load(d / "heads.npz")
        cfg = json.loads((d / "config.json").read_text()) if (d / "config.json").exists() else {}
        heads = cls(
            w_step=z["w_step"].astype(np.float32), b_step=float(z["b_step"]),
            w_type=z["w_type"].astype(np.float32), b_type=z["b_type"].astype(np.float32),
            w_harm=z["w_harm"].astype(np.float32), b_harm=float(z["b_harm"]), config=cfg,
        )
        if heads.w_step.shape != (N_FEATURES,) or heads.w_type.shape != (N_FEATURES, len(RISK_TYPES)) or heads.w_harm.shape != (DIM,):
            raise ValueError(f"agent guard model at {d} does not match this code's feature layout; retrain with python -m railguard.agents.train")
        return heads


def _sigmoid(x: float) -> float:
    return float(1.0 / (1.0 + np.exp(-np.clip(x, -30, 30))))


sigmoid = _sigmoid

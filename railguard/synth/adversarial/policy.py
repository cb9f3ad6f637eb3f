"""The generator: a softmax policy over attack operators and chain depth, trained with REINFORCE.

Context = (seed label, seed language). Logits are shared per label plus a per-language offset, so a
language with few seeds borrows what the others learned. A chain is sampled step by step: depth from
a softmax over {1, 2, 3}; then operators without replacement among those that apply (after an
encoding only wrapping operators may follow, so the encoded payload stays decodable). The update is
the policy gradient of the chain's log-probability, with a per-context running baseline and an
entropy bonus that keeps the generator exploring.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from railguard.synth.adversarial.operators import BY_NAME, Operator, applicable

# Families that wrap text (and so may follow an encoding).
_WRAPPING = frozenset({"wrapper", "hiding", "paraphrase"})
_WRAPPING_OPS = frozenset({"foreign_frame", "answer_in"})
DEPTHS: tuple[int, ...] = (1, 2, 3)


@dataclass
class Action:
    label: str
    language: str
    chain: tuple[str, ...]
    # per step: (the operators that were allowed, index of the chosen one), for the gradient
    steps: list[tuple[list[int], int]] = field(default_factory=list)
    depth_index: int = 0


def _softmax(x: np.ndarray) -> np.ndarray:
    z = np.exp(x - x.max())
    return z / z.sum()


class OperatorPolicy:
    def __init__(self, operators: Sequence[Operator], lr: float = 1.0, entropy_coef: float = 0.02,
                 baseline_decay: float = 0.8) -> None:
        self.ops = list(operators)
        self.names = [op.name for op in self.ops]
        self.lr = lr
        self.entropy_coef = entropy_coef
        self.baseline_decay = baseline_decay
        self.shared: dict[str, np.ndarray] = {}     # label -> op logits
        self.lang: dict[tuple[str, str], np.ndarray] = {}
        self.depth: dict[str, np.ndarray] = {}      # label -> depth logits
        self.baseline: dict[tuple[str, str], float] = {}

    # ------------------------------------------------------------ parameters
    def _logits(self, label: str, language: str) -> np.ndarray:
        s = self.shared.setdefault(label, np.zeros(len(self.ops)))
        o = self.lang.setdefault((label, language), np.zeros(len(self.ops)))
        return s + o

    def _depth_logits(self, label: str) -> np.ndarray:
        return self.depth.setdefault(label, np.zeros(len(DEPTHS)))

    def allowed(self, label: str, language: str, chain: Sequence[str]) -> list[int]:
        used = set(chain)
        after_encoding = any(BY_NAME[c].terminal for c in chain)
        out = []
        for i, op in enumerate(self.ops):
            if op.name in used or not applicable(op, label, language):
                continue
            if after_encoding and not (op.family in _WRAPPING or op.name in _WRAPPING_OPS):
                continue
            out.append(i)
        return out

    def probs(self, label: str, language: str) -> dict[str, float]:
        """First-step operator probabilities in a context (what the report plots)."""
        idx = self.allowed(label, language, ())
        p = _softmax(self._logits(label, language)[idx])
        return {self.names[i]: float(q) for i, q in zip(idx, p, strict=True)}

    def entropy(self, label: str, language: str) -> float:
        p = np.array(list(self.probs(label, language).values()))
        return float(-(p * np.log(p + 1e-12)).sum())

    # ------------------------------------------------------------ sampling
    def sample(self, label: str, language: str, rng: random.Random) -> Action:
        dp = _softmax(self._depth_logits(label))
        d_idx = _choice(dp, rng)
        act = Action(label, language, (), depth_index=d_idx)
        chain: list[str] = []
        for _ in range(DEPTHS[d_idx]):
            idx = self.allowed(label, language, chain)
            if not idx:
                break
            p = _softmax(self._logits(label, language)[idx])
            k = _choice(p, rng)
            act.steps.append((idx, k))
            chain.append(self.names[idx[k]])
        act.chain = tuple(chain)
        return act

    # ------------------------------------------------------------ learning
    def update(self, batch: Sequence[tuple[Action, float]]) -> None:
        """One REINFORCE step over a batch of (action, reward)."""
        if not batch:
            return
        g_shared: dict[str, np.ndarray] = {}
        g_lang: dict[tuple[str, str], np.ndarray] = {}
        g_depth: dict[str, np.ndarray] = {}
        by_ctx: dict[tuple[str, str], list[float]] = {}
        for act, r in batch:
            by_ctx.setdefault((act.label, act.language), []).append(r)
        for act, r in batch:
            ctx = (act.label, act.language)
            adv = r - self.baseline.get(ctx, float(np.mean(by_ctx[ctx])))
            logits = self._logits(*ctx)
            gs = g_shared.setdefault(act.label, np.zeros(len(self.ops)))
            gl = g_lang.setdefault(ctx, np.zeros(len(self.ops)))
            for idx, k in act.steps:
                p = _softmax(logits[idx])
                grad = -p
                grad[k] += 1.0
                # entropy bonus: gradient of H = -sum p log p w.r.t. the logits
                logp = np.log(p + 1e-12)
                h_grad = -p * (logp + (-(p * logp).sum()))
                step = adv * grad + self.entropy_coef * h_grad
                gs[idx] += step
                gl[idx] += step
            dp = _softmax(self._depth_logits(act.label))
            dg = -dp
            dg[act.depth_index] += 1.0
            g_depth.setdefault(act.label, np.zeros(len(DEPTHS)))[:] += adv * dg
        n = len(batch)
        for label, g in g_shared.items():
            self.shared[label] += self.lr * g / n
        for ctx, g in g_lang.items():
            # per-language offsets learn from their own (fewer) samples at the same rate per sample
            self.lang[ctx] += self.lr * g / max(1, len(by_ctx[ctx]))
        for label, g in g_depth.items():
            self.depth[label] += self.lr * g / n
        for ctx, rs in by_ctx.items():
            old = self.baseline.get(ctx)
            m = float(np.mean(rs))
            self.baseline[ctx] = m if old is None else self.baseline_decay * old + (1 - self.baseline_decay) * m

    def state(self) -> dict:
        return {
            "shared": {k: v.round(4).tolist() for k, v in self.shared.items()},
            "depth": {k: v.round(4).tolist() for k, v in self.depth.items()},
            "operators": self.names,
        }


def _choice(p: np.ndarray, rng: random.Random) -> int:
    u = rng.random()
    c = 0.0
    for i, q in enumerate(p):
        c += float(q)
        if u < c:
            return i
    return len(p) - 1


def novelty(text: str, seen_ngrams: set[str], n: int = 3) -> float:
    """Share of the text's word n-grams not produced before (1.0 = all new); adds them to `seen_ngrams`."""
    words = text.lower().split()
    grams = {" ".join(words[i:i + n]) for i in range(max(1, len(words) - n + 1))}
    if not grams:
        return 0.0
    new = grams - seen_ngrams
    seen_ngrams.update(grams)
    return len(new) / len(grams)


def entropy_bits(p: Sequence[float]) -> float:
    return -sum(q * math.log2(q) for q in p if q > 0)

"""Reward model for the engine: scores each synthesised sample and rejects incoherent or mislabelled ones.

Two parts, both reported per reason:
- coherence rules: every call names a tool of the trajectory's tool list with the tool's required arguments; a
  benign sample's recipients, accounts and links come from the task or an observation (an agent that invents
  them is not a clean negative); an unsafe sample's risky step is proposed and shows evidence of its label (an
  'observation' sample's action is traceable to words an observation said and the user did not; a 'subtle'
  overpayment really exceeds the billed amount; a risky message does not go to an address the user gave).
- label consistency (confident-learning style): a linear model cross-fitted on the other half of the batch; a
  sample whose own label it finds very unlikely (< `min_label_prob`) is rejected as probably mislabelled.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import numpy as np

from railguard.agents.features import N_FEATURES, featurize, to_csr
from railguard.agents.signals import _value_entities, content_words, words

if TYPE_CHECKING:
    from railguard.agents.synth.engine import Sample


def _required(params: dict[str, Any]) -> list[str]:
    req = params.get("required") if isinstance(params, dict) else None
    return [x for x in req if isinstance(x, str)] if isinstance(req, list) else []


class RewardModel:
    def __init__(self, min_label_prob: float = 0.05) -> None:
        self.min_label_prob = min_label_prob
        self._oof: dict[str, float] = {}

    # ---------------------------------------------------------------------------------- rules

    def rule_reasons(self, s: Sample) -> list[str]:
        t = s.trajectory
        reasons: list[str] = []
        specs = {x.name: x for x in t.tools}
        for i, st in enumerate(t.steps):
            if st.tool is None:
                continue
            sp = specs.get(st.tool)
            if sp is None:
                reasons.append(f"unknown_tool: step {i} calls {st.tool}, not in the tool list")
                continue
            missing = [k for k in _required(sp.parameters) if k not in st.arguments]
            if missing:
                reasons.append(f"schema: step {i} {st.tool} lacks required {missing}")
        user = t.user_text().lower()
        seen_obs = ""
        if s.label == "safe":
            for st in t.steps:
                if st.tool:
                    for e in _value_entities(" ".join(str(v) for v in st.arguments.values())):
                        if "@" in e or e.startswith("http") or re.match(r"^[a-z]{2}\d{2}", e):
                            if e not in user and e not in seen_obs:
                                reasons.append(f"ungrounded: benign step uses {e} that neither the user nor a tool gave")
                if st.observation:
                    seen_obs += st.observation.lower() + "\n"
            return reasons
        k = s.step
        if k is None or k >= len(t.steps) or not t.steps[k].proposed:
            return [*reasons, "label_no_risky_step: the risky step is missing or already executed"]
        risky = t.steps[k]
        earlier_obs = " ".join(x.observation or "" for x in t.steps[:k])
        args_text = " ".join(str(v) for v in risky.arguments.values()).lower()
        if s.difficulty == "observation":
            # the action must be traceable to what an observation said and the user did not (provenance coherence)
            from_obs = content_words(earlier_obs) - content_words(t.user_text())
            acted = content_words(" ".join(words(risky.tool or "")) + " " + args_text)
            if not (acted & from_obs):
                reasons.append("label_not_traceable: the 'observation' risky step does nothing an observation asked for")
        if s.variant != "user_request":
            ents = [e for e in _value_entities(args_text) if "@" in e]
            if ents and all(e in user for e in ents):
                reasons.append("label_recipient_from_user: the risky message goes to an address the user gave")
        if s.difficulty == "subtle" and "financial_loss" in s.risk_types:
            billed = re.findall(r"(?:amount due|amount|total|pay)\D{0,12}(\d+(?:\.\d+)?)", earlier_obs + " " + t.task, re.I)
            task_amounts = [float(x) for x in billed]
            amounts = [float(v) for v in risky.arguments.values() if isinstance(v, (int, float))]
            if amounts and task_amounts and max(amounts) <= max(task_amounts):
                reasons.append("label_not_overpayment: 'subtle' overpayment is not above the billed amount")
        return reasons

    # ---------------------------------------------------------------------------------- learned consistency

    def fit_consistency(self, samples: list[Sample], seed: int = 0) -> None:
        """Out-of-fold P(unsafe) for each sample from a model trained on the other fold."""
        if len(samples) < 40:
            return
        try:
            from sklearn.linear_model import LogisticRegression
        except ImportError:  # scikit-learn is a dev/training dependency; without it only the rules filter
            return

        rows, ys = [], []
        for s in samples:
            _, r = featurize(s.trajectory)
            k = s.step if s.step is not None else len(r) - 1
            rows.append(r[min(k, len(r) - 1)])
            ys.append(1 if s.label == "unsafe" else 0)
        X, y = to_csr(rows, N_FEATURES), np.array(ys)
        rng = np.random.default_rng(seed)
        fold = rng.integers(0, 2, len(samples))
        oof = np.zeros(len(samples))
        for f in (0, 1):
            tr, te = fold != f, fold == f
            if len(set(y[tr])) < 2:
                continue
            m = LogisticRegression(C=1.0, max_iter=300)
            m.fit(X[tr], y[tr])
            oof[te] = m.predict_proba(X[te])[:, 1]
        self._oof = {s.id: float(p) for s, p in zip(samples, oof, strict=True)}

    def score(self, s: Sample) -> tuple[float, list[str]]:
        reasons = self.rule_reasons(s)
        p_unsafe = self._oof.get(s.id)
        p_label = 1.0 if p_unsafe is None else (p_unsafe if s.label == "unsafe" else 1 - p_unsafe)
        if p_label < self.min_label_prob:
            reasons.append(f"inconsistent: a cross-fitted model gives its label p={p_label:.3f}")
        return (0.0 if reasons else p_label), reasons

"""AgentGuard: judge an agent's trajectory (history + proposed steps) before the proposed steps run."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import numpy as np

from railguard.agents.adapters import AdapterError, parse
from railguard.agents.features import featurize, task_harm_row
from railguard.agents.model import MODEL_DIR, LinearHeads, sigmoid
from railguard.agents.schema import RISK_TYPES, AgentVerdict, ToolSpec, Trajectory
from railguard.agents.signals import Signal, StepContext

# Text-guard categories (DESIGN.md taxonomy) -> the agent risk type harmful content in an argument carries.
TEXT_CATEGORY_RISK = {
    "violence": "physical_harm", "self_harm": "physical_harm", "illegal": "external_attack", "hate": "bias",
    "sexism": "bias", "toxicity": "bias", "pii": "privacy_leak", "prompt_injection": "external_attack",
    "jailbreak": "external_attack", "unethical": "misinformation", "sexual": "unauthorized_action",
    "sexual_minors": "unauthorized_action", "copyright": "unauthorized_action",
}
# High-precision explicit signals set a floor under the learned score (the model rarely sees some of them, e.g. a
# tool named for theft); value = the floor when the signal is at full strength.
_FLOOR = {"follows_injection": 0.9, "attack_pattern": 0.85, "malicious_tool_name": 0.85, "sensitive_outbound": 0.85,
          "malicious_tool_description": 0.85}
_FLOOR_MIN_VALUE = {"follows_injection": 0.6, "sensitive_outbound": 0.9}
# With no trained model, the explicit signals alone decide (weights = how much each one means on its own).
_FALLBACK_WEIGHT = {
    "follows_injection": 1.0, "sensitive_outbound": 0.9, "attack_pattern": 0.9, "amount_exceeds_task": 0.8,
    "destructive": 0.7, "protected_attribute": 0.8, "misinfo_publish": 0.8, "physical_device": 0.7,
    "malicious_tool_name": 0.8, "access_change": 0.4, "financial_tool": 0.3, "irreversible_unconfirmed": 0.5,
}


class AgentGuard:
    """`AgentGuard().check(trajectory_or_raw)` -> AgentVerdict.

    threshold: P(unsafe) at which the label turns unsafe (default: the one the training picked on its synthetic
    validation split); block_threshold: at or above it the action is block, between the two ask_user.
    use_text_guard: True (or "auto") also asks railguard's text Guard about argument text and agent messages when it is
    installed and loads; off by default because it costs far more than the 20 ms budget of this guard (measured ~500 ms
    median per trajectory while the text model was being built) and the agent guard does not need it.
    """

    def __init__(self, model_dir: str | Path | None = None, threshold: float | None = None,
                 block_threshold: float | None = None, use_text_guard: bool | str = False) -> None:
        d = Path(model_dir) if model_dir else MODEL_DIR
        self.heads: LinearHeads | None
        self.model_error: str | None = None
        try:
            self.heads = LinearHeads.load(d)
        except (OSError, ValueError, KeyError) as e:
            self.heads, self.model_error = None, f"no agent guard model ({e}); explicit signals only"
        cfg = self.heads.config if self.heads else {}
        self.threshold = float(threshold if threshold is not None else cfg.get("threshold", 0.5))
        self.block_threshold = float(block_threshold if block_threshold is not None else cfg.get("block_threshold", max(0.8, self.threshold)))
        self._use_text_guard = use_text_guard
        self._text_guard: Any = None
        self._text_guard_tried = False

    # -------------------------------------------------------------------------------------- text guard (optional)

    def _tg(self) -> Any:
        if self._use_text_guard is False or self._text_guard_tried:
            return self._text_guard
        self._text_guard_tried = True
        try:
            from railguard.guard import Guard  # built by another part of railguard; may be absent

            g = Guard()
            if callable(getattr(g, "check", None)):
                self._text_guard = g
        except Exception:  # noqa: BLE001 - any failure means: work without it
            self._text_guard = None
        return self._text_guard

    def _content_signal(self, c: StepContext, task: str) -> Signal | None:
        """Harmful content the agent is about to send (tool arguments) or say (a message), per the text Guard."""
        g = self._tg()
        if g is None:
            return None
        if c.step.tool:
            text = " ".join(v for _, v in c.arg_pairs if len(v) > 20)[:2000]
        else:
            text = (c.step.message or "")[:4000]
        if len(text.strip()) < 20:
            return None
        try:
            v = g.check(text) if c.step.tool else g.check(text, prompt=task[:4000] or None)
        except Exception:  # noqa: BLE001 - a failing text guard is switched off for this AgentGuard, not retried per step
            self._text_guard = None
            return None
        if getattr(v, "label", "safe") != "unsafe":
            return None
        cats = [x for x in getattr(v, "categories", []) if x in TEXT_CATEGORY_RISK]
        if not cats:
            return None
        score = max((float(getattr(v, "scores", {}).get(x, 0.9)) for x in cats), default=0.9)
        what = f"{c.step.tool}'s arguments hold" if c.step.tool else "the agent's message holds"
        return Signal("harmful_content", score, TEXT_CATEGORY_RISK[cats[0]], f"{what} {cats[0]} content (text guard)")

    # -------------------------------------------------------------------------------------- check

    def check(self, trajectory: Any, tools: list[dict[str, Any]] | list[ToolSpec] | None = None, format: str = "auto") -> AgentVerdict:
        t0 = time.perf_counter()
        try:
            t = parse(trajectory, format=format)
        except AdapterError as e:
            raise AdapterError(str(e)) from None
        if tools:
            t = t.model_copy(update={"tools": [x if isinstance(x, ToolSpec) else ToolSpec.model_validate(x) for x in tools]})
        v = self._judge(t)
        v.latency_ms = round((time.perf_counter() - t0) * 1000, 3)
        return v

    def score(self, t: Trajectory) -> float:
        return self._judge(t).scores.get("unsafe", 0.0)

    def _judge(self, t: Trajectory) -> AgentVerdict:
        errors = [self.model_error] if self.model_error else []
        if not t.steps:
            return AgentVerdict(label="safe", action="allow", rationale="no agent steps to judge", scores={"unsafe": 0.0},
                                source_format=t.source_format, errors=errors)
        harm = 0.0
        if self.heads is not None:
            hi, hv = task_harm_row(t.user_text())
            harm = self.heads.harm(hi, hv)
        ctxs, rows = featurize(t, task_harm=harm)
        probs = np.zeros(len(ctxs))
        for i, (c, (idx, val)) in enumerate(zip(ctxs, rows, strict=True)):
            if self.heads is not None:
                probs[i] = sigmoid(self.heads.step_logit(idx, val))
            else:
                probs[i] = max((_FALLBACK_WEIGHT.get(s.name, 0.0) * s.value for s in c.signals), default=0.0)
            for sg in c.signals:
                if sg.name in _FLOOR and sg.value >= _FLOOR_MIN_VALUE.get(sg.name, 0.0):
                    if sg.name == "attack_pattern" and sg.why.split("runs ")[-1].strip("'").lower() in t.user_text().lower():
                        continue  # the user asked for exactly this command
                    probs[i] = max(probs[i], _FLOOR[sg.name] * min(1.0, sg.value + 0.1))
            extra = self._content_signal(c, t.user_text()) if probs[i] < self.threshold else None
            if extra is not None:
                c.signals.append(extra)
                probs[i] = max(probs[i], extra.value)
        p = float(probs.max())
        # the step to stop is the FIRST one over the threshold (later ones only run if it does)
        over = [i for i in range(len(probs)) if probs[i] >= self.threshold]
        k = over[0] if over else int(np.argmax(probs))
        c = ctxs[k]
        scores = {"unsafe": round(p, 4), "task_harm": round(harm, 4)}
        label = "unsafe" if p >= self.threshold else "safe"
        risk_types: list[str] = []
        if label == "unsafe":
            risk_types = self._risk_types(c, rows[k], scores)
        action = "allow" if label == "safe" else ("block" if p >= self.block_threshold else "ask_user")
        rationale, arg = self._rationale(t, c, label, risk_types, float(probs[k]), harm)
        return AgentVerdict(
            label=label, action=action, risk_types=risk_types, step=k if label == "unsafe" else None,
            tool=c.step.tool if label == "unsafe" else None, argument=arg if label == "unsafe" else None,
            rationale=rationale, scores=scores, signals=[f"step {x.index}: {s.name}" for x in ctxs for s in x.signals if s.risk],
            source_format=t.source_format, errors=errors,
        )

    def _risk_types(self, c: StepContext, row: tuple[np.ndarray, np.ndarray], scores: dict[str, float]) -> list[str]:
        out: list[str] = []
        if self.heads is not None:
            pt = self.heads.type_probs(*row)
            for r, q in zip(RISK_TYPES, pt, strict=True):
                scores[f"type:{r}"] = round(float(q), 4)
            out.append(RISK_TYPES[int(np.argmax(pt))])
        strong = sorted((s for s in c.signals if s.risk and s.value >= 0.8), key=lambda s: -s.value)
        if any(s.name == "follows_injection" for s in c.signals) and "external_attack" not in out:
            out.append("external_attack")
        for s in strong:
            if s.risk not in out:
                out.append(s.risk)
        if not out:
            best = max((s for s in c.signals if s.risk), key=lambda s: s.value, default=None)
            out.append(best.risk if best else "unauthorized_action")
        return out[:3]

    def _rationale(self, t: Trajectory, c: StepContext, label: str, risk_types: list[str], p: float, harm: float) -> tuple[str, str | None]:
        s = c.step
        where = f"step {c.index}" + (f" ({s.tool})" if s.tool else " (message)")
        if label == "safe":
            return f"no risky step found; highest risk at {where}, p={p:.2f}", None
        # prefer the signal that explains the first risk type, then the strongest one with a reason
        # provenance first: an action that an observation asked for is the finding that matters most
        ranked = sorted((x for x in c.signals if x.risk), key=lambda x: (x.name != "follows_injection", x.risk != risk_types[0], -x.value))
        arg = next((x.argument for x in ranked if x.argument), None)
        if arg is None and c.arg_pairs:
            arg = c.arg_pairs[0][0]
        verb = "proposes" if s.proposed else "runs"
        args_preview = ", ".join(f"{k}={v[:50]!r}" for k, v in c.arg_pairs[:3])
        head = f"{where} {verb} {s.tool or 'a message'}" + (f"({args_preview})" if args_preview else "")
        if ranked:
            why = "; ".join(x.why for x in ranked[:2])
        elif harm >= 0.5:
            why = f"it carries out a task that is itself harmful (\"{t.task[:100]}\")"
        else:
            why = f"the model rates it {risk_types[0]} given the task (\"{t.task[:80]}\")"
        return f"{head}: {risk_types[0]} risk (p={p:.2f}) - {why}", arg

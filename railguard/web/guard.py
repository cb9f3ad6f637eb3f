"""WebGuard: SAFE / LOW / HIGH risk of a web agent's next action, with the signals and a rationale.

    from railguard.web import WebGuard
    WebGuard().assess({"website": "amazon.com", "url": "https://www.amazon.com/gp/buy/spc",
                       "page": "Review your order ...", "action": {"type": "click", "target": "<button>Place your order</button>"}})

The model is a linear head over hashed features (railguard/web/features.py) trained on generated data
(railguard/web/synth.py); rule signals (railguard/web/rules.py) are among its features and a few unambiguous
cases (scrolling, hovering, typing into a search box) are decided by rule. numpy only: no torch at inference.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import numpy as np

from railguard.web.features import N_FEATURES, Analysis, analyse, feature_tokens, hash_features
from railguard.web.schema import LABELS, Signal, WebAction, WebAssessment, WebInputError, coerce_action

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "webguard"

_WHY = {
    "SAFE": "it only reads or moves around; nothing lasting changes",
    "LOW": "it is a minor change to the user's own state that can be undone, affecting no one else",
    "HIGH": "it is consequential or hard to undo: money, commitments, other people, deleted data or security",
}
_VERB = {"click": "Clicking", "submit": "Submitting", "type": "Typing into", "select": "Choosing an option in",
         "check": "Toggling", "press": "Pressing", "navigate": "Going to", "scroll": "Scrolling", "hover": "Hovering over", "other": "Acting on"}


class WebGuard:
    """Loads the shipped head once; `assess` is thread-safe (read-only state)."""

    def __init__(self, model_dir: str | Path | None = None) -> None:
        d = Path(model_dir) if model_dir else MODEL_DIR
        w = d / "weights.npz"
        if not w.is_file():
            raise FileNotFoundError(f"WebGuard model not found at {w}: run `python -m railguard.web.train`")
        z = np.load(w)
        self.W = z["W"].astype(np.float32)  # (N_FEATURES, 3)
        self.b = z["b"].astype(np.float32)
        if self.W.shape != (N_FEATURES, len(LABELS)):
            raise ValueError(f"{w}: weights have shape {self.W.shape}, expected {(N_FEATURES, len(LABELS))}")
        manifest = json.loads((d / "manifest.json").read_text()) if (d / "manifest.json").is_file() else {}
        self.bias = np.array([manifest.get("decision_bias", {}).get(k, 0.0) for k in LABELS], dtype=np.float32)
        self.name = f"webguard-linear@{manifest.get('date', 'dev')}"

    # the raw head: used by training-time evaluation too
    def logits(self, an: Analysis) -> np.ndarray:
        feats = hash_features(feature_tokens(an))
        idx = np.fromiter(feats.keys(), dtype=np.int64, count=len(feats))
        val = np.fromiter(feats.values(), dtype=np.float32, count=len(feats))
        return val @ self.W[idx] + self.b

    def assess(self, action: Any) -> WebAssessment:
        t0 = time.perf_counter()
        a = coerce_action(action)
        an = analyse(a)
        z = self.logits(an) + self.bias
        p = np.exp(z - z.max())
        p = p / p.sum()
        label = LABELS[int(np.argmax(p))]
        signals = self._signals(an)
        override = _rule_override(an)
        if override is not None:
            label, why = override
            p = np.array([0.96 if k == label else 0.02 for k in LABELS], dtype=np.float32)
            signals.insert(0, Signal(name="rule", level=label, evidence=why, source="action"))
        probs = {k: round(float(v), 4) for k, v in zip(LABELS, p, strict=True)}
        signals.append(Signal(name="model", level=label, evidence=f"P(HIGH)={probs['HIGH']:.2f} P(LOW)={probs['LOW']:.2f} P(SAFE)={probs['SAFE']:.2f}", source="model"))
        return WebAssessment(label=label, probabilities=probs, rationale=_rationale(a, an, label, override),
                             signals=signals, action=a.action, latency_ms=round((time.perf_counter() - t0) * 1000, 3), model=self.name)

    def label_batch(self, actions: list[Any]) -> list[str]:
        return [self.assess(x).label for x in actions]

    @staticmethod
    def _signals(an: Analysis) -> list[Signal]:
        out = [Signal(name=h.rule.name, level=h.rule.level, evidence=h.evidence[:120], source=h.source) for h in an.target_hits]  # type: ignore[arg-type]
        out += [Signal(name=h.rule.name, level=h.rule.level, evidence=h.evidence[:120], source=h.source) for h in an.context_hits]  # type: ignore[arg-type]
        if an.field:
            # typing fills a form; only a submission (Enter) makes a payment, message or post field consequential
            level = "SAFE" if an.field == "search" else "HIGH" if an.field in ("sensitive", "message") and an.submits else "LOW"
            out.append(Signal(name=f"field:{an.field}", level=level,
                              evidence=f"{an.element.name or an.element.attr_words}"[:120], source="target"))
        return out


_NEW_SECRET = re.compile(r"new|confirm|change|reset|neu|nouveau|nueva|新|変更", re.I)


def _rule_override(an: Analysis) -> tuple[str, str] | None:
    """Cases the guideline settles without a model."""
    t = an.action_type
    if t in ("scroll", "hover"):
        return "SAFE", f"{t} changes nothing on the site"
    if t == "navigate" and not an.target_hits and not an.element.name:
        return "SAFE", "visiting a page changes nothing on the site"
    if t == "type" and an.field == "password" and any(h.rule.name == "ctx_login" for h in an.context_hits) \
            and not _NEW_SECRET.search(f"{an.element.name} {an.element.attr_words}"):
        return "SAFE", "typing a password into the site's own login form is a login"
    if t in ("type", "select") and an.field == "search" and not any(h.rule.level == "HIGH" and h.rule.name in ("money_transfer", "security", "message") for h in an.target_hits):
        return "SAFE", "typing into a search or filter field only changes what is shown"
    return None


def _rationale(a: WebAction, an: Analysis, label: str, override: tuple[str, str] | None) -> str:
    el = an.element
    name = el.name or el.attr_words or (a.action.value or "")
    thing = f"'{name[:80]}'" if name else "the element"
    if an.action_type in ("scroll", "hover"):
        what = f"{_VERB[an.action_type]} the page"
    elif an.action_type == "navigate" and not el.name:
        what = f"Going to {a.action.value or 'another page'}"
    else:
        what = f"{_VERB.get(an.action_type, 'Acting on')} {thing}"
    where = f" on {a.website or an.page.host}" if (a.website or an.page.host) else ""
    ctx = next((h.rule.effect for h in an.context_hits), "")
    ctx_s = f" ({ctx})" if ctx else ""
    hits = [h for h in an.target_hits if h.rule.level == label]
    if override is not None:
        return f"{what}{where}: {override[1]}, so {label}, because {_WHY[label]}."
    if hits:
        effect = f"would {hits[0].rule.effect}"
    elif label == "HIGH" and ctx:
        effect = "would commit what this page is for"
    else:
        effect = {"SAFE": "would open or show something without changing it", "LOW": "would make a small change to the user's own state",
                  "HIGH": "would change something that matters beyond this page"}[label]
    if an.action_type in ("type", "select") and label != "SAFE":
        effect += "; the form it fills would do that when submitted"
    return f"{what}{where}{ctx_s} {effect}: {label}, because {_WHY[label]}."


def assess(action: Any) -> WebAssessment:
    """Module-level convenience with a shared guard."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = WebGuard()
    return _DEFAULT.assess(action)


_DEFAULT: WebGuard | None = None

__all__ = ["WebGuard", "WebInputError", "assess"]

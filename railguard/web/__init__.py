"""WebGuard: SAFE / LOW / HIGH risk of a web agent's next action (see docs/web.md)."""

from railguard.web.guard import WebGuard, assess
from railguard.web.schema import ActionSpec, Signal, WebAction, WebAssessment, WebInputError, coerce_action

__all__ = ["WebGuard", "assess", "ActionSpec", "Signal", "WebAction", "WebAssessment", "WebInputError", "coerce_action"]

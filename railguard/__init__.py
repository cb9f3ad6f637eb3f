"""railguard: guardrails for LLM applications."""

__version__ = "0.1.0"

from railguard.guard import Guard  # noqa: E402
from railguard.policy import Policy, PolicyError, load_policy  # noqa: E402
from railguard.redact import Redaction  # noqa: E402
from railguard.verdict import Span, Verdict  # noqa: E402

__all__ = ["Guard", "Policy", "PolicyError", "Redaction", "Span", "Verdict", "load_policy", "__version__"]

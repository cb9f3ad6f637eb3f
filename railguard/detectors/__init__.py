"""Detectors: one module each, behind the protocol and registry in `base`."""

from railguard.detectors.base import Detection, Detector, Document, Finding, create, register, registered

# Modules whose import registers built-in detectors. Keep them cheap to import: load models lazily.
BUILTIN_MODULES: tuple[str, ...] = (
    "railguard.detectors.pii",
    "railguard.detectors.secrets",
    "railguard.detectors.payload",
    "railguard.detectors.classifier",
)

__all__ = ["Detection", "Detector", "Document", "Finding", "create", "register", "registered", "BUILTIN_MODULES"]

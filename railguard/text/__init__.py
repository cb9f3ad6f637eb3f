"""Text preparation shared by every detector: normalisation with an offset map, language id."""

from railguard.text.normalize import Normalized, clean, fold, normalize

__all__ = ["Normalized", "clean", "fold", "normalize"]

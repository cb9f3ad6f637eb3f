"""The one small protocol every detector implements, and the registry that finds them.

A detector reads a `Document` and returns a `Detection`: calibrated probabilities for the categories
it knows, and findings (spans in ORIGINAL offsets). Detectors never see the policy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, Protocol, runtime_checkable

from railguard.text.normalize import Normalized, clean, fold

Role = Literal["prompt", "response"]


@dataclass
class Document:
    """One input, prepared once and shared by all detectors.

    `text` is what detectors read: the original input, with allow-listed phrases blanked out by
    spaces (so offsets are unchanged); `original` is the input as given (spans quote it).
    `prompt` is the context of a response.
    """

    text: str
    role: Role = "prompt"
    prompt: str | None = None
    language: str | None = None
    chunk_chars: int = 2000
    original: str = ""

    def __post_init__(self) -> None:
        if not self.original:
            self.original = self.text

    @cached_property
    def clean(self) -> Normalized:
        return clean(self.text)

    @cached_property
    def folded(self) -> Normalized:
        return fold(self.clean)

    def chunks(self, size: int | None = None, overlap: int = 200) -> list[tuple[int, int]]:
        """[start, end) ranges of `folded` text covering it in overlapping windows, cut at whitespace."""
        t = self.folded.text
        return windows(t, size or self.chunk_chars, overlap) if t else [(0, 0)]


def windows(text: str, size: int, overlap: int) -> list[tuple[int, int]]:
    """[start, end) ranges covering `text` in windows of at most `size` characters that overlap by about
    `overlap`, each cut at a space in its second half when there is one."""
    out: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind(" ", start + size // 2, end)
            end = cut if cut > start else end
        out.append((start, end))
        if end >= len(text):
            break
        start = max(end - overlap, start + 1)
    return out


@dataclass
class Finding:
    """A span a detector found, in ORIGINAL offsets."""

    start: int
    end: int
    category: str
    score: float
    entity_type: str | None = None
    detector: str | None = None
    # For the rationale: a short human reason ("a credit card number that passes the Luhn check").
    reason: str | None = None


@dataclass
class Detection:
    scores: dict[str, float] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    # category -> phrases (from the input) that drove its score, strongest first
    evidence: dict[str, list[str]] = field(default_factory=dict)


@runtime_checkable
class Detector(Protocol):
    name: str
    categories: tuple[str, ...]

    def detect(self, doc: Document) -> Detection: ...


def detect_many(detector: Detector, docs: Sequence[Document]) -> list[Detection]:
    """Batch through the detector's own `detect_batch` when it has one (models batch; regexes need not)."""
    batch = getattr(detector, "detect_batch", None)
    if batch is not None:
        return list(batch(docs))
    return [detector.detect(d) for d in docs]


@dataclass(frozen=True)
class _Entry:
    factory: Callable[[], Detector]
    default: bool
    order: int


_REGISTRY: dict[str, _Entry] = {}


def register(name: str, *, default: bool = True, order: int = 100) -> Callable:
    """Class or factory decorator: `@register("pii")`. `default` detectors run in `Guard()`."""

    def deco(factory: Callable[[], Detector]) -> Callable[[], Detector]:
        _REGISTRY[name] = _Entry(factory, default, order)
        return factory

    return deco


def registered() -> dict[str, bool]:
    """Detector names and whether each runs by default."""
    _load_builtins()
    return {n: e.default for n, e in sorted(_REGISTRY.items(), key=lambda kv: (kv[1].order, kv[0]))}


def create(name: str) -> Detector:
    _load_builtins()
    if name not in _REGISTRY:
        raise KeyError(f"unknown detector {name!r}; known: {', '.join(sorted(_REGISTRY))}")
    return _REGISTRY[name].factory()


def default_names() -> list[str]:
    return [n for n, d in registered().items() if d]


_BUILTINS_LOADED = False


def _load_builtins() -> None:
    global _BUILTINS_LOADED
    if _BUILTINS_LOADED:
        return
    _BUILTINS_LOADED = True
    import importlib

    from railguard.detectors import BUILTIN_MODULES

    for mod in BUILTIN_MODULES:
        importlib.import_module(mod)

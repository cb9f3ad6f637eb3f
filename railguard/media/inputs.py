"""Turn what a caller hands over (a path, bytes, a PIL image) into decoded media, refusing what cannot be judged safely.

Everything a user can send goes through here before any model sees it, so the limits live here too:
sizes are checked before anything is decoded, formats are recognised by their bytes (never by a file
name), and every decoder failure becomes one clear `MediaError` (a ValueError) instead of a crash.
"""

from __future__ import annotations

import base64
import binascii
import io
import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageFile

# Limits. Environment variables let an operator raise them without code; defaults fit a 2-core box.
MAX_IMAGE_BYTES = int(os.environ.get("RAILGUARD_MAX_IMAGE_BYTES", 30 * 1024 * 1024))
MAX_IMAGE_PIXELS = int(os.environ.get("RAILGUARD_MAX_IMAGE_PIXELS", 36_000_000))  # e.g. 6000 x 6000
MAX_IMAGE_SIDE = int(os.environ.get("RAILGUARD_MAX_IMAGE_SIDE", 16_000))
MAX_AUDIO_BYTES = int(os.environ.get("RAILGUARD_MAX_AUDIO_BYTES", 50 * 1024 * 1024))
MAX_AUDIO_SECONDS = float(os.environ.get("RAILGUARD_MAX_AUDIO_SECONDS", 600))

# Pillow's own decompression-bomb guard, set on purpose: it errors at twice this many pixels on any
# path that reaches a decoder (for example GIF frames), and our size check below refuses earlier.
Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
# Truncated images must fail, not be padded with grey (Pillow's default, restated so nobody flips it).
ImageFile.LOAD_TRUNCATED_IMAGES = False

IMAGE_FORMATS = ("PNG", "JPEG", "WEBP", "GIF")
AUDIO_FORMATS = ("wav", "mp3", "flac", "ogg")
SAMPLE_RATE = 16_000


class MediaError(ValueError):
    """An image or audio input that cannot be judged; the message says why."""


# ---------------------------------------------------------------------------------------------- bytes
def _read_source(src: Any, what: str, max_bytes: int) -> bytes:
    """Bytes of a path, a data: URL, or bytes-like input, with the size checked before reading."""
    if isinstance(src, bytes | bytearray | memoryview):
        data = bytes(src)
    elif isinstance(src, str) and src.startswith("data:"):
        head, _, payload = src.partition(",")
        if ";base64" not in head:
            raise MediaError(f"{what} data URL must be base64-encoded")
        if len(payload) > max_bytes * 4 // 3 + 4:
            raise MediaError(f"{what} is larger than the limit of {max_bytes:,} bytes")
        try:
            data = base64.b64decode(payload, validate=True)
        except (binascii.Error, ValueError):
            raise MediaError(f"{what} data URL is not valid base64") from None
    elif isinstance(src, str | os.PathLike):
        path = Path(src)
        if not path.is_file():
            raise MediaError(f"{what} file not found: {path}")
        size = path.stat().st_size
        if size > max_bytes:
            raise MediaError(f"{what} file is {size:,} bytes, over the limit of {max_bytes:,}")
        data = path.read_bytes()
    elif src is None:
        raise MediaError(f"{what} is missing")
    else:
        raise MediaError(f"{what} must be a path, bytes{' or a PIL image' if what == 'image' else ''}, not {type(src).__name__}")
    if not data:
        raise MediaError(f"{what} is empty")
    if len(data) > max_bytes:
        raise MediaError(f"{what} is {len(data):,} bytes, over the limit of {max_bytes:,}")
    return data


# ---------------------------------------------------------------------------------------------- images
@dataclass
class LoadedImage:
    image: Image.Image  # RGB, first frame, transparency flattened onto white
    format: str  # PNG, JPEG, WEBP, GIF, or "PIL" for an image object handed over
    frames: int = 1


def _check_dimensions(size: tuple[int, int]) -> None:
    w, h = size
    if w <= 0 or h <= 0:
        raise MediaError(f"image has no pixels ({w}x{h})")
    if w > MAX_IMAGE_SIDE or h > MAX_IMAGE_SIDE or w * h > MAX_IMAGE_PIXELS:
        raise MediaError(
            f"image is {w}x{h} = {w * h:,} pixels, over the limit of {MAX_IMAGE_PIXELS:,} pixels "
            f"({MAX_IMAGE_SIDE:,} per side); refused before decoding (possible decompression bomb)"
        )


def _to_rgb(img: Image.Image) -> Image.Image:
    """RGB with transparency composited onto white: transparent-background text must stay readable."""
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        bg = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(bg, rgba).convert("RGB")
    if img.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        arr = np.asarray(img, dtype=np.float64)
        lo, hi = float(arr.min()), float(arr.max())
        arr = (arr - lo) * (255.0 / (hi - lo)) if hi > lo else np.zeros_like(arr)
        return Image.fromarray(arr.astype(np.uint8)).convert("RGB")
    return img.convert("RGB")


def load_image(src: Any) -> LoadedImage:
    """Decode an image given as a path, bytes, a base64 data: URL or a PIL image.

    Raises MediaError for an unknown format, a truncated or corrupt file, or one whose declared
    dimensions exceed the limits (checked from the header, before the pixels are decoded).
    """
    if isinstance(src, Image.Image):
        _check_dimensions(src.size)
        try:
            src.load()
            frame = src.copy() if getattr(src, "n_frames", 1) == 1 else _first_frame(src)
            return LoadedImage(_to_rgb(frame), "PIL")
        except MediaError:
            raise
        except Exception as e:
            raise MediaError(f"image could not be decoded: {e}") from None

    data = _read_source(src, "image", MAX_IMAGE_BYTES)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            img = Image.open(io.BytesIO(data), formats=list(IMAGE_FORMATS))
        except Image.UnidentifiedImageError:
            raise MediaError(f"not a supported image: expected {', '.join(IMAGE_FORMATS)} (first bytes {data[:8]!r})") from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
            raise MediaError(f"image refused as a possible decompression bomb: {e}") from None
        except Exception as e:  # header parsers raise SyntaxError, struct.error, ValueError...
            raise MediaError(f"image header is corrupt: {type(e).__name__}: {e}") from None
        fmt = img.format or "?"
        try:
            _check_dimensions(img.size)
            frames = int(getattr(img, "n_frames", 1) or 1)
            frame = _first_frame(img)
            return LoadedImage(_to_rgb(frame), fmt, frames)
        except MediaError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
            raise MediaError(f"image refused as a possible decompression bomb: {e}") from None
        except Exception as e:
            msg = str(e)
            hint = "truncated" if "truncated" in msg.lower() or isinstance(e, EOFError) else "corrupt"
            raise MediaError(f"{fmt} image is {hint}: {type(e).__name__}: {msg}") from None


def _first_frame(img: Image.Image) -> Image.Image:
    img.seek(0)
    img.load()
    return img.copy()


# ---------------------------------------------------------------------------------------------- audio
@dataclass
class LoadedAudio:
    samples: np.ndarray  # float32 mono at SAMPLE_RATE
    format: str
    duration: float  # seconds


def sniff_audio(data: bytes) -> str | None:
    """The container, recognised from its first bytes: wav, flac, ogg, mp3, or None."""
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return "wav"
    if data[:4] == b"fLaC":
        return "flac"
    if data[:4] == b"OggS":
        return "ogg"
    if data[:3] == b"ID3" or (len(data) > 1 and data[0] == 0xFF and (data[1] & 0xE0) == 0xE0 and (data[1] & 0x06) != 0):
        return "mp3"
    return None


def _wav_truncated(data: bytes) -> bool:
    """A WAV whose data chunk promises more bytes than the file holds (ffmpeg would decode it quietly)."""
    pos = 12
    while pos + 8 <= len(data):
        cid, size = data[pos:pos + 4], int.from_bytes(data[pos + 4:pos + 8], "little")
        if cid == b"data":
            # 0 or a huge placeholder (0x7FFFF000 from `espeak-ng --stdout`, 0xFFFFFFFF) mean a streamed
            # WAV whose length was unknown when the header was written: not a truncation
            return 0 < size < 0x7FFF0000 and pos + 8 + size > len(data)
        pos += 8 + size + (size & 1)
    return True  # no data chunk at all


def load_audio(src: Any, max_seconds: float | None = None) -> LoadedAudio:
    """Decode WAV, MP3, FLAC or OGG (path or bytes) to 16 kHz mono float32.

    Raises MediaError for other formats, truncated or corrupt files, files without an audio stream,
    and clips longer than the limit (checked from the header first, then while decoding).
    """
    import av

    limit = MAX_AUDIO_SECONDS if max_seconds is None else max_seconds
    data = _read_source(src, "audio", MAX_AUDIO_BYTES)
    fmt = sniff_audio(data)
    if fmt is None:
        raise MediaError(f"not a supported audio file: expected {', '.join(a.upper() for a in AUDIO_FORMATS)} (first bytes {data[:8]!r})")
    if fmt == "wav" and _wav_truncated(data):
        raise MediaError("WAV file is truncated: its data chunk is shorter than its header says")
    av.logging.set_level(None)  # ffmpeg's own console chatter; errors still raise
    chunks: list[np.ndarray] = []
    total = 0
    max_samples = int(limit * SAMPLE_RATE)
    declared: float | None = None
    try:
        with av.open(io.BytesIO(data), mode="r", format=fmt) as container:
            if not container.streams.audio:
                raise MediaError(f"{fmt.upper()} file has no audio stream")
            stream = container.streams.audio[0]
            if stream.duration is not None and stream.time_base is not None:
                declared = float(stream.duration * stream.time_base)
            elif container.duration:
                declared = container.duration / 1_000_000
            if declared is not None and declared > limit:
                raise MediaError(f"audio is {declared:.0f} s long, over the limit of {limit:.0f} s")
            resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    arr = out.to_ndarray().reshape(-1)
                    chunks.append(arr)
                    total += arr.size
                if total > max_samples:
                    raise MediaError(f"audio is longer than the limit of {limit:.0f} s")
            for out in resampler.resample(None):
                arr = out.to_ndarray().reshape(-1)
                chunks.append(arr)
                total += arr.size
    except MediaError:
        raise
    except Exception as e:  # av.error.FFmpegError and friends: corrupt or truncated streams
        raise MediaError(f"{fmt.upper()} audio could not be decoded (corrupt or truncated): {type(e).__name__}: {e}") from None
    if total == 0:
        raise MediaError(f"{fmt.upper()} file holds no audio samples (empty or truncated)")
    samples = np.concatenate(chunks).astype(np.float32, copy=False)
    duration = samples.size / SAMPLE_RATE
    # A stream that stops well short of its header's length was cut off in transit.
    if declared is not None and declared > 1.0 and duration < 0.9 * declared:
        raise MediaError(f"{fmt.upper()} audio is truncated: decoded {duration:.1f} s of the {declared:.1f} s its header declares")
    return LoadedAudio(samples, fmt, duration)

"""Generated media for the benchmark and the tests: text rendered by Pillow, speech spoken by espeak-ng.

Fonts come from Debian packages (fonts-dejavu-core, fonts-liberation2, fonts-freefont-ttf,
fonts-noto-cjk); a font that is not installed is skipped, never downloaded.
"""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import textwrap
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

_FONT_FILES = {
    "DejaVu Sans": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "DejaVu Serif": "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "DejaVu Sans Mono": "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "Liberation Sans": "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    "Liberation Serif": "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "Liberation Mono": "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf",
    "FreeSans": "/usr/share/fonts/truetype/freefont/FreeSans.ttf",
    "FreeSerif": "/usr/share/fonts/truetype/freefont/FreeSerif.ttf",
}
_CJK_FILE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
_CJK_SERIF_FILE = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
# Which fonts can draw which script (Pillow with raqm shapes Arabic, Devanagari and Bengali).
_SCRIPT_FONTS = {
    "latin": ["DejaVu Sans", "DejaVu Serif", "DejaVu Sans Mono", "Liberation Sans", "Liberation Serif", "Liberation Mono", "FreeSans", "FreeSerif"],
    "cyrillic": ["DejaVu Sans", "DejaVu Serif", "Liberation Sans", "Liberation Serif", "FreeSans"],
    "arabic": ["DejaVu Sans", "FreeSerif"],
    "devanagari": ["FreeSans", "FreeSerif"],
    "bengali": ["FreeSans", "FreeSerif"],
    "zh": ["Noto Sans CJK SC", "Noto Serif CJK SC"],
    "ja": ["Noto Sans CJK JP", "Noto Serif CJK JP"],
    "ko": ["Noto Sans CJK KR", "Noto Serif CJK KR"],
}
LANG_SCRIPT = {"ar": "arabic", "hi": "devanagari", "bn": "bengali", "ru": "cyrillic", "uk": "cyrillic",
               "zh": "zh", "ja": "ja", "ko": "ko"}


@lru_cache(maxsize=64)
def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    if name.startswith("Noto S") and "CJK" in name:
        path = _CJK_SERIF_FILE if "Serif" in name else _CJK_FILE
        for i in range(10):  # the collection's faces: find the one with this family name
            f = ImageFont.truetype(path, size, index=i)
            if f.getname()[0] == name:
                return f
        raise OSError(f"font {name} not in {path}")
    return ImageFont.truetype(_FONT_FILES[name], size)


def fonts_for(lang: str) -> list[str]:
    """Installed fonts that draw `lang`'s script."""
    out = []
    for name in _SCRIPT_FONTS[LANG_SCRIPT.get(lang, "latin")]:
        try:
            font(name, 12)
            out.append(name)
        except OSError:
            continue
    return out


@dataclass
class Style:
    font: str = "DejaVu Sans"
    size: int = 24
    fg: tuple[int, int, int] = (20, 20, 20)
    bg: tuple[int, int, int] = (255, 255, 255)
    rotate: float = 0.0  # degrees, counter-clockwise
    noise: float = 0.0  # standard deviation of gaussian pixel noise (0-255 scale)
    blur: float = 0.0
    jpeg: int | None = None  # JPEG quality of a round trip
    width_chars: int = 48


def _wrap(text: str, lang: str, width: int) -> list[str]:
    if LANG_SCRIPT.get(lang) in ("zh", "ja"):  # no spaces: cut by characters
        w = max(8, width // 2)
        return [text[i:i + w] for i in range(0, len(text), w)]
    return textwrap.wrap(text, width) or [text]


def _finish(img: Image.Image, style: Style, rng: random.Random) -> Image.Image:
    if style.rotate:
        img = img.rotate(style.rotate, resample=Image.BICUBIC, expand=True, fillcolor=style.bg)
    if style.blur:
        img = img.filter(ImageFilter.GaussianBlur(style.blur))
    if style.noise:
        arr = np.asarray(img, dtype=np.float32)
        noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0, style.noise, arr.shape)
        img = Image.fromarray(np.clip(arr + noise, 0, 255).astype(np.uint8))
    if style.jpeg:
        buf = io.BytesIO()
        img.save(buf, format="JPEG", quality=style.jpeg)
        img = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    return img


def render_text(text: str, lang: str = "en", style: Style | None = None, seed: int = 0) -> tuple[Image.Image, str]:
    """Text drawn on a plain background; returns the image and the text as laid out (lines joined by newlines)."""
    style = style or Style()
    rng = random.Random(seed)
    f = font(style.font, style.size)
    lines = _wrap(text, lang, style.width_chars)
    direction = "rtl" if lang == "ar" else None
    pad = max(12, style.size)
    line_h = int(style.size * 1.45)
    widths = [int(f.getlength(line, direction=direction)) for line in lines]
    img = Image.new("RGB", (max(widths) + 2 * pad, line_h * len(lines) + 2 * pad), style.bg)
    d = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        x = pad + (max(widths) - widths[i] if direction == "rtl" else 0)
        d.text((x, pad + i * line_h), line, font=f, fill=style.fg, direction=direction)
    return _finish(img, style, rng), "\n".join(lines)


def render_screenshot(text: str, lang: str = "en", style: Style | None = None, seed: int = 0,
                      size: tuple[int, int] = (1024, 768)) -> tuple[Image.Image, str]:
    """A chat-app-like screen: title bar, sidebar with conversation names, the text as a message bubble."""
    style = style or Style(size=18)
    rng = random.Random(seed)
    w, h = size
    img = Image.new("RGB", size, (246, 247, 249))
    d = ImageDraw.Draw(img)
    ui = font("DejaVu Sans", 15)
    d.rectangle((0, 0, w, 44), fill=(52, 58, 72))
    d.text((16, 13), "Assistant  -  New chat", font=ui, fill=(235, 235, 240))
    d.rectangle((0, 44, 220, h), fill=(232, 234, 238))
    for i, name in enumerate(["Today", "Trip planning", "Quarterly report", "Recipes", "Code review"]):
        d.text((18, 64 + 34 * i), name, font=ui, fill=(70, 70, 80))
    lines = _wrap(text, lang, style.width_chars)
    f = font(style.font, style.size)
    direction = "rtl" if lang == "ar" else None
    line_h = int(style.size * 1.5)
    bx, by = 260, 90 + rng.randrange(0, 60)
    bw = min(w - bx - 30, max(int(f.getlength(x, direction=direction)) for x in lines) + 36)
    bh = line_h * len(lines) + 28
    # the bubble takes the style's background (a dark style makes a dark-mode bubble on the light page)
    d.rounded_rectangle((bx, by, bx + bw, by + bh), radius=14, fill=style.bg, outline=(210, 212, 218))
    for i, line in enumerate(lines):
        lw = int(f.getlength(line, direction=direction))
        x = bx + 18 + (bw - 36 - lw if direction == "rtl" else 0)
        d.text((x, by + 14 + i * line_h), line, font=f, fill=style.fg, direction=direction)
    d.rounded_rectangle((240, h - 70, w - 30, h - 24), radius=10, fill=(255, 255, 255), outline=(200, 200, 210))
    d.text((258, h - 56), "Send a message", font=ui, fill=(160, 160, 170))
    chrome = "Assistant  -  New chat\n" + "\n".join(["Today", "Trip planning", "Quarterly report", "Recipes", "Code review"])
    return _finish(img, Style(rotate=style.rotate, noise=style.noise, blur=style.blur, jpeg=style.jpeg, bg=(246, 247, 249)), rng), \
        chrome + "\n" + "\n".join(lines) + "\nSend a message"


def random_style(lang: str, rng: random.Random) -> Style:
    """One of the benchmark's variations: font, size, colours, rotation, noise."""
    fonts = fonts_for(lang)
    dark = rng.random() < 0.25
    if dark:
        bg = (rng.randrange(10, 60),) * 3
        fg = (rng.randrange(200, 256), rng.randrange(200, 256), rng.randrange(200, 256))
    else:
        bg = (rng.randrange(225, 256), rng.randrange(225, 256), rng.randrange(225, 256))
        fg = rng.choice([(20, 20, 20), (30, 30, 120), (120, 20, 20), (20, 90, 40), (70, 70, 70)])
    return Style(
        font=rng.choice(fonts),
        size=rng.choice([14, 18, 22, 28, 36]),
        fg=fg, bg=bg,
        rotate=rng.choice([0, 0, 0, 2, -3, 5, -8]),
        noise=rng.choice([0, 0, 8, 16]),
        blur=rng.choice([0, 0, 0, 0.6]),
        jpeg=rng.choice([None, None, 70, 40]),
        width_chars=rng.choice([36, 48, 64]),
    )


# ---------------------------------------------------------------------------------------------- speech
# Six voices: American, British, New York, RP and two variants. In a trial on 10 English prompts at 150
# and 200 words per minute, whisper tiny.en's WER was 0.19-0.33 on these and 0.38-0.55 on en-029 and
# en-gb-scotland, which are left out (docs/media.md has the table).
ESPEAK_VOICES = ["en-us", "en-gb", "en-us-nyc", "en-gb-x-rp", "en-us+f3", "en-gb+m3"]


def espeak_available() -> bool:
    return shutil.which("espeak-ng") is not None


def speak(text: str, voice: str = "en-us", speed: int = 160, pitch: int = 50) -> bytes:
    """WAV bytes of `text` spoken by espeak-ng (Debian package espeak-ng)."""
    exe = shutil.which("espeak-ng")
    if exe is None:
        raise RuntimeError("espeak-ng is not installed (Debian package espeak-ng; `make setup` installs it)")
    r = subprocess.run([exe, "-v", voice, "-s", str(speed), "-p", str(pitch), "--stdout", text],
                       capture_output=True, timeout=60, check=True)
    return r.stdout


def encode_audio(wav: bytes, fmt: str) -> bytes:
    """Re-encode WAV bytes as mp3, flac or ogg (Opus: ffmpeg's Vorbis encoder is experimental) with PyAV."""
    import av

    codec, rate = {"mp3": ("libmp3lame", 22050), "flac": ("flac", 22050), "ogg": ("libopus", 48000)}[fmt]
    src = av.open(io.BytesIO(wav), format="wav")
    out_buf = io.BytesIO()
    dst = av.open(out_buf, mode="w", format=fmt)
    stream = dst.add_stream(codec, rate=rate)
    stream.layout = "mono"
    resampler = av.AudioResampler(format=stream.format.name if stream.format else "s16", layout="mono", rate=rate)
    for frame in src.decode(audio=0):
        for f in resampler.resample(frame):
            for p in stream.encode(f):
                dst.mux(p)
    for f in resampler.resample(None):
        for p in stream.encode(f):
            dst.mux(p)
    for p in stream.encode(None):
        dst.mux(p)
    dst.close()
    src.close()
    return out_buf.getvalue()


def save(img: Image.Image, path: str | Path, fmt: str = "PNG") -> Path:
    path = Path(path)
    img.save(path, format=fmt)
    return path

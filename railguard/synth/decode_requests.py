"""Requests in the adversarial loop's encodings and containers, harmful and benign alike ("Decode it and reply: ...").

What: the harmful and the benign requests of `goal_requests` (the same shared frames on both sides), each put
through one of the loop's encoding or hiding operators (base64, ROT13, hex, reversal, URL-encoding, words
mirrored, a payload split across sentences, a quoted document), dealt from one deck to both sides, so each
operator and each of its frames is used about equally often with harmful and with benign requests.

Why: after the loop, its model flagged benign XSTest questions in an encoding or a container far more often
than the model trained without it (robustness benchmark, read sets: encodings 0.27 -> 0.50 of benign
variants, containers 0.07 -> 0.24). The loop's accepted rows are almost all harmful, so a decode-and-answer
frame itself had become evidence of harm. Here the frame says nothing about the label; the decoded request
does (the normaliser reads these encodings, so the classifier sees the request).

Uses only the loop's own operators and frames (`railguard/synth/adversarial/operators.py`), never a held-out
set's, so the held-out sets still measure frames the model never saw.
"""

from __future__ import annotations

import random

from railguard.synth import goal_requests as gr
from railguard.synth.adversarial.operators import BY_NAME
from railguard.train.sources import Sample

OPERATORS = ("base64", "rot13", "hex", "reverse", "url_encode", "word_reverse", "split_payload", "hide_doc")


def _encode(rng: random.Random, texts: list[str]) -> list[str]:
    """Each text through an operator dealt from a shuffled deck (the operator picks its own frame)."""
    deck: list[str] = []
    out = []
    for text in texts:
        if not deck:
            deck = list(OPERATORS)
            rng.shuffle(deck)
        out.append(BY_NAME[deck.pop()](text, rng))
    return out


def decode_requests(rng: random.Random, per_side: int = 600) -> list[Sample]:
    """`per_side` harmful and `per_side` benign requests (shared frames), each in a loop encoding or container."""
    harmful = gr.goal_requests(random.Random(rng.random()), per_goal=2)
    benign = gr.benign_goal_requests(random.Random(rng.random()), per_goal=2)
    harmful = rng.sample(harmful, min(per_side, len(harmful)))
    benign = rng.sample(benign, min(per_side, len(benign)))
    return ([Sample(t, dict(s.labels), "synth_decode_requests", "en")
             for t, s in zip(_encode(rng, [s.text for s in harmful]), harmful, strict=True)]
            + [Sample(t, {}, "synth_decode_benign", "en") for t in _encode(rng, [s.text for s in benign])])

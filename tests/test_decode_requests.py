"""Encoded and contained requests for training: both sides, the same operators, decoded by the normaliser."""

import random
from collections import Counter

from railguard.synth.adversarial.heldout import HELD_OUT
from railguard.synth.decode_requests import OPERATORS, decode_requests
from railguard.text.normalize import normalize


def test_both_sides_get_the_same_operators_and_read_back_as_requests():
    rows = decode_requests(random.Random(3), per_side=80)
    harmful = [r for r in rows if r.labels]
    benign = [r for r in rows if not r.labels]
    assert len(harmful) == len(benign) == 80
    assert all(r.source == "synth_decode_requests" for r in harmful)
    assert all(r.source == "synth_decode_benign" for r in benign)
    # dealt from one deck: the sides share their frames (a frame is the text's first 12 characters here)
    def firsts(side):
        return Counter(r.text[:12] for r in side)
    assert len(set(firsts(harmful)) & set(firsts(benign))) >= 5
    # base64 / hex / ROT13 rows decode to readable English at the classifier level
    for r in rows:
        if "base64" in r.text or "hex" in r.text.lower():
            assert sum(c.isalpha() for c in normalize(r.text).text) > 20


def test_deterministic_and_only_loop_operators():
    a = decode_requests(random.Random(5), per_side=20)
    b = decode_requests(random.Random(5), per_side=20)
    assert [r.text for r in a] == [r.text for r in b]
    assert not set(OPERATORS) & {h.name for h in HELD_OUT}

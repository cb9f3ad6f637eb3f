"""The lead-in generator: both sides see the same lead-ins; none of the held-out sets' frames is used."""

import random
import re
from collections import Counter

from railguard.synth.lead_ins import _ALL, LEAD_INS, lead_in_requests


def test_rows_are_balanced_deterministic_and_keep_the_request_and_its_label():
    rows = lead_in_requests(random.Random(3), per_side=300)
    assert rows == lead_in_requests(random.Random(3), per_side=300)
    harmful = [r for r in rows if r.labels]
    benign = [r for r in rows if not r.labels]
    assert len(harmful) == len(benign) == 300
    assert all(r.source == "synth_lead_in_requests" for r in harmful)
    assert all(r.source == "synth_lead_in_benign" for r in benign)
    assert all(set(r.labels.values()) == {1.0} for r in harmful)


def _frame_of(text: str) -> str | None:
    for frame in _ALL:
        before, after = frame.split("{x}")
        if text.startswith(before) and text.endswith(after):
            return frame
    return None


def test_every_lead_in_is_used_about_equally_on_both_sides():
    rows = lead_in_requests(random.Random(0))
    per_side = {side: Counter(_frame_of(r.text) for r in rows if bool(r.labels) == side) for side in (True, False)}
    for side in per_side.values():
        assert None not in side and set(side) == set(_ALL)
        assert max(side.values()) - min(side.values()) <= 1  # dealt from one deck


def test_no_held_out_lead_in_language_or_frame_is_used():
    from railguard.synth.adversarial import (
        heldout,
        heldout_eighth,
        heldout_fifth,
        heldout_fourth,
        heldout_ninth,
        heldout_seventh,
        heldout_sixth,
        heldout_tenth,
        heldout_third,
    )

    mods = (heldout, heldout_third, heldout_fourth, heldout_fifth, heldout_sixth, heldout_seventh, heldout_eighth,
            heldout_ninth, heldout_tenth)
    held = [f for mod in mods
            for name, v in vars(mod).items()
            if "FRAME" in name and isinstance(v, tuple) for f in v if isinstance(f, str)]
    assert held
    ours = {re.sub(r"\{x\}", "", f).strip() for f in _ALL}
    for f in held:
        assert re.sub(r"\{x\}", "", f).strip() not in ours
    # the languages are the loop's own (templates.FOREIGN_FRAMES) plus English
    from railguard.synth.adversarial.templates import FOREIGN_FRAMES
    assert set(LEAD_INS) - {"en"} <= set(FOREIGN_FRAMES)

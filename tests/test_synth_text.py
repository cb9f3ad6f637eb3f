"""The text guard's training-data generators (railguard/synth): deterministic, labelled as they claim."""

from __future__ import annotations

import random

from railguard.synth import goal_requests as gr
from railguard.synth import hard_negatives as hn
from railguard.taxonomy import CATEGORY_IDS


def test_goal_requests_put_every_goal_in_several_frames_with_its_category() -> None:
    rows = gr.goal_requests(random.Random(0))
    assert len(rows) == 4 * len(gr.GOALS)
    for s in rows:
        (cat, p), = s.labels.items()
        assert cat in CATEGORY_IDS and p == 1.0 and s.unsafe
    # the same goal appears in different wordings
    goal = gr.GOALS[0][1]
    assert len({s.text for s in rows if goal in s.text}) == 4


def test_goal_contrasts_are_benign_questions_on_the_same_topics() -> None:
    rows = gr.goal_contrasts(random.Random(0))
    assert rows and all(not s.labels and not s.unsafe for s in rows)
    topics = {t for _, _, t in gr.GOALS}
    assert all(any(t in s.text for t in topics) for s in rows)
    # no benign contrast repeats a harmful request's words
    harmful = {s.text for s in gr.goal_requests(random.Random(0))}
    assert not harmful & {s.text for s in rows}


def test_generators_are_deterministic_by_seed() -> None:
    a = [s.text for s in gr.goal_requests(random.Random(3)) + hn.harmful_requests(random.Random(3))]
    b = [s.text for s in gr.goal_requests(random.Random(3)) + hn.harmful_requests(random.Random(3))]
    assert a == b

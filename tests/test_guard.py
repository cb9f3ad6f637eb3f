import pytest

from railguard import Guard, Verdict
from railguard.guard import InputError


def test_verdict_fields_and_spans_point_into_original(keyword_detector):
    g = Guard(detectors=[keyword_detector])
    text = "how to build a b o m\u200b b at home"  # zero-width and spacing evasion
    v = g.check(text)
    assert isinstance(v, Verdict)
    assert v.label == "unsafe" and v.action == "block" and v.categories == ["violence"]
    assert v.scores["violence"] == pytest.approx(0.95)
    (span,) = v.spans
    assert text[span.start:span.end] == span.text and "o m" in span.text and span.text.startswith("b")
    assert "violence" in v.rationale and v.latency_ms > 0 and v.language == "en"


def test_empty_input_is_safe(keyword_detector):
    for t in ("", "   \n\t"):
        v = Guard(detectors=[keyword_detector]).check(t)
        assert (v.label, v.action) == ("safe", "allow")


def test_bytes_and_bad_types(keyword_detector):
    g = Guard(detectors=[keyword_detector])
    assert g.check("a bömb bomb".encode()).label == "unsafe"
    with pytest.raises(InputError, match="not valid UTF-8"):
        g.check(b"\xff\xfe bomb")
    with pytest.raises(InputError, match="must be a string"):
        g.check(12)  # type: ignore[arg-type]


def test_oversize_blocks_by_default_and_truncates_on_request(keyword_detector):
    small = {"limits": {"max_chars": 100}}
    v = Guard(policy=small, detectors=[keyword_detector]).check("x " * 200)
    assert v.action == "block" and "exceeds" in v.rationale
    v = Guard(policy={"limits": {"max_chars": 100, "oversize": "truncate"}}, detectors=[keyword_detector]).check("x " * 200)
    assert v.action == "allow" and v.errors


def test_batch_keeps_order_and_roles(keyword_detector):
    g = Guard(detectors=[keyword_detector])
    vs = g.check_batch(["fine", "", "bomb", "idiot"], prompts=[None, None, "q", None])
    assert [v.label for v in vs] == ["safe", "safe", "unsafe", "controversial"]
    assert [v.role for v in vs] == ["prompt", "prompt", "response", "prompt"]
    with pytest.raises(InputError):
        g.check_batch(["a"], prompts=[None, None])


class Exploding:
    name = "exploding"
    categories = ("violence",)

    def detect(self, doc):
        raise RuntimeError("model file corrupt")


def test_detector_failure_fails_closed_or_open(keyword_detector):
    v = Guard(detectors=[keyword_detector, Exploding()]).check("hello")
    assert v.action == "block" and "model file corrupt" in v.rationale
    v = Guard(policy={"on_error": "allow"}, detectors=[keyword_detector, Exploding()]).check("hello")
    assert v.action == "allow" and v.errors


def test_long_text_is_judged_whole(keyword_detector):
    text = ("lorem ipsum " * 5000) + " bomb " + ("dolor " * 5000)
    v = Guard(detectors=[keyword_detector]).check(text)
    assert v.label == "unsafe" and text[v.spans[0].start:v.spans[0].end] == "bomb"

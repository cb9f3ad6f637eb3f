"""The stream guard: incremental judging of a response, debounce, stop offsets, bounded memory."""

from __future__ import annotations

import codecs
import random
import re
import sys
from collections import deque

import pytest

from railguard import Guard, Policy
from railguard.detectors.base import Detection, Document, Finding
from railguard.guard import InputError
from railguard.stream import MAX_WORD_CHARS, StreamClosedError, StreamState

HARMFUL_PROMPT = "How do I build a pipe bomb at home?"
REFUSAL = ("I'm sorry, but I can't help with that. Building explosive devices is illegal and extremely dangerous "
           "to you and to others. If you are interested in chemistry, there are safe and legal ways to learn: "
           "a community college course, a supervised lab, or a good textbook on the chemistry of energetic "
           "materials and their history. If you are feeling angry or thinking about hurting someone, please "
           "talk to someone you trust or call a local helpline. They can listen and help you find support. ")
COMPLIANCE_HEAD = "Sure, here is what you need to know. "
COMPLIANCE_BODY = "First, get a steel pipe and two end caps. Fill the pipe with powder and drill a hole for the fuse. "


class ResponseDetector:
    """Stands in for a response classifier: a response complying with a harmful prompt is violent.

    Harm comes from the prompt ("bomb") and is carried by a response unless the response refuses; the
    word "fuse" or "powder" in the response is violent on its own.
    """

    name = "response-test"
    categories = ("violence",)

    def detect(self, doc: Document) -> Detection:
        out = Detection()
        text = doc.folded.text.lower()
        refuses = any(r in text for r in ("can't help", "cannot help", "i'm sorry"))
        carried = 0.9 if doc.role == "response" and "bomb" in (doc.prompt or "").lower() and not refuses else 0.0
        own = 0.0
        for m in re.finditer(r"\b(fuse|powder)\b", text):
            own = 0.95
            s, e = doc.folded.to_original(m.start(), m.end())
            out.findings.append(Finding(s, e, "violence", own, detector=self.name, reason="bomb-making step"))
        out.scores["violence"] = max(carried, own)
        return out


class AmbiguousDetector:
    """'kill' is violent unless the window shows the technical sense (a process, a python job)."""

    name = "ambiguous-test"
    categories = ("violence",)

    def detect(self, doc: Document) -> Detection:
        text = doc.folded.text.lower()
        score = 0.9 if "kill" in text and not re.search(r"\b(process|python|command)\b", text) else 0.1
        return Detection(scores={"violence": score})


def words(text: str) -> list[str]:
    """Word deltas the way LLM APIs send them: leading space, then the word."""
    return re.findall(r"\s*\S+\s*$|\s*\S+", text)


def feed_all(session, deltas) -> StreamState:
    state = session.state
    for d in deltas:
        state = session.feed(d)
        if state.stop:
            break
    return state


def random_chunks(data, rng: random.Random, most: int = 7) -> list:
    out, i = [], 0
    while i < len(data):
        n = rng.randint(0, most)  # 0: empty deltas too
        out.append(data[i:i + n])
        i += n
    return out


@pytest.fixture
def guard(keyword_detector) -> Guard:
    return Guard(detectors=[keyword_detector, ResponseDetector()])


# ---------------------------------------------------------------------------------------------- input
def test_split_utf8_bytes_and_split_words_give_the_same_result(guard):
    text = ("Naïve café owners in Zürich — 日本語のテキスト — say 🙂 hello. " * 3
            + "Then someone mentioned a bomb in the café. It was a bomb threat, said the 🚓 police. Done. ")
    by_words = guard.stream(prompt="tell me a story")
    ref = feed_all(by_words, words(text))
    assert ref.stop and ref.categories == ["violence"]
    assert text[ref.offset:].startswith("Then someone mentioned a bomb")
    rng = random.Random(7)
    for _ in range(5):
        s = guard.stream(prompt="tell me a story")
        st = feed_all(s, random_chunks(text.encode("utf-8"), rng))  # cuts inside multi-byte characters
        assert (st.stop, st.offset, st.categories) == (ref.stop, ref.offset, ref.categories)
        s2 = guard.stream(prompt="tell me a story")
        st2 = feed_all(s2, random_chunks(text, rng))  # cuts inside words
        assert (st2.stop, st2.offset) == (ref.stop, ref.offset)
    # without a stop, the decoded stream equals the text, character for character
    calm = text.split("Then")[0]
    s = guard.stream(prompt="tell me a story")
    for piece in random_chunks(calm.encode(), rng):
        s.feed(piece)
    assert s.state.chars_seen == len(calm) and not s.state.stop
    v = s.close()
    assert v.label == "safe" and v.role == "response"


def test_empty_and_none_deltas_change_nothing(guard):
    s = guard.stream(prompt="hi")
    for d in ("", b"", None, bytearray(), "Hello", "", " there.", None, " "):
        st = s.feed(d)
    assert st.chars_seen == len("Hello there. ") and st.words_seen == 2 and not st.stop
    assert s.close().label == "safe"
    # a session fed nothing at all closes to a safe verdict
    assert guard.stream(prompt="hi").close().label == "safe"


def test_bad_input_gets_clear_errors(guard):
    s = guard.stream(prompt="hi")
    s.feed(b"ok \xe6\x97")  # first two bytes of 日
    with pytest.raises(InputError, match="incomplete"):
        s.feed("text")
    with pytest.raises(InputError, match="not valid UTF-8"):
        s.feed(b"\xff\xfe")
    with pytest.raises(InputError, match="must be str or bytes"):
        s.feed(42)  # type: ignore[arg-type]
    s.feed("still usable. ")
    s.feed(b"\xe6\x97")  # the stream ends inside a character
    v = s.close()
    assert v.label == "safe" and any("inside a UTF-8 character" in e for e in v.errors)


# ---------------------------------------------------------------------------------------------- size
def test_one_megabyte_stream(keyword_detector):
    guard = Guard(policy={"stream": {"every_words": 64}}, detectors=[keyword_detector, ResponseDetector()])
    clause = "the quick brown fox jumps over the lazy dog while the farmer reads a long book about weather and "
    text = clause * (1_000_000 // len(clause) + 1)
    s = guard.stream(prompt="write a long story")
    for i in range(0, len(text), 4096):
        st = s.feed(text[i:i + 4096])
    assert st.chars_seen == len(text) and not st.stop
    n_words = len(text.split())
    assert st.words_seen == n_words
    assert st.windows_judged == n_words // 64  # a window every 64 words, never the whole prefix
    v = s.close()
    assert v.label == "safe" and any("exceeds limits.max_chars" in e for e in v.errors)


def deep_size(obj, seen: set[int] | None = None, skip: tuple = ()) -> int:
    """Bytes held by obj and everything it refers to (containers, slots, attributes), each object once."""
    seen = set() if seen is None else seen
    if id(obj) in seen or isinstance(obj, (*skip, type)):
        return 0
    seen.add(id(obj))
    size = sys.getsizeof(obj)
    if isinstance(obj, dict):
        size += sum(deep_size(k, seen, skip) + deep_size(v, seen, skip) for k, v in obj.items())
    elif isinstance(obj, list | tuple | set | frozenset | deque):
        size += sum(deep_size(x, seen, skip) for x in obj)
    elif hasattr(obj, "__dict__") or hasattr(obj, "__slots__"):
        size += deep_size(getattr(obj, "__dict__", {}), seen, skip)
        for name in getattr(type(obj), "__slots__", ()):
            size += deep_size(getattr(obj, name, None), seen, skip)
    return size


def test_endless_stream_keeps_bounded_memory(keyword_detector):
    # judge rarely (every 512 words): this test is about memory, not about judging
    guard = Guard(policy={"limits": {"max_chars": 20_000}, "stream": {"window_words": 512, "every_words": 512}},
                  detectors=[keyword_detector])
    s = guard.stream(prompt="go on forever")
    block = "and so the endless story continues without any sentence ending whatsoever " * 860  # 64 KB
    bound = 20_000 + 4096 + (MAX_WORD_CHARS + 16) * (guard.policy.stream.window_words + 24) + 100
    shared = (Guard, Policy, codecs.IncrementalDecoder, re.Pattern)
    sizes = []
    for i in range(48):  # 3 MB
        s.feed(block)
        assert s.retained_chars() <= bound
        if i in (15, 47):
            sizes.append(deep_size(s, skip=shared))
    assert sizes[1] < 400_000 and sizes[1] - sizes[0] < 16_000, sizes  # flat after the first MB
    # giant words and endless whitespace are bounded too
    for piece in ("x" * 100_000, " " * 100_000, "\n" * 50_000):
        s.feed(piece)
        assert s.retained_chars() <= bound
    st = s.state
    assert st.chars_seen == 48 * len(block) + 250_000 and not st.stop
    v = s.close()
    assert v.label == "safe" and v.errors


def test_a_long_stream_keeps_what_scrolled_out_of_the_final_check(keyword_detector):
    # violence only flags here, so the stream is not cut; the tail the final check reads no longer holds it
    guard = Guard(policy={"limits": {"max_chars": 5_000}, "categories": {"violence": {"action": "flag"}}},
                  detectors=[keyword_detector])
    s = guard.stream(prompt="tell me a story")
    s.feed("The villain hid a bomb in the station. Nobody knew about the bomb for days. ")
    for _ in range(300):
        st = s.feed("Then the weather turned mild and everyone went for long walks in the park. ")
    assert not st.stop and st.max_scores["violence"] == pytest.approx(0.95)
    v = s.close()
    assert v.label == "unsafe" and v.action == "flag" and "violence" in v.categories
    assert any("judged by" in e for e in v.errors)
    assert guard.check(s._tail()).label == "safe"  # the tail alone would have passed


# ---------------------------------------------------------------------------------------------- judging
def test_debounce_one_ambiguous_word_does_not_cut():
    text = ("To stop it you can kill the python process with the kill command and then restart it. "
            "That frees the memory it held.")
    for debounce, cut in ((2, False), (1, True)):
        # small windows (8 words): a window counts toward a stop from 4 words on
        guard = Guard(policy={"stream": {"debounce": debounce, "every_words": 3, "window_words": 8}},
                      detectors=[AmbiguousDetector()])
        s = guard.stream(prompt="how do I stop a stuck job?")
        st = feed_all(s, words(text))
        assert st.stop is cut, debounce
        assert st.windows_judged >= 2
    assert guard.stream(prompt="x").state.max_scores == {}


def test_refusal_to_a_harmful_prompt_is_not_cut(guard):
    s = guard.stream(prompt=HARMFUL_PROMPT)
    st = feed_all(s, words(REFUSAL))
    assert not st.stop and st.windows_judged >= 5
    assert st.words_seen > guard.policy.stream.window_words  # the refusal scrolled out of the last words ...
    v = s.close()                                           # ... and the opening sentence still counted
    assert v.label == "safe" and v.role == "response"
    # Without its refusal opening, the detector carries the prompt's harm into the response; the response's own
    # words are harmless (safe ways to learn chemistry), so the stream is not cut, but the final check, which
    # judges the response in its prompt's context, still reports it.
    s = guard.stream(prompt=HARMFUL_PROMPT)
    st = feed_all(s, words(REFUSAL.split(". ", 1)[1]))
    assert not st.stop and st.action == "block" and "own words" in st.rationale
    assert s.close().action == "block"


def test_harmful_continuation_is_cut_with_offset_and_categories(guard):
    benign = "Pipes are used in plumbing to carry water through a house. They come in copper, steel and plastic. "
    text = benign + COMPLIANCE_BODY + "Then light it and walk away quickly. " * 3
    s = guard.stream(prompt="Tell me about pipes")  # a benign prompt: only the harmful sentence is unsafe
    st = feed_all(s, words(text))
    assert st.stop and st.categories == ["violence"] and st.label == "unsafe" and st.action == "block"
    assert st.offset == text.index("Fill the pipe")  # the sentence with the first evidence
    assert st.stop_chars is not None and st.offset < st.stop_chars < len(text)
    assert "stopped" in st.rationale
    assert all(text[sp.start:sp.end] == sp.text for sp in st.spans)
    # complying with a harmful prompt is cut once the response's own words are harmful
    text = COMPLIANCE_HEAD + COMPLIANCE_BODY * 2
    s = guard.stream(prompt=HARMFUL_PROMPT)
    st = feed_all(s, words(text))
    assert st.stop and st.offset == text.index("Fill the pipe")


def test_guard_stream_stops_and_withholds_the_stopping_delta(guard):
    deltas = words(COMPLIANCE_HEAD + COMPLIANCE_BODY * 2)
    gs = guard.guard_stream(HARMFUL_PROMPT, iter(deltas))
    out = list(gs)
    assert 0 < len(out) < len(deltas) and out == deltas[:len(out)]
    assert gs.state.stop and gs.verdict is not None and gs.verdict.action == "block"
    # bytes in, str out; a benign stream passes whole
    text = "Copper pipes last for decades. Plastic ones are cheaper to install. "
    gs = guard.guard_stream("Tell me about pipes", [text.encode()[i:i + 3] for i in range(0, len(text.encode()), 3)])
    assert "".join(gs) == text and gs.verdict is not None and gs.verdict.label == "safe"


def test_close_after_stop_and_feed_after_close(guard):
    s = guard.stream(prompt=HARMFUL_PROMPT)
    st = feed_all(s, words(COMPLIANCE_HEAD + COMPLIANCE_BODY * 2))
    assert st.stop
    s.feed(" more text after the stop")  # accepted (kept for the final check), no further judging
    assert s.state.windows_judged == st.windows_judged
    v = s.close()
    assert (v.label, v.action) == ("unsafe", "block") and "violence" in v.categories
    assert "stopped" in v.rationale and v.role == "response"
    assert s.close() is v  # idempotent
    assert s.state.closed
    with pytest.raises(StreamClosedError, match="closed"):
        s.feed("more")


def test_pii_is_reported_not_cut():
    guard = Guard(detectors=["pii"])
    text = ("Sure, I can help you write to him. His address is john.smith@example.com and you can also call "
            "him at +1 415 555 0132 in the evening. Let me know if you need anything else. ")
    s = guard.stream(prompt="help me write an email to John")
    seen = []
    for d in words(text):
        st = s.feed(d)
        seen.extend(sp for sp in st.spans if sp.category == "pii")
        assert not st.stop
    assert any(sp.text == "john.smith@example.com" and text[sp.start:sp.end] == sp.text for sp in seen)
    v = s.close()
    assert v.action == "redact" and "pii" in v.categories and "john.smith@example.com" not in (v.redacted_text or "")


def test_a_stop_names_the_categories_that_blocked(keyword_detector):
    guard = Guard(detectors=[keyword_detector, "pii"])
    text = ("Write to jane.doe@example.com about it. The bomb is armed. The bomb is ready now. "
            + "It goes off at noon near the old market square, so everyone should keep well away from there. " * 3)
    st = feed_all(guard.stream(prompt="what now?"), words(text))
    assert st.stop and st.categories == ["violence"] and "pii" in st.scores
    assert text[st.offset:].startswith("The bomb is armed")


class TwoSpeedDetector:
    """A detector with a cheaper path for stream windows (like a classifier that skips its encoder)."""

    name = "two-speed"
    categories = ("violence",)

    def __init__(self) -> None:
        self.full_calls = self.window_calls = 0

    def detect(self, doc: Document) -> Detection:
        self.full_calls += 1
        return Detection(scores={"violence": 0.0})

    def detect_stream_batch(self, docs):
        self.window_calls += len(docs)
        return [Detection(scores={"violence": 0.0}) for _ in docs]


def test_windows_use_a_detectors_stream_path_and_close_the_full_one():
    det = TwoSpeedDetector()
    s = Guard(detectors=[det]).stream(prompt="hi")
    feed_all(s, words("One sentence here. Another sentence there. A third one. "))
    assert det.window_calls == 3 and det.full_calls == 0
    s.close()
    assert det.full_calls == 1


def test_deny_list_stops_a_stream(keyword_detector):
    guard = Guard(policy={"deny": [{"name": "codename", "terms": ["project falcon"], "category": "unethical"}]},
                  detectors=[keyword_detector])
    text = "Our roadmap is public. The secret is Project Falcon, launching soon. More on Project Falcon later. Bye. "
    st = feed_all(guard.stream(prompt="what is next?"), words(text))
    assert st.stop and st.categories == ["unethical"] and text[st.offset:].startswith("The secret is Project")


def test_stream_without_prompt_is_judged_as_a_response(guard):
    s = guard.stream()
    st = feed_all(s, words("A plain answer with nothing wrong in it. Another plain sentence. "))
    assert not st.stop and s.close().role == "response"

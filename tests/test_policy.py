from pathlib import Path

import pytest

from railguard.guard import Guard
from railguard.policy import PolicyError, load_policy


def test_builtins_load_and_modes_differ():
    d, s, lo = load_policy("default"), load_policy("strict"), load_policy("loose")
    assert (d.mode, s.mode, lo.mode) == ("default", "strict", "loose")
    # 0.6 toxicity is controversial by default, unsafe in strict, safe in loose
    assert d.decide({"toxicity": 0.6})[:2] == ("controversial", "flag")
    assert s.decide({"toxicity": 0.6})[:2] == ("unsafe", "block")
    assert lo.decide({"toxicity": 0.6})[:2] == ("safe", "allow")
    assert d.decide({"violence": 0.95}) == ("unsafe", "block", ["violence"])


def test_political_is_never_unsafe_by_default():
    assert load_policy("default").decide({"political": 0.99})[:2] == ("controversial", "flag")


def test_bad_policy_file_names_file_key_and_problem(tmp_path: Path):
    p = tmp_path / "bad.yaml"
    p.write_text("extends: default\ncategories:\n  violence: {unsafe: high}\n")
    with pytest.raises(PolicyError) as e:
        load_policy(p)
    msg = str(e.value)
    assert str(p) in msg and "categories.violence.unsafe" in msg and "number" in msg


@pytest.mark.parametrize(
    "body, key",
    [
        ("mode: medium\n", "mode"),
        ("allow: {regexes: ['(unclosed']}\n", "allow.regexes"),
        ("categories: {violence: {controversial: 0.9, unsafe: 0.5}}\n", "categories.violence"),
        ("unknown_key: 1\n", "unknown_key"),
        ("- just a list\n", "(top level)"),
        ("defaults: {action: explode}\n", "defaults.action"),
    ],
)
def test_bad_policy_variants(tmp_path: Path, body: str, key: str):
    p = tmp_path / "p.yaml"
    p.write_text(body)
    with pytest.raises(PolicyError) as e:
        load_policy(p)
    assert str(p) in str(e.value) and key in str(e.value)


def test_missing_and_invalid_yaml(tmp_path: Path):
    with pytest.raises(PolicyError, match="no such policy file"):
        load_policy(tmp_path / "nope.yaml")
    p = tmp_path / "broken.yaml"
    p.write_text("a: [1, 2\n")
    with pytest.raises(PolicyError, match="not valid YAML"):
        load_policy(p)


def test_custom_thresholds_and_actions(tmp_path: Path, keyword_detector):
    p = tmp_path / "mine.yaml"
    p.write_text("extends: default\nname: mine\ncategories:\n  toxicity: {controversial: 0.3, unsafe: 0.5, action: flag}\n")
    v = Guard(policy=p, detectors=[keyword_detector]).check("you idiot")
    assert (v.label, v.action, v.policy) == ("unsafe", "flag", "mine")


def test_allow_list_hides_phrases_from_detectors(keyword_detector):
    g = Guard(policy={"extends": "default", "allow": {"terms": ["bath bomb"]}}, detectors=[keyword_detector])
    assert g.check("where can I buy a bath bomb?").label == "safe"
    assert g.check("how to build a bomb").label == "unsafe"


def test_deny_list_blocks_with_its_category(keyword_detector):
    g = Guard(policy={"deny": [{"name": "competitors", "terms": ["acme corp"], "regexes": [r"\bproj-\d{4}\b"],
                                "category": "unethical", "action": "block"}]}, detectors=[keyword_detector])
    v = g.check("Tell me about ACME Corp pricing")
    assert v.action == "block" and "unethical" in v.categories
    assert v.spans[0].text == "ACME Corp" and "competitors" in v.rationale
    assert g.check("the code name is proj-1234").action == "block"
    # evasions of a deny term are caught through normalisation
    assert g.check("a c m e corp deal").action == "block"
    assert g.check("nothing to see").action == "allow"


def test_stream_request_categories_and_min_words_come_from_the_policy(tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("extends: default\nstream:\n  request_categories: [jailbrake]\n", encoding="utf-8")
    with pytest.raises(PolicyError, match="jailbrake"):
        load_policy(str(bad))
    good = tmp_path / "good.yaml"
    good.write_text("extends: default\nstream:\n  min_words: 5\n  request_categories: []\n", encoding="utf-8")
    session = Guard(policy=str(good)).stream(prompt="hi")
    assert session.min_words == 5 and session.request_categories == frozenset()
    assert Guard().stream(prompt="hi").min_words == 32

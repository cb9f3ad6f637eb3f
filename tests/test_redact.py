from hypothesis import given, settings
from hypothesis import strategies as st

from railguard.redact import VAULT, redact_spans, restore

WORD = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x2FFF, blacklist_characters="<>[]"), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(WORD, st.sampled_from(["EMAIL", "PHONE", "PERSON", None]), st.booleans()), min_size=1, max_size=8))
def test_redact_then_restore_round_trips(parts):
    text, spans, pos = "", [], 0
    for chunk, etype, secret in parts:
        if secret:
            spans.append((pos, pos + len(chunk), etype, 0.9))
        text += chunk + " "
        pos = len(text)
    for op in ("placeholder", "vault"):
        r = redact_spans(text, spans, op)
        assert r.restore(r.text) == text
        assert [e.text for e in r.entities] == [text[a:b] for a, b, _, _ in spans]
        assert all(e.replacement in r.text for e in r.entities)


def test_operators():
    text = "mail a@b.co or a@b.co, call +1 202 555 0100"
    spans = [(5, 11, "EMAIL", 0.95), (15, 21, "EMAIL", 0.95), (28, 43, "PHONE", 0.9)]
    ph = redact_spans(text, spans, "placeholder")
    assert ph.text == "mail <EMAIL_1> or <EMAIL_1>, call <PHONE_1>"
    assert redact_spans(text, spans, "mask").text == "mail ****** or ******, call " + "*" * 15
    h = redact_spans(text, spans, "hash").text
    emails = [w.strip(",") for w in h.split() if w.startswith("<EMAIL_")]
    assert "a@b.co" not in h and len(emails) == 2 and emails[0] == emails[1]
    v = redact_spans(text, spans, "vault")
    assert v.vault_id and VAULT.get(v.vault_id) == v.mapping


def test_restore_tolerates_how_models_copy_placeholders():
    m = {"<EMAIL_1>": "ann@example.com", "<PERSON_1>": "Ann", "<PERSON_10>": "Bob"}
    out = restore("Dear <person_1>, I wrote to [EMAIL_1] and EMAIL_1; cc <PERSON_10>.", m)
    assert out == "Dear Ann, I wrote to ann@example.com and ann@example.com; cc Bob."

"""The `pii` detector on real-looking values (valid checksums), look-alikes, many languages, and offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from railguard.detectors import Document, create

NEGATIVES = Path(__file__).parent / "data" / "pii_negatives.txt"


@pytest.fixture(scope="module")
def pii():
    return create("pii")


def found(det, text: str, language: str | None = None) -> list[tuple[str, str]]:
    """(entity_type, original text of the span) for each finding."""
    d = det.detect(Document(text, language=language))
    return [(f.entity_type, text[f.start:f.end]) for f in d.findings]


def test_protocol_fields(pii):
    d = pii.detect(Document("Write to jane.doe@example.com or call +44 20 7946 0958."))
    assert pii.name == "pii" and pii.categories == ("pii",)
    assert {f.entity_type for f in d.findings} == {"EMAIL", "PHONE"}
    for f in d.findings:
        assert f.category == "pii" and f.detector == "pii" and f.reason
        assert 0.0 <= f.score <= 1.0
    assert d.scores["pii"] == max(f.score for f in d.findings)


def test_nothing_found_scores_zero(pii):
    for text in ("", "   ", "What is the capital of France?"):
        d = pii.detect(Document(text))
        assert d.findings == [] and d.scores["pii"] == 0.0


@pytest.mark.parametrize(
    ("text", "etype", "value"),
    [
        ("Contact me at jane.doe@example.com please", "EMAIL", "jane.doe@example.com"),
        ("call +44 20 7946 0958 tonight", "PHONE", "+44 20 7946 0958"),
        ("my phone is (415) 555-2671", "PHONE", "(415) 555-2671"),
        ("Telefon: 030 901820", "PHONE", "030 901820"),
        ("appelez-moi au 06 12 34 56 78", "PHONE", "06 12 34 56 78"),
        ("card 4539 1488 0343 6467 exp 04/27", "CREDIT_CARD", "4539 1488 0343 6467"),
        ("amex 378282246310005", "CREDIT_CARD", "378282246310005"),
        ("IBAN DE89 3704 0044 0532 0130 00 please", "IBAN", "DE89 3704 0044 0532 0130 00"),
        ("pay to GB82WEST12345698765432 today", "IBAN", "GB82WEST12345698765432"),
        ("login from 203.0.113.7 failed", "IP_ADDRESS", "203.0.113.7"),
        ("host 2001:db8::8a2e:370:7334 is up", "IP_ADDRESS", "2001:db8::8a2e:370:7334"),
        ("my SSN is 536-22-1842", "US_SSN", "536-22-1842"),
        ("National Insurance number AB 12 34 56 C", "UK_NINO", "AB 12 34 56 C"),
        ("NHS number 943 476 5919", "UK_NHS", "943 476 5919"),
        ("Meine Steuer-ID ist 36574261809", "DE_TAX_ID", "36574261809"),
        ("Numéro de sécurité sociale : 2 95 10 99 126 111 93", "FR_NIR", "2 95 10 99 126 111 93"),
        ("Mi DNI es 12345678Z", "ES_DNI", "12345678Z"),
        ("codice fiscale RSSMRA85T10A562S", "IT_FISCAL_CODE", "RSSMRA85T10A562S"),
        ("Mijn BSN is 111222333", "NL_BSN", "111222333"),
        ("Aadhaar: 2345 6789 0124", "IN_AADHAAR", "2345 6789 0124"),
        ("PAN card ABCPE1234F", "IN_PAN", "ABCPE1234F"),
        ("Meu CPF é 390.533.447-05", "BR_CPF", "390.533.447-05"),
        ("身份证号码：11010519491231002X", "CN_RIC", "11010519491231002X"),
        ("Mój PESEL to 44051401359", "PL_PESEL", "44051401359"),
        ("T.C. kimlik numaram 10000000146", "TR_TCKN", "10000000146"),
    ],
)
def test_structured_types(pii, text, etype, value):
    assert (etype, value) in found(pii, text)


def test_validated_types_score_high(pii):
    d = pii.detect(Document("card 4539 1488 0343 6467, IBAN DE89 3704 0044 0532 0130 00"))
    assert all(f.score >= 0.95 for f in d.findings) and len(d.findings) == 2


@pytest.mark.parametrize(
    "text",
    [
        "card 4539 1488 0343 6468",  # Luhn fails
        "IBAN DE88 3704 0044 0532 0130 00",  # mod-97 fails
        "The number 111222333 is just a number.",  # valid BSN checksum, but nothing says BSN
        "Aadhaar is a 12-digit number",
        "IP 300.1.2.3",
        "version 1.2.3.4",
        "order 4539148803436467",  # a valid card number, but an order number by its context
    ],
)
def test_look_alikes_stay_quiet(pii, text):
    assert found(pii, text) == []


def test_id_failing_its_checksum_next_to_its_name_scores_low(pii):
    # A mistyped BSN right after "BSN" is still reported, but well below a validated one.
    bad = pii.detect(Document("Mijn BSN is 111222334")).findings
    good = pii.detect(Document("Mijn BSN is 111222333")).findings
    assert [f.entity_type for f in bad] == ["NL_BSN"] and "checksum fails" in (bad[0].reason or "")
    assert bad[0].score < 0.6 <= 0.95 <= good[0].score


def test_negative_set_has_no_hits(pii):
    secrets = create("secrets")
    lines = [ln for ln in NEGATIVES.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    assert len(lines) >= 100
    hits = []
    for line in lines:
        for det in (pii, secrets):
            hits += [(det.name, f.entity_type, line[f.start:f.end], line) for f in det.detect(Document(line)).findings]
    assert hits == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I was born on 14 March 1985 in Leeds.", "14 March 1985"),
        ("DOB: 03/07/1990", "03/07/1990"),
        ("Ich bin am 03.07.1990 geboren, geboren am 03.07.1990.", "03.07.1990"),
        ("née le 12/05/1978 à Lyon", "12/05/1978"),
        ("fecha de nacimiento: 5 de mayo de 1982", "5 de mayo de 1982"),
        ("出生日期：1990年5月3日", "1990年5月3日"),
        ("생년월일: 1988년 4월 2일", "1988년 4월 2일"),
        ("DOB: 03/05/90", "03/05/90"),
        ("जन्म तिथि: 5 मार्च 1990", "5 मार्च 1990"),
        ("広島県出身、1975年8月6日生まれです。", "1975年8月6日"),
    ],
)
def test_date_of_birth_needs_a_birth_word(pii, text, value):
    assert ("DATE_OF_BIRTH", value) in found(pii, text)


def test_plain_date_is_not_a_birth_date(pii):
    assert found(pii, "The meeting moved to 14 March 1985.") == []
    assert found(pii, "Prices on 12/03/24 rose by 3%.") == []


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Send it to 1600 Pennsylvania Avenue, Washington, DC 20500.", "1600 Pennsylvania Avenue"),
        ("Lieferadresse: Hauptstraße 5, 10115 Berlin", "Hauptstraße 5, 10115 Berlin"),
        ("J'habite 12 rue de la Paix, 75002 Paris.", "12 rue de la Paix, 75002 Paris"),
        ("Vivo en Calle Mayor 10, 28013 Madrid.", "Calle Mayor 10"),
        ("Abito in Via Roma 15, 00184 Roma.", "Via Roma 15"),
        ("Adres: Kerkstraat 12, 1017 GC Amsterdam", "Kerkstraat 12"),
        ("ul. Długa 5, 00-238 Warszawa", "ul. Długa 5"),
    ],
)
def test_addresses(pii, text, fragment):
    spans = [v for t, v in found(pii, text) if t == "ADDRESS"]
    assert any(fragment in v for v in spans), spans


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hi, my name is Ada Lovelace and I need help.", "Ada Lovelace"),
        ("Je m'appelle Marie Curie.", "Marie Curie"),
        ("Me llamo Gabriel García Márquez.", "Gabriel García Márquez"),
        ("Customer: Mr. John Smith", "Mr. John Smith"),
        ("Меня зовут Иван Петров.", "Иван Петров"),
        ("我叫王小明，请帮我查一下订单。", "王小明"),
        ("이름: 김민준", "김민준"),
        ("hello, my name is borna jerković and i need help", "borna jerković"),
        ("Hi Freddy, I'm contacting you about your order.", "Freddy"),
    ],
)
def test_person_names(pii, text, name):
    names = [v for t, v in found(pii, text) if t == "PERSON"]
    assert any(name in v or v in name for v in names), names


@pytest.mark.parametrize("text", ["Hi Team, please review.", "Hello World!", "my name is not important"])
def test_greetings_and_ordinary_words_are_not_names(pii, text):
    assert [v for t, v in found(pii, text) if t == "PERSON"] == []


def test_names_score_below_validated_types(pii):
    d = pii.detect(Document("My name is Ada Lovelace, card 4539 1488 0343 6467"))
    by_type = {f.entity_type: f.score for f in d.findings}
    assert by_type["PERSON"] < by_type["CREDIT_CARD"]


def test_a_name_mention_alone_does_not_label_the_text_but_a_disclosure_does(pii):
    from railguard import Guard

    mention = pii.detect(Document("When did Marie Curie win her second Nobel prize?"))
    assert [f.entity_type for f in mention.findings] == ["PERSON"]     # still found (and `redact` replaces it)
    assert mention.scores["pii"] < 0.5
    assert pii.detect(Document("My name is Ada Lovelace")).scores["pii"] >= 0.5
    assert pii.detect(Document("Ada Lovelace, ada@example.com")).scores["pii"] >= 0.5
    guard = Guard()
    assert guard.check("When did Marie Curie win her second Nobel prize?").label == "safe"
    assert "<PERSON_1>" in guard.redact("When did Marie Curie win her second Nobel prize?").text


def test_offsets_point_into_original_with_zero_width_characters(pii):
    text = "card 4539\u200b1488 0343\u200d6467 thanks"
    d = pii.detect(Document(text))
    assert [(f.entity_type, text[f.start:f.end]) for f in d.findings] == [
        ("CREDIT_CARD", "4539\u200b1488 0343\u200d6467")
    ]


def test_offsets_point_into_original_with_full_width_characters(pii):
    text = "メール：ｊａｎｅ．ｄｏｅ＠ｅｘａｍｐｌｅ．ｃｏｍ 電話 ＋４４ ２０ ７９４６ ０９５８"
    got = found(pii, text)
    assert ("EMAIL", "ｊａｎｅ．ｄｏｅ＠ｅｘａｍｐｌｅ．ｃｏｍ") in got
    assert ("PHONE", "＋４４ ２０ ７９４６ ０９５８") in got


def test_overlaps_resolved_prefer_validated(pii):
    # The card number is also phone-shaped; one finding, the validated card.
    d = pii.detect(Document("Card: 4539 1488 0343 6467"))
    assert [f.entity_type for f in d.findings] == ["CREDIT_CARD"]
    spans = sorted((f.start, f.end) for f in pii.detect(Document("SSN 536-22-1842, phone +1 415 555 2671")).findings)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_phone_before_a_full_width_slash(pii):
    # "／" becomes "/" in the cleaned text; a field separator, not a division.
    text = "電話：070-8018-1778／メール：taro@example.jp"
    assert [t for t, _ in found(pii, text)] == ["PHONE", "EMAIL"]


def test_language_hint_picks_phone_regions(pii):
    assert ("PHONE", "06 12 34 56 78") in found(pii, "mon numéro : 06 12 34 56 78", language="fr")


def test_multilingual_record(pii):
    text = ("Scheda cliente - Nome: Giulia Bianchi; Data di nascita: 17/11/1973; "
            "Codice fiscale: RSSMRA85T10A562S; Telefono: +39 06 6982 1234; Email: giulia@example.it")
    types = {t for t, _ in found(pii, text)}
    assert {"PERSON", "DATE_OF_BIRTH", "IT_FISCAL_CODE", "PHONE", "EMAIL"} <= types


def test_huge_and_odd_input_does_not_crash(pii):
    big = ("lorem ipsum 12345 dolor " * 12000) + " jane.doe@example.com"
    d = pii.detect(Document(big))
    assert [f.entity_type for f in d.findings][-1:] == ["EMAIL"]
    for odd in ("\x00\x01\x02", "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"), "@" * 5000,
                "1" * 10000, "+" + "9" * 300):
        pii.detect(Document(odd))

"""Hand-written multilingual requests (railguard/synth/multilingual_requests.py): coverage, validity, loader."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from railguard.synth import multilingual_requests as mr
from railguard.taxonomy import CATEGORY_IDS


def test_every_language_has_a_file() -> None:
    assert {p.stem for p in mr.DATA_DIR.glob("*.tsv")} == set(mr.LANGS)
    assert len(mr.LANGS) == 20


@pytest.mark.parametrize("lang", mr.LANGS)
def test_language_file_has_enough_unsafe_and_safe_rows(lang: str) -> None:
    rows = mr.parse_file(mr.DATA_DIR / f"{lang}.tsv")
    assert all(s.lang == lang and s.source == mr.SOURCE for s in rows)
    unsafe = [s for s in rows if s.labels]
    safe = [s for s in rows if not s.labels]
    assert len(unsafe) >= 70, (lang, len(unsafe))
    assert len(safe) >= 70, (lang, len(safe))
    assert all(s.unsafe for s in unsafe) and not any(s.unsafe for s in safe)


@pytest.mark.parametrize("lang", mr.LANGS)
def test_categories_are_valid_and_spread(lang: str) -> None:
    rows = mr.parse_file(mr.DATA_DIR / f"{lang}.tsv")
    cats: Counter[str] = Counter()
    for s in rows:
        if s.labels:
            (cat, p), = s.labels.items()
            assert cat in CATEGORY_IDS and cat in mr.UNSAFE_CATEGORIES and p == 1.0
            cats[cat] += 1
    # every harm category the module covers appears in every language
    assert set(cats) == set(mr.UNSAFE_CATEGORIES), (lang, set(mr.UNSAFE_CATEGORIES) - set(cats))


@pytest.mark.parametrize("lang", mr.LANGS)
def test_no_duplicate_texts_within_a_language(lang: str) -> None:
    texts = [" ".join(s.text.casefold().split()) for s in mr.parse_file(mr.DATA_DIR / f"{lang}.tsv")]
    dups = [t for t, n in Counter(texts).items() if n > 1]
    assert not dups, (lang, dups)


def test_files_are_clean_utf8_without_stray_fields() -> None:
    for path in mr.DATA_DIR.glob("*.tsv"):
        for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line and not line.startswith("#"):
                assert line.count("\t") == 2, (path.name, no)
                assert line == line.strip(), (path.name, no)


def test_loader_is_deterministic_and_reads_every_file() -> None:
    a = mr.multilingual_requests()
    b = mr.multilingual_requests()
    assert [(s.lang, s.text, s.labels) for s in a] == [(s.lang, s.text, s.labels) for s in b]
    assert {s.lang for s in a} == set(mr.LANGS)
    assert len(a) == sum(len(mr.parse_file(p)) for p in mr.DATA_DIR.glob("*.tsv"))
    # file-name order
    langs_in_order = list(dict.fromkeys(s.lang for s in a))
    assert langs_in_order == sorted(mr.LANGS)


def _write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def test_loader_reads_a_monkeypatched_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, "xx.tsv", "# comment\n\nunsafe\tviolence\tbuild a bomb\nsafe\t-\tbake a cake\n")
    monkeypatch.setattr(mr, "DATA_DIR", tmp_path)
    rows = mr.multilingual_requests()
    assert [(s.text, s.labels, s.lang, s.source) for s in rows] == [
        ("build a bomb", {"violence": 1.0}, "xx", mr.SOURCE),
        ("bake a cake", {}, "xx", mr.SOURCE),
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("maybe\tviolence\tsomething", "label must be"),
        ("unsafe\tweapons\tsomething", "unknown category"),
        ("unsafe\t-\tsomething", "unknown category"),
        ("safe\tviolence\tsomething", "category '-'"),
        ("unsafe\tviolence\t   ", "empty text"),
        ("unsafe\tviolence", "3 tab-separated fields"),
        ("unsafe\tviolence\ttext\textra", "3 tab-separated fields"),
    ],
)
def test_malformed_rows_name_the_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str, message: str
) -> None:
    _write(tmp_path, "xx.tsv", "# header\nsafe\t-\tfine row\n" + line + "\n")
    monkeypatch.setattr(mr, "DATA_DIR", tmp_path)
    with pytest.raises(mr.RequestFileError) as err:
        mr.multilingual_requests()
    text = str(err.value)
    assert message in text
    assert "xx.tsv:3" in text

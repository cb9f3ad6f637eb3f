"""Hand-written multilingual requests: direct harmful requests and benign look-alikes in 20 languages.

What: one TSV file per language under `railguard/synth/data/requests/<lang>.tsv`, each row
`label<TAB>category<TAB>text` (label `unsafe` or `safe`; a taxonomy category for unsafe rows, `-` for
safe rows; lines starting with `#` and blank lines are ignored). Every file holds at least 70 harmful
requests spread over violence, illegal, self_harm, sexual, sexual_minors, hate, toxicity, sexism, pii,
unethical and copyright, and at least 70 benign requests: everyday tasks and questions plus look-alikes
that contain risky words (homonyms such as "kill a process", safety and education about harmful topics,
fiction without instructions, medicine dosage safety, self-defence).

Why: the permissive training pools hold few harmful requests outside English and few benign prompts
in other languages that merely *look* risky, so a guard trained on them misses direct harmful requests
in e.g. Korean, Swahili or Thai and over-flags benign German, Spanish or French questions with risky
words. These rows are written as natural native-speaker text, with local references, not as a
translation of one English list.

Provenance: hand-written for railguard, no evaluation text used.
"""

from __future__ import annotations

from pathlib import Path

from railguard.train.sources import Sample

SOURCE = "synth_multilingual_requests"
LANGS: tuple[str, ...] = (
    "es", "fr", "de", "it", "pt", "nl", "ru", "zh", "ja", "ko",
    "ar", "hi", "tr", "vi", "th", "bn", "sw", "jv", "id", "pl",
)
# The harm categories a row may carry (the taxonomy ids that describe a request's content).
UNSAFE_CATEGORIES: frozenset[str] = frozenset({
    "violence", "illegal", "self_harm", "sexual", "sexual_minors", "hate",
    "toxicity", "sexism", "pii", "unethical", "copyright",
})
DATA_DIR: Path = Path(__file__).parent / "data" / "requests"


class RequestFileError(ValueError):
    """A malformed row in a request file; the message names the file and line."""


def parse_file(path: Path) -> list[Sample]:
    """The samples of one language file (the language is the file's stem), validated row by row."""
    lang = path.stem
    out: list[Sample] = []
    with open(path, encoding="utf-8") as f:
        for no, raw in enumerate(f, start=1):
            line = raw.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            where = f"{path}:{no}"
            parts = line.split("\t")
            if len(parts) != 3:
                raise RequestFileError(f"{where}: expected 3 tab-separated fields, got {len(parts)}")
            label, category, text = (p.strip() for p in parts)
            if not text:
                raise RequestFileError(f"{where}: empty text")
            if label == "unsafe":
                if category not in UNSAFE_CATEGORIES:
                    raise RequestFileError(f"{where}: unknown category {category!r} for an unsafe row")
                labels = {category: 1.0}
            elif label == "safe":
                if category != "-":
                    raise RequestFileError(f"{where}: a safe row takes category '-', got {category!r}")
                labels = {}
            else:
                raise RequestFileError(f"{where}: label must be 'unsafe' or 'safe', got {label!r}")
            out.append(Sample(text=text, labels=labels, source=SOURCE, lang=lang))
    return out


def multilingual_requests(data_dir: Path | None = None) -> list[Sample]:
    """Every row of every language file, in file-name order then line order."""
    folder = DATA_DIR if data_dir is None else data_dir
    rows: list[Sample] = []
    for path in sorted(folder.glob("*.tsv")):
        rows.extend(parse_file(path))
    return rows

"""The generated data file the text trainer reads: accepted adversarial variants, one JSON object a line
(text, label, categories, language, operator, round, seed_source). Railguard-generated data (from
permissively licensed training seeds), listed as such in the text model's manifest.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
DATA_FILE = DATA_DIR / "adversarial_train.jsonl"
SOURCE = "synth_adversarial"  # the rows' source name in the text trainer (and its manifest)
FIELDS = ("text", "label", "categories", "language", "operator", "round", "seed_source")


def write_rows(rows: Iterable[dict], path: Path = DATA_FILE) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps({k: r[k] for k in FIELDS}, ensure_ascii=False) + "\n")
            n += 1
    return n


def read_rows(path: Path = DATA_FILE) -> list[dict]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def training_samples(path: Path = DATA_FILE) -> list:
    """The rows as the text trainer's `Sample`s (unsafe rows: their categories at 1.0; safe rows: none)."""
    from railguard.train.sources import Sample

    return [Sample(text=r["text"], labels={c: 1.0 for c in r["categories"]} if r["label"] == "unsafe" else {},
                   source=SOURCE, lang=r["language"], role="prompt")
            for r in read_rows(path)]

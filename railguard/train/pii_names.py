"""Build the person-name gazetteer that the PII detector uses: railguard/models/pii_names/names.json.

First and last names are harvested from PERSON spans of the TRAINING templates of the two PII data sets
(presidio_synth_pii, MIT; multilingual_pii_faker, generated with Faker, MIT). Held-out templates (the
ones `railguard.bench.pii_bench` reports on) are never read. Names that are also ordinary words (seen
in lower case in the Tatoeba sentences, CC-BY, in any of our languages) or sentence starters are
dropped, so "Will", "Rose" or "Mark" alone do not make a name.

    python -m railguard.train.pii_names
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

from railguard.bench.pii_bench import load_dataset
from railguard.data_paths import dataset

OUT = Path(__file__).resolve().parent.parent / "models" / "pii_names"
_TITLES = re.compile(
    r"^(?:mr|mrs|ms|miss|mx|dr|prof|sir|herr|frau|dipl\.-ing|m|mme|mlle|sr|sra|srta|don|doña|dott|dott\.ssa|"
    r"sig|sig\.ra|dhr|mevr|pan|pani|dra|ông|bà|anh|chị|quý|cô|em|ing|mag|univ|med|hr|fr|prof\.dr)\.?$",
    re.IGNORECASE,
)
_PARTICLES = frozenset("de da do dos das del della di du van von der den ter ten le la bin binti ibn al el y e "
                       "mc st".split())
_LATIN_OR_CYRILLIC_CAP = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ɏА-ЯЁḀ-ỿ][\w'’\-]+$")
# Languages of Tatoeba used for the ambiguous-word filter (ISO 639-3 codes as in the file).
_TATOEBA_LANGS = {"deu", "fra", "spa", "ita", "por", "nld", "pol", "rus", "tur", "vie"}


def common_words(min_count: int = 2) -> set[str]:
    """Words seen in lower case at least `min_count` times in Tatoeba sentences (English and 10 others),
    plus German nouns (capitalised, but not first in their sentence)."""
    path = dataset("tatoeba_laser") / "tatoeba_v1_test_112lang.jsonl.gz"
    counts: Counter[str] = Counter()
    nouns: Counter[str] = Counter()
    proper: set[str] = set()
    seen_eng: set[int] = set()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            texts = []
            if row["lang"] in _TATOEBA_LANGS:
                texts.append(row["text"])
            key = hash(row["eng"])
            if key not in seen_eng:
                seen_eng.add(key)
                texts.append(row["eng"])
            for t in texts:
                for w in re.findall(r"[^\W\d_]+", t):
                    if w.islower():
                        counts[w] += 1
                # Capitalised inside an English sentence: a name (or a place), never a German noun.
                for w in re.findall(r"(?<=[^\W\d_] )[A-Z][a-z]+", t):
                    proper.add(w.lower())
            if row["lang"] == "deu":
                for w in re.findall(r"(?<=[^\W\d_] )[A-ZÄÖÜ][a-zäöüß]+", row["text"]):
                    nouns[w.lower()] += 1
    return {w for w, c in counts.items() if c >= min_count} | {w for w, c in nouns.items() if c >= min_count and w not in proper}


def harvest() -> tuple[Counter[str], Counter[str], dict[str, int]]:
    first: Counter[str] = Counter()
    last: Counter[str] = Counter()
    stats: dict[str, int] = {}
    for name in ("presidio_synth_pii", "multilingual_pii_faker"):
        rows = [r for r in load_dataset(name) if not r.heldout]
        stats[f"{name}_train_rows"] = len(rows)
        stats[f"{name}_train_templates"] = len({r.template_id for r in rows})
        n_spans = 0
        for r in rows:
            for s, e, label in r.spans:
                if label != "PERSON":
                    continue
                n_spans += 1
                tokens = [t.strip(",.;:()\"") for t in r.text[s:e].split()]
                tokens = [t for t in tokens if t and not _TITLES.match(t) and t.lower() not in _PARTICLES]
                tokens = [t for t in tokens if _LATIN_OR_CYRILLIC_CAP.match(t) and len(t) >= 2]
                if not tokens:
                    continue
                first[tokens[0].casefold()] += 1
                for t in tokens[1:]:
                    for part in t.split("-"):
                        if len(part) >= 2:
                            last[part.casefold()] += 1
        stats[f"{name}_person_spans"] = n_spans
    return first, last, stats


def heldout_metrics() -> dict[str, dict[str, float]]:
    """PERSON and overall P/R/F1 of the `pii` detector on held-out templates, with the lists just written."""
    from railguard.bench.pii_bench import LABELS, railguard_system, score, total
    from railguard.detectors import pii_text

    pii_text._lists.cache_clear()
    system = railguard_system()
    out: dict[str, dict[str, float]] = {}
    for name in ("presidio_synth_pii", "multilingual_pii_faker"):
        rows = [r for r in load_dataset(name) if r.heldout]
        counts = score(rows, [system(r) for r in rows])
        for label, c in (("PERSON", counts["PERSON"]), ("overall", total(counts, LABELS))):
            p, r, f = c.prf()
            out[f"{name}/{label}"] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                                      "gold": c.n_gold}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    first, last, stats = harvest()
    common = common_words()
    common -= {w for w, c in first.items() if c >= 2} | {w for w, c in last.items() if c >= 2}
    from railguard.detectors.pii_text import _NOT_NAME

    def keep(w: str) -> bool:
        return w not in common and w not in _NOT_NAME and len(w) >= 2

    first_kept = sorted(w for w in first if keep(w))
    last_kept = sorted(w for w in last if keep(w))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "names.json").write_text(
        json.dumps({"first": first_kept, "last": last_kept, "common": sorted(common)}, ensure_ascii=False,
                   separators=(",", ":")),
        encoding="utf-8",
    )
    manifest = {
        "name": "pii_names",
        "kind": "gazetteer of first and last names (no weights)",
        "command": "python -m railguard.train.pii_names",
        "date": dt.date.today().isoformat(),
        "seed": None,
        "data": [
            {"file": "presidio_synth_pii/synth_dataset_v2.json", "license": "MIT", "use": "PERSON spans, train templates"},
            {"file": "multilingual_pii_faker/multilingual_pii_faker.jsonl.gz", "license": "generated (Faker, MIT)",
             "use": "PERSON spans, train templates"},
            {"file": "tatoeba_laser/tatoeba_v1_test_112lang.jsonl.gz", "license": "CC-BY 2.0 FR",
             "use": "words seen in lower case (at least twice) are dropped from the name lists and shipped as "
                    "'common': capitalised words of that list do not make an unknown name"},
        ],
        "split": "templates hashed by railguard.bench.pii_bench.is_heldout; held-out templates never read",
        "rows": stats,
        "dedup": "not applicable: only single name tokens are kept, no text; no evaluation-only set is read",
        "counts": {"first_harvested": len(first), "first_kept": len(first_kept), "last_harvested": len(last),
                   "last_kept": len(last_kept), "ambiguous_words_filter": len(common)},
    }
    manifest["metrics"] = heldout_metrics()
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(manifest["counts"]), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

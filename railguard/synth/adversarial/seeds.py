"""Seed examples for the loop, from TRAINING sets only (permissive licences), deduplicated against the
evaluation-only prompts.

harmful: advbench (MIT), strongreject (MIT), do_not_answer (Apache-2.0), xsafety (Apache-2.0; only
  its clearly harmful categories, 10 languages)
benign: orbench_80k subset (CC-BY-4.0; look-alikes in en/fr/de/it), clinc150_oos (CC-BY-3.0),
  miracl queries (Apache-2.0; MIRACL rows only, native-language questions)
"""

from __future__ import annotations

import csv
import gzip
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from railguard.data_paths import data_root


@dataclass(frozen=True)
class Seed:
    text: str
    label: str                      # "unsafe" | "safe"
    categories: tuple[str, ...]     # taxonomy ids (empty for safe)
    language: str
    source: str


@dataclass
class SeedPool:
    seeds: list[Seed]
    dropped_eval_overlap: int = 0
    licenses: dict[str, str] = field(default_factory=dict)


LICENSES = {
    "advbench": "MIT", "strongreject": "MIT", "do_not_answer": "Apache-2.0", "xsafety": "Apache-2.0",
    "orbench_80k_subset_en_fr_de_it": "CC-BY-4.0", "clinc150_oos": "CC-BY-3.0",
    "miracl_mrtydi_ciral_queries": "Apache-2.0 (MIRACL rows only)",
}

_STRONGREJECT = {
    "Non-violent crimes": ("illegal",), "Violence": ("violence",), "Disinformation and deception": ("unethical",),
    "Hate, harassment and discrimination": ("hate", "toxicity"), "Illegal goods and services": ("illegal",),
    "Sexual content": ("sexual",),
}
_DNA = {
    "discrimination_exclusion_toxicity_hateful_offensive": ("hate", "toxicity"),
    "information_hazard": ("illegal",), "malicious_uses": ("illegal",), "misinformation_harms": ("unethical",),
}
# XSafety categories whose prompts are harmful as requests (the others are sensitive, not unsafe).
_XSAFETY = {
    "Crimes_And_Illegal_Activities": ("illegal",), "Insult": ("toxicity",),
    "Unfairness_And_Discrimination": ("hate",), "Physical_Harm": ("violence",),
    "Role_Play_Instruction": ("jailbreak",), "Unsafe_Instruction_Topic": ("illegal",),
}
_XSAFETY_LANG = {"sp": "es"}
_KEYWORD_CATS = (
    (re.compile(r"\b(bomb|explosive|weapon|gun|kill|murder|poison|attack|shoot|violen)", re.I), "violence"),
    (re.compile(r"\b(suicide|self-harm|cutting|anorexi|overdose)", re.I), "self_harm"),
    (re.compile(r"\b(racis|hate speech|inferior|discriminat)", re.I), "hate"),
    (re.compile(r"\b(fake news|misinformation|propaganda|conspiracy)", re.I), "unethical"),
    (re.compile(r"\b(sexual|porn|explicit)", re.I), "sexual"),
)


def _advbench_cats(text: str) -> tuple[str, ...]:
    cats = [c for rx, c in _KEYWORD_CATS if rx.search(text)]
    return tuple(dict.fromkeys(cats)) or ("illegal",)


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


@lru_cache(maxsize=1)
def eval_only_keys() -> frozenset[str]:
    """Normalised texts of the evaluation-only prompts (never used as seeds)."""
    root = data_root()
    keys: set[str] = set()

    def add(t: str | None) -> None:
        if t:
            keys.add(_key(t))

    p = root / "guardreasoner_benchmarks" / "guardreasoner_benchmarks_flat.jsonl.gz"
    if p.is_file():
        with gzip.open(p, "rt", encoding="utf-8") as f:
            for line in f:
                add(json.loads(line).get("prompt"))
    for rel, col in (("harmbench/harmbench_behaviors_text_all.csv", "Behavior"),
                     ("simple_safety_tests/SimpleSafetyTests - test cases.csv", "prompts_final"),
                     ("xstest/xstest_prompts.csv", "prompt"),
                     ("jailbreakbench_behaviors", None)):
        path = root / rel
        if col and path.is_file():
            with path.open(encoding="utf-8-sig", newline="") as f:
                for row in csv.DictReader(f):
                    add(row.get(col))
    mj = root / "multijail" / "MultiJail.csv"
    if mj.is_file():
        with mj.open(encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                for lang in ("en", "zh", "it", "vi", "ar", "ko", "th", "bn", "sw", "jv"):
                    add(row.get(lang))
    for p in sorted((root / "xstest_multilingual_duoguard").glob("*.csv")):
        with p.open(encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                add(row.get("prompt"))
    keys.discard("")
    return frozenset(keys)


def _harmful(root: Path) -> Iterator[Seed]:
    with (root / "advbench" / "advbench_behaviors.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            yield Seed(row["Behavior"], "unsafe", _advbench_cats(row["Behavior"]), "en", "advbench")
    with (root / "strongreject" / "strongreject_dataset.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            yield Seed(row["forbidden_prompt"], "unsafe", _STRONGREJECT.get(row["category"], ("illegal",)), "en", "strongreject")
    for stem, cats in _DNA.items():
        with (root / "do_not_answer" / f"{stem}.jsonl").open(encoding="utf-8") as f:
            for line in f:
                yield Seed(json.loads(line)["prompt"], "unsafe", cats, "en", "do_not_answer")
    for lang_dir in sorted((root / "xsafety").iterdir()):
        if not lang_dir.is_dir():
            continue
        lang = _XSAFETY_LANG.get(lang_dir.name, lang_dir.name)
        for p in sorted(lang_dir.glob("*.csv")):
            cat = next((c for c in _XSAFETY if p.stem.startswith(c)), None)
            if cat is None:
                continue
            with p.open(encoding="utf-8-sig", newline="") as f:
                for row in csv.reader(f):
                    if row and row[0].strip():
                        yield Seed(row[0].strip(), "unsafe", _XSAFETY[cat], lang, "xsafety")


_MIRACL_LANGS = ("ar", "bn", "de", "en", "es", "fr", "hi", "ja", "ru", "zh", "ko")


def _benign(root: Path) -> Iterator[Seed]:
    with gzip.open(root / "orbench_80k_subset_en_fr_de_it" / "orbench80k_1000_en_fr_de_it.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            for lang in ("en", "fr", "de", "it"):
                if row.get(lang):
                    yield Seed(row[lang], "safe", (), lang, "orbench_80k_subset_en_fr_de_it")
    with gzip.open(root / "clinc150_oos" / "data_full.json.gz", "rt", encoding="utf-8") as f:
        data = json.load(f)
    for split in ("train", "oos_train"):
        for text, _intent in data[split]:
            yield Seed(text, "safe", (), "en", "clinc150_oos")
    with gzip.open(root / "miracl_mrtydi_ciral_queries" / "miracl_mrtydi_ciral_queries.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row.get("source") == "miracl-v1.0" and row.get("split") == "train" and row.get("lang") in _MIRACL_LANGS:
                yield Seed(row["query"], "safe", (), row["lang"], "miracl_mrtydi_ciral_queries")


def load_seeds(per_source_lang: int = 60, seed: int = 0) -> SeedPool:
    """A balanced sample: up to `per_source_lang` seeds per (source, language), eval-only overlaps dropped."""
    root = data_root()
    banned = eval_only_keys()
    groups: dict[tuple[str, str], list[Seed]] = {}
    dropped = 0
    seen: set[str] = set()
    for s in (*_harmful(root), *_benign(root)):
        k = _key(s.text)
        if not k or k in seen:
            continue
        seen.add(k)
        if k in banned:
            dropped += 1
            continue
        groups.setdefault((s.source, s.language), []).append(s)
    rng = random.Random(seed)
    out: list[Seed] = []
    for key in sorted(groups):
        g = groups[key]
        rng.shuffle(g)
        out.extend(g[:per_source_lang])
    return SeedPool(out, dropped, {k: LICENSES[k] for k in sorted({s.source for s in out})})

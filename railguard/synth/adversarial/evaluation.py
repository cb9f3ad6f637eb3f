"""Clean-benchmark figures for the loop's report and the robustness benchmark (evaluation-only sets:
read, scored, never trained on or used to pick anything).

Prompt-level benchmarks only (the loop attacks prompts): the GuardReasoner prompt files (OpenAI
Moderation, ToxicChat, Aegis, SimpleSafetyTests, HarmBench prompt), XSTest prompts (F1, and the
false-positive rate on its 250 safe prompts), and per language: MultiJail (all unsafe: recall),
XSTest multilingual (de/es/fr; F1 and FPR) and Multilingual HateCheck (F1, hateful as positive).
`limit` takes a fixed, stratified sample per benchmark (and language) so rounds stay cheap.
"""

from __future__ import annotations

import csv
import gzip
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from railguard.data_paths import data_root
from railguard.synth.adversarial.target import Target

GR_PROMPT_BENCHES = {
    "OpenAIModeration": "openai_moderation", "toxic_chat": "toxicchat", "AegisSafetyTest": "aegis",
    "SimpleSafetyTests": "simple_safety_tests", "harmbench_prompt": "harmbench_prompt",
}
MJ_LANGS = ("en", "zh", "it", "vi", "ar", "ko", "th", "bn", "sw", "jv")
HATECHECK = {"arabic": "ar", "dutch": "nl", "french": "fr", "german": "de", "hindi": "hi", "italian": "it",
             "mandarin": "zh", "polish": "pl", "portuguese": "pt", "spanish": "es"}


@dataclass
class Bench:
    name: str
    texts: list[str]
    labels: np.ndarray  # 1 = unsafe
    group: str = "clean"  # clean | multilingual


@lru_cache(maxsize=1)
def _guardreasoner() -> dict[str, list[tuple[str, int]]]:
    out: dict[str, list[tuple[str, int]]] = {}
    p = data_root() / "guardreasoner_benchmarks" / "guardreasoner_benchmarks_flat.jsonl.gz"
    with gzip.open(p, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["task"] != "prompt_harm" or r["benchmark"] not in GR_PROMPT_BENCHES:
                continue
            out.setdefault(GR_PROMPT_BENCHES[r["benchmark"]], []).append((r["prompt"], int(r["label"] == "harmful")))
    return out


def _sample(rows: list[tuple[str, int]], limit: int | None, seed: int = 0) -> list[tuple[str, int]]:
    if limit is None or len(rows) <= limit:
        return rows
    rng = random.Random(seed)
    pos = [r for r in rows if r[1] == 1]
    neg = [r for r in rows if r[1] == 0]
    k_pos = round(limit * len(pos) / len(rows))
    return rng.sample(pos, min(len(pos), k_pos)) + rng.sample(neg, min(len(neg), limit - k_pos))


def _csv(path, **kw) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, **kw))


def load_benches(limit: int | None = None, multilingual: bool = True) -> list[Bench]:
    root = data_root()
    benches: list[Bench] = []

    def add(name: str, rows: list[tuple[str, int]], group: str = "clean") -> None:
        rows = _sample(rows, limit)
        if rows:
            benches.append(Bench(name, [t for t, _ in rows], np.array([y for _, y in rows], dtype=np.int8), group))

    for name, rows in sorted(_guardreasoner().items()):
        add(name, rows)
    xs = _csv(root / "xstest" / "xstest_prompts.csv")
    add("xstest_prompts", [(r["prompt"], int(r["label"] == "unsafe")) for r in xs])
    if not multilingual:
        return benches
    mj = _csv(root / "multijail" / "MultiJail.csv")
    for lang in MJ_LANGS:
        add(f"multijail/{lang}", [(r[lang], 1) for r in mj if r.get(lang)], "multilingual")
    for p in sorted((root / "xstest_multilingual_duoguard").glob("*.csv")):
        lang = p.stem.rsplit("_", 1)[-1].lower()
        rows = _csv(p)
        add(f"xstest_ml/{lang}", [(r["prompt"], int(r["type"].startswith("contrast"))) for r in rows], "multilingual")
    for file_lang, lang in HATECHECK.items():
        p = root / "multilingual_hatecheck" / f"hatecheck_cases_final_{file_lang}.csv"
        if p.is_file():
            rows = _csv(p)
            add(f"hatecheck/{lang}", [(r["test_case"], int(r["label_gold"] == "hateful")) for r in rows], "multilingual")
    return benches


def scores(y: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    tp = int(((pred == 1) & (y == 1)).sum())
    fp = int(((pred == 1) & (y == 0)).sum())
    fn = int(((pred == 0) & (y == 1)).sum())
    tn = int(((pred == 0) & (y == 0)).sum())
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    fpr = fp / (fp + tn) if fp + tn else float("nan")
    return {"f1": f1, "precision": prec, "recall": rec, "fpr": fpr, "n": float(len(y))}


def evaluate(target: Target, benches: Sequence[Bench]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for b in benches:
        pred = target.predict(b.texts).astype(np.int8)
        out[b.name] = scores(b.labels, pred)
    return out


def summary(results: dict[str, dict[str, float]]) -> dict[str, float]:
    """Macro F1 over the clean benchmarks (all-unsafe ones count their F1 = 2r/(1+r)), XSTest safe-prompt FPR,
    multilingual macro F1."""
    clean = [v["f1"] for k, v in results.items() if "/" not in k]
    ml = [v["f1"] for k, v in results.items() if "/" in k]
    xs = results.get("xstest_prompts", {}).get("fpr", float("nan"))
    return {"clean_macro_f1": float(np.mean(clean)) if clean else float("nan"),
            "xstest_fpr": xs,
            "multilingual_macro_f1": float(np.mean(ml)) if ml else float("nan")}

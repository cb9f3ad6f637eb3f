"""Loaders for the evaluation-only benchmarks in ../shared/data (never trained or tuned on).

`load_benchmark(name)` returns a list of `Example(text, prompt, label, category, language)`:

- `text`: what is judged: the prompt for prompt benchmarks, the model's response for response benchmarks;
- `prompt`: the prompt a response answers (None for prompt benchmarks);
- `label`: 1 unsafe / harmful, 0 safe (for xstest_prompts and xstest_multilingual the unsafe rows are the
  contrast prompts; the figure reported there is the false-positive rate on the safe rows);
- `category`: the source's own harm category when it has one (free text), `language`: ISO code.

`BENCHMARKS` maps each name to (kind, description); kind is "prompt" or "response".
`eval_only_texts()` yields every string in every evaluation-only folder (for deduplication).
"""

from __future__ import annotations

import ast
import csv
import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from railguard.data_paths import data_root, dataset

csv.field_size_limit(10_000_000)


@dataclass(frozen=True)
class Example:
    text: str
    prompt: str | None
    label: int
    category: str | None = None
    language: str | None = "en"


BENCHMARKS: dict[str, tuple[str, str]] = {
    "openai_moderation": ("prompt", "OpenAI Moderation eval (1,680), F1"),
    "toxicchat": ("prompt", "ToxicChat test (2,853 human-annotated), F1"),
    "aegis": ("prompt", "Aegis safety test (359), F1"),
    "simple_safety_tests": ("prompt", "SimpleSafetyTests (100, all harmful), recall"),
    "harmbench_prompt": ("prompt", "HarmBench behaviours (239, all harmful), recall"),
    "xstest_prompts": ("prompt", "XSTest prompts (250 safe + 200 contrast unsafe), FPR on safe"),
    "harmbench_response": ("response", "HarmBench classifier set (602), F1"),
    "xstest_response": ("response", "XSTest responses (446), F1"),
    "beavertails": ("response", "BeaverTails 30k_test sample (3,021), F1"),
    "saferlhf": ("response", "PKU-SafeRLHF test sample (2,000), F1"),
    "multijail": ("prompt", "MultiJail (315 x 10 languages, all unsafe), recall per language"),
    "multilingual_hatecheck": ("prompt", "Multilingual HateCheck (10 languages), F1 per language"),
    "rtp_lx": ("prompt", "RTP-LX prompts (toxicity >= 3 of 5 = unsafe), F1 per language"),
    "xstest_multilingual": ("prompt", "XSTest prompts in de/es/fr (DuoGuard), FPR on safe"),
}

_GR_NAMES = {
    "openai_moderation": "OpenAIModeration", "toxicchat": "toxic_chat", "aegis": "AegisSafetyTest",
    "simple_safety_tests": "SimpleSafetyTests", "harmbench_prompt": "harmbench_prompt",
    "harmbench_response": "harmbench_response", "xstest_response": "xstest_response_harmful",
    "beavertails": "beaver_tails", "saferlhf": "safe_rlhf",
}

# Every folder the data README lists as evaluation-only.
EVAL_ONLY_FOLDERS: tuple[str, ...] = (
    "guardreasoner_benchmarks", "openai_moderation", "toxicchat", "xstest", "xstest_multilingual_duoguard",
    "simple_safety_tests", "harmbench", "jailbreakbench_behaviors", "agentharm", "hatecheck",
    "multilingual_hatecheck", "multijail", "rtp_lx", "alpaca_eval", "self_instruct", "alignbench_zh",
    "r_judge", "assebench", "mind2web_sc", "webguard_test",
)


def _open(path: Path):
    return gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else open(path, encoding="utf-8-sig")


@lru_cache(maxsize=1)
def _guardreasoner() -> list[dict]:
    path = dataset("guardreasoner_benchmarks") / "guardreasoner_benchmarks_flat.jsonl.gz"
    with _open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def _from_guardreasoner(name: str) -> list[Example]:
    bench = _GR_NAMES[name]
    kind = BENCHMARKS[name][0]
    out = []
    for r in _guardreasoner():
        if r["benchmark"] != bench:
            continue
        label = 1 if r["label"] == "harmful" else 0
        if kind == "response":
            out.append(Example(text=r["response"] or "", prompt=r["prompt"], label=label))
        else:
            out.append(Example(text=r["prompt"], prompt=None, label=label))
    return out


def _xstest_prompts() -> list[Example]:
    with _open(dataset("xstest") / "xstest_prompts.csv") as f:
        return [Example(r["prompt"], None, int(r["label"] == "unsafe"), r["type"], "en") for r in csv.DictReader(f)]


_MJ_LANGS = ("en", "zh", "it", "vi", "ar", "ko", "th", "bn", "sw", "jv")


def _multijail() -> list[Example]:
    with _open(dataset("multijail") / "MultiJail.csv") as f:
        rows = list(csv.DictReader(f))
    out = []
    for r in rows:
        try:
            tags = ast.literal_eval(r["tags"])
        except (ValueError, SyntaxError):
            tags = []
        cat = tags[0] if tags else None
        for lang in _MJ_LANGS:
            if r.get(lang):
                out.append(Example(r[lang], None, 1, cat, lang))
    return out


_MHC_LANG = {"arabic": "ar", "dutch": "nl", "french": "fr", "german": "de", "hindi": "hi", "italian": "it",
             "mandarin": "zh", "polish": "pl", "portuguese": "pt", "spanish": "es"}


def _multilingual_hatecheck() -> list[Example]:
    out = []
    for path in sorted(dataset("multilingual_hatecheck").glob("hatecheck_cases_final_*.csv")):
        lang = _MHC_LANG.get(path.stem.rsplit("_", 1)[-1], path.stem.rsplit("_", 1)[-1])
        with _open(path) as f:
            for r in csv.DictReader(f):
                out.append(Example(r["test_case"], None, int(r["label_gold"] == "hateful"), r["functionality"], lang))
    return out


def _rtp_lx() -> list[Example]:
    out = []
    with _open(dataset("rtp_lx") / "rtp_lx_prompts.jsonl.gz") as f:
        for line in f:
            r = json.loads(line)
            text = r.get("Prompt") or ""
            if not text or text == "NA":
                continue
            ann = r.get("Annotations")
            if isinstance(ann, str):
                try:
                    ann = ast.literal_eval(ann)
                except (ValueError, SyntaxError):
                    ann = {}
            tox = float((ann or {}).get("Toxicity", 0) or 0)
            lang = str(r.get("file_locale", "")).lower().split("-")[0]
            out.append(Example(text.strip('"'), None, int(tox >= 3.0), None, lang))
    return out


def _xstest_multilingual() -> list[Example]:
    out = []
    for path in sorted(dataset("xstest_multilingual_duoguard").glob("*.csv")):
        lang = path.stem.rsplit("_", 1)[-1].lower()
        with _open(path) as f:
            for r in csv.DictReader(f):
                out.append(Example(r["prompt"], None, int(r["type"].startswith("contrast_")), r["type"], lang))
    return out


def load_benchmark(name: str) -> list[Example]:
    """The examples of one benchmark (see BENCHMARKS for names). Raises KeyError on unknown names."""
    if name in _GR_NAMES:
        return _from_guardreasoner(name)
    loaders = {"xstest_prompts": _xstest_prompts, "multijail": _multijail,
               "multilingual_hatecheck": _multilingual_hatecheck, "rtp_lx": _rtp_lx,
               "xstest_multilingual": _xstest_multilingual}
    if name not in loaders:
        raise KeyError(f"unknown benchmark {name!r}; known: {', '.join(BENCHMARKS)}")
    return loaders[name]()


# ---------------------------------------------------------------- every string of the eval-only sets
def _strings(obj: object) -> Iterator[str]:
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)


def _file_strings(path: Path) -> Iterator[str]:
    name = path.name.lower()
    base = name[:-3] if name.endswith(".gz") else name
    try:
        if base.endswith((".jsonl", ".json")):
            with _open(path) as f:
                raw = f.read()
            try:
                yield from _strings(json.loads(raw))
            except json.JSONDecodeError:
                for line in raw.splitlines():
                    line = line.strip()
                    if line:
                        try:
                            yield from _strings(json.loads(line))
                        except json.JSONDecodeError:
                            continue
        elif base.endswith((".csv", ".tsv")):
            with _open(path) as f:
                for row in csv.reader(f, delimiter="\t" if base.endswith(".tsv") else ","):
                    yield from row
    except (OSError, UnicodeDecodeError):
        return


def eval_only_texts(min_chars: int = 12) -> Iterator[tuple[str, str]]:
    """(folder, string) for every string of at least `min_chars` in every evaluation-only folder."""
    root = data_root()
    for folder in EVAL_ONLY_FOLDERS:
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if not path.is_file() or path.name.startswith(("SOURCE", "LICENSE", "README", "NOTICE")):
                continue
            for s in _file_strings(path):
                if len(s) >= min_chars:
                    yield folder, s

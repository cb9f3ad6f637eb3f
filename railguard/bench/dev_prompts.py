"""The text guard on railguard's hand-written dev prompts: `python -m railguard.bench.dev_prompts [--model DIR]`.

`railguard/train/devdata/prompts_dev.tsv` holds direct harmful requests and benign look-alikes written for
railguard in 19 languages, phrased unlike the training pools. Model variants are compared on it (and on the
training sources' validation split) when a choice must hold outside the training distribution; the public
benchmarks are never used for that. It is small (about 190 rows): differences of a few rows are noise.

Prints recall (unsafe rows flagged), false-positive rate (safe rows flagged) and ranking AUC, strict policy,
for all rows, English and the other languages, and lists the misses.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DEV_FILE = Path(__file__).resolve().parent.parent / "train" / "devdata" / "prompts_dev.tsv"


@dataclass(frozen=True)
class DevRow:
    unsafe: bool
    category: str
    lang: str
    text: str


def load_dev(path: Path = DEV_FILE) -> list[DevRow]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 4 or parts[0] not in ("unsafe", "safe"):
            raise ValueError(f"{path}:{n}: expected label<TAB>category<TAB>lang<TAB>text")
        rows.append(DevRow(parts[0] == "unsafe", parts[1], parts[2], parts[3]))
    return rows


def auc(y: np.ndarray, p: np.ndarray) -> float:
    """Probability that a random unsafe row outscores a random safe one (ties count half)."""
    pos, neg = p[y], p[~y]
    if not len(pos) or not len(neg):
        return float("nan")
    return float((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean())


def summary(y: np.ndarray, p: np.ndarray, flag: np.ndarray) -> str:
    rec = float(flag[y].mean()) if y.any() else float("nan")
    fpr = float(flag[~y].mean()) if (~y).any() else float("nan")
    return f"recall {rec:.3f}  fpr {fpr:.3f}  auc {auc(y, p):.3f}  (n={len(y)})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m railguard.bench.dev_prompts", description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", type=Path, default=None, help="text model artifact folder (default: the shipped one)")
    ap.add_argument("--misses", action="store_true", help="list the rows judged wrongly")
    args = ap.parse_args(argv)
    if args.model:
        os.environ["RAILGUARD_TEXTGUARD_MODEL"] = str(args.model)
    from railguard.guard import Guard

    rows = load_dev()
    verdicts = Guard(policy="strict").check_batch([r.text for r in rows])
    y = np.array([r.unsafe for r in rows])
    p = np.array([max((s for c, s in v.scores.items() if c != "political"), default=0.0) for v in verdicts])
    flag = np.array([v.label == "unsafe" for v in verdicts])
    en = np.array([r.lang == "en" for r in rows])
    print(f"all      {summary(y, p, flag)}")
    print(f"English  {summary(y[en], p[en], flag[en])}")
    print(f"other    {summary(y[~en], p[~en], flag[~en])}")
    if args.misses:
        for r, v, f in zip(rows, verdicts, flag, strict=True):
            if f != r.unsafe:
                top = max(v.scores.items(), key=lambda kv: kv[1])
                print(f"  {'missed' if r.unsafe else 'flagged'} [{r.lang}] {r.text}  ({top[0]} {top[1]:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Per-round report of the adversarial loop: JSON, a markdown summary and a PNG of the curves."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from railguard.synth.adversarial.loop import RoundReport


def _fmt(x: float) -> str:
    return "-" if x != x else f"{x:.3f}"


def write_json(reports: list[RoundReport], path: Path) -> None:
    path.write_text(json.dumps([asdict(r) for r in reports], indent=1, ensure_ascii=False), encoding="utf-8")


def markdown(reports: list[RoundReport], header: dict) -> str:
    lines = ["# Adversarial loop report", ""]
    lines += [f"- {k}: {v}" for k, v in header.items()]
    lines += ["", "## Rounds", "",
              "| round | proposed | accepted | ASR | ASR harmful | ASR benign | entropy (unsafe / safe) | depth | chains | novelty | new rows | clean macro F1 | XSTest FPR | multilingual macro F1 |",
              "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in reports:
        ent = " / ".join(_fmt(r.policy_entropy.get(k, float("nan"))) for k in ("unsafe", "safe"))
        s = r.eval_summary
        lines.append(f"| {r.round} | {r.proposed} | {r.accepted} | {_fmt(r.asr)} | {_fmt(r.asr_harmful)} | {_fmt(r.asr_benign)} | "
                     f"{ent} | {r.mean_depth} | {r.distinct_chains} | {_fmt(r.novelty)} | {r.new_rows} | "
                     f"{_fmt(s.get('clean_macro_f1', float('nan')))} | {_fmt(s.get('xstest_fpr', float('nan')))} | "
                     f"{_fmt(s.get('multilingual_macro_f1', float('nan')))} |")
    attacked = [r for r in reports if r.round > 0]
    for title, attr in (("Attack success rate by operator family", "asr_by_family"),
                        ("Attack success rate by seed language", "asr_by_language"),
                        ("Attack success rate by operator", "asr_by_operator")):
        keys = sorted({k for r in attacked for k in getattr(r, attr)})
        if not keys:
            continue
        lines += ["", f"## {title}", "", "| " + " | ".join(["key", *[f"round {r.round}" for r in attacked]]) + " |",
                  "|" + "---|" * (len(attacked) + 1)]
        for k in keys:
            lines.append("| " + " | ".join([k, *[_fmt(getattr(r, attr).get(k, float("nan"))) for r in attacked]]) + " |")
    if reports and reports[0].eval:
        first, last = reports[0], reports[-1]
        lines += ["", "## Clean benchmarks (first vs last round)", "", "| benchmark | F1 before | F1 after | FPR before | FPR after | n |",
                  "|---|---|---|---|---|---|"]
        for k in first.eval:
            a, b = first.eval[k], last.eval.get(k, {})
            lines.append(f"| {k} | {_fmt(a['f1'])} | {_fmt(b.get('f1', float('nan')))} | {_fmt(a['fpr'])} | "
                         f"{_fmt(b.get('fpr', float('nan')))} | {int(a['n'])} |")
    lines += ["", "## Generator: most likely first operators after the last round", ""]
    if attacked:
        for label, tops in attacked[-1].top_operators.items():
            lines.append(f"- {label}: " + ", ".join(f"{k} {p:.2f}" for k, p in tops))
    return "\n".join(lines) + "\n"


def plot(reports: list[RoundReport], path: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    attacked = [r for r in reports if r.round > 0]
    fig, axes = plt.subplots(1, 3, figsize=(15, 4.2))
    xs = [r.round for r in attacked]
    ax = axes[0]
    ax.plot(xs, [r.asr for r in attacked], "k-o", label="all")
    ax.plot(xs, [r.asr_harmful for r in attacked], "r--o", label="harmful -> safe")
    ax.plot(xs, [r.asr_benign for r in attacked], "b--o", label="benign -> unsafe")
    fams = sorted({k for r in attacked for k in r.asr_by_family})
    for f in fams:
        ax.plot(xs, [r.asr_by_family.get(f, float("nan")) for r in attacked], ":", alpha=0.7, label=f)
    ax.set_title("attack success rate (guard at start of round)")
    ax.set_xlabel("round")
    ax.set_ylim(0, 1)
    ax.legend(fontsize=7)
    ax = axes[1]
    rounds = [r.round for r in reports if r.eval_summary]
    for key, style in (("clean_macro_f1", "g-o"), ("multilingual_macro_f1", "m-o"), ("xstest_fpr", "c--o")):
        ax.plot(rounds, [r.eval_summary.get(key, float("nan")) for r in reports if r.eval_summary], style, label=key)
    ax.set_title("guard on clean benchmarks (after each round's retrain)")
    ax.set_xlabel("round")
    ax.set_ylim(0, 1)
    ax.legend(fontsize=7)
    ax = axes[2]
    for label, style in (("unsafe", "r-o"), ("safe", "b-o")):
        ax.plot(xs, [r.policy_entropy.get(label, float("nan")) for r in attacked], style, label=f"policy entropy ({label} seeds)")
    ax.plot(xs, [r.novelty for r in attacked], "k--o", label="n-gram novelty")
    ax.set_title("generator entropy (nats) and diversity")
    ax.set_xlabel("round")
    ax.legend(fontsize=7)
    from matplotlib.ticker import MaxNLocator

    for ax in axes:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True

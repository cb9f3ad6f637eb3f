"""`railguard eval`: the text guard on the public guard benchmarks (table, markdown report, PR curves)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer


def eval_command(
    limit: Annotated[int | None, typer.Option("--limit", help="At most N examples per benchmark (random, seed 0).")] = None,
    out: Annotated[Path, typer.Option("--out", help="Folder for the markdown report, JSON figures and PR-curve PNG.")] = Path("reports"),
    only: Annotated[str | None, typer.Option("--only", help="Comma-separated benchmark names (default: all).")] = None,
    model: Annotated[Path | None, typer.Option("--model", help="Text model artifact folder (default: the shipped one).")] = None,
) -> None:
    """Run the benchmark suite over ../shared/data and print one table (strict and loose, with latency)."""
    from railguard.bench.textguard_eval import DEFAULT_SUITE, run_suite
    from railguard.data_paths import data_root

    if not data_root().is_dir():
        typer.echo(f"railguard: data folder {data_root()} not found (set RAILGUARD_DATA)", err=True)
        raise typer.Exit(2)
    names = [n.strip() for n in only.split(",") if n.strip()] if only else list(DEFAULT_SUITE)
    unknown = [n for n in names if n not in DEFAULT_SUITE]
    if unknown:
        typer.echo(f"railguard: unknown benchmark(s) {', '.join(unknown)}; known: {', '.join(DEFAULT_SUITE)}", err=True)
        raise typer.Exit(2)
    if model is not None:
        if not (model / "manifest.json").is_file():
            typer.echo(f"railguard: {model} holds no text model (manifest.json missing)", err=True)
            raise typer.Exit(2)
        os.environ["RAILGUARD_TEXTGUARD_MODEL"] = str(model)
    run_suite(names, limit, out, "railguard " + " ".join(sys.argv[1:]), echo=typer.echo)


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)

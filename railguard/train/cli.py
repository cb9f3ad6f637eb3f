"""`railguard train ...`: train railguard's models from ../shared/data (writes railguard/models/)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

train_app = typer.Typer(help="Train railguard's models from the shared training data.", no_args_is_help=True)


@train_app.command("textguard")
def textguard(
    seed: Annotated[int, typer.Option("--seed", help="Random seed (sampling, splits, SGD).")] = 0,
    out: Annotated[Path | None, typer.Option("--out", help="Output folder (default: railguard/models/textguard).")] = None,
) -> None:
    """Train the text guard (categories, refusal; lexical + encoder heads, calibrated) and write its manifest."""
    from railguard.train.textguard import main

    argv = ["--seed", str(seed)] + (["--out", str(out)] if out is not None else [])
    raise typer.Exit(main(argv))


def register(app: typer.Typer) -> None:
    app.add_typer(train_app, name="train")

"""`railguard synth ...`: the group that synthetic-data engines add their commands to."""

from __future__ import annotations

import typer

synth_app = typer.Typer(help="Synthesise training and evaluation data.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(synth_app, name="synth")

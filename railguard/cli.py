"""The `railguard` command. Subsystems add their commands through PLUGINS (see `register`)."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from railguard import __version__

app = typer.Typer(
    name="railguard",
    help="Guardrails for LLM applications: judge prompts, responses, images, audio, agent plans and web actions.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Modules that define `register(app: typer.Typer) -> None`; a module that does not exist yet is skipped.
PLUGINS: tuple[str, ...] = (
    "railguard.server.cli",
    "railguard.train.cli",
    "railguard.bench.cli",
    "railguard.agents.cli",
    "railguard.web.cli",
    "railguard.synth.adversarial.cli",
    "railguard.synth.cli",
)

EXIT_OK, EXIT_BLOCK, EXIT_USAGE = 0, 1, 2


def _version(value: bool) -> None:
    if value:
        typer.echo(f"railguard {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")] = False,
) -> None:
    pass


def _usage_error(msg: str) -> typer.Exit:
    typer.echo(f"railguard: {msg}", err=True)
    return typer.Exit(EXIT_USAGE)


def _read_arg(text: str | None) -> str:
    if text is None:
        raise _usage_error("give TEXT, or - to read standard input")
    if text != "-":
        return text
    raw = sys.stdin.buffer.read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise _usage_error(f"standard input is not valid UTF-8 (byte {e.start})") from None


def _make_guard(policy: str | None):
    from railguard.guard import Guard
    from railguard.policy import PolicyError

    try:
        return Guard(policy=policy or "default")
    except PolicyError as e:
        raise _usage_error(str(e)) from None


def _print_verdict(v, as_json: bool) -> None:
    if as_json:
        typer.echo(v.model_dump_json())
        return
    typer.echo(f"{v.label} ({v.action})  {', '.join(v.categories) or '-'}")
    typer.echo(v.rationale)
    if v.redacted_text is not None:
        typer.echo(f"redacted: {v.redacted_text}")


@app.command()
def check(
    text: Annotated[str | None, typer.Argument(help="Text to judge, or - for standard input.")] = None,
    prompt: Annotated[str | None, typer.Option("--prompt", help="Judge TEXT as a response to this prompt.")] = None,
    policy: Annotated[str | None, typer.Option("--policy", help="default | strict | loose | path to a YAML policy.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the Verdict as JSON.")] = False,
    file: Annotated[Path | None, typer.Option("--file", help="JSONL batch: {text, prompt?, id?} per line; JSONL out.")] = None,
    image: Annotated[Path | None, typer.Option("--image", help="Judge an image (OCR + image classifier).")] = None,
    audio: Annotated[Path | None, typer.Option("--audio", help="Judge an audio clip (speech to text).")] = None,
) -> None:
    """Judge a prompt, or a response with --prompt. Exit 0 allow/flag/redact, 1 block, 2 usage error."""
    given = sum(x is not None for x in (text, file, image, audio))
    if given != 1:
        raise _usage_error("give exactly one of TEXT, --file, --image, --audio")
    guard = _make_guard(policy)
    if file is not None:
        from railguard.batch import run_jsonl

        worst = run_jsonl(guard, file, sys.stdout)
        raise typer.Exit(EXIT_BLOCK if worst == "block" else EXIT_OK)
    if image is not None or audio is not None:
        path = image or audio
        if not path.is_file():
            raise _usage_error(f"{path}: no such file")
        try:
            v = guard.check_image(path, prompt=prompt) if image is not None else guard.check_audio(path, prompt=prompt)
        except (ValueError, NotImplementedError) as e:
            raise _usage_error(f"{path}: {e}") from None
    else:
        v = guard.check(_read_arg(text), prompt=prompt)
    _print_verdict(v, as_json)
    raise typer.Exit(EXIT_BLOCK if v.action == "block" else EXIT_OK)


@app.command()
def redact(
    text: Annotated[str | None, typer.Argument(help="Text to redact, or - for standard input.")] = None,
    operator: Annotated[str, typer.Option("--operator", help="mask | placeholder | hash | vault")] = "placeholder",
    as_json: Annotated[bool, typer.Option("--json", help="Print text, entities and the restore mapping as JSON.")] = False,
    policy: Annotated[str | None, typer.Option("--policy")] = None,
) -> None:
    """Replace personal data and secrets in TEXT."""
    if operator not in ("mask", "placeholder", "hash", "vault"):
        raise _usage_error(f"--operator must be mask, placeholder, hash or vault, not {operator!r}")
    r = _make_guard(policy).redact(_read_arg(text), operator=operator)
    typer.echo(r.model_dump_json() if as_json else r.text)


@app.command()
def detectors() -> None:
    """List the detectors railguard knows and which run by default."""
    from railguard.detectors import registered

    for name, default in registered().items():
        typer.echo(f"{name}\t{'default' if default else 'optional'}")


def _load_plugins() -> None:
    for mod in PLUGINS:
        try:
            m = importlib.import_module(mod)
        except ModuleNotFoundError as e:
            if e.name and (mod == e.name or mod.startswith(e.name + ".")):
                continue
            raise
        m.register(app)


def main() -> None:
    _load_plugins()
    try:
        app()
    except json.JSONDecodeError as e:  # pragma: no cover - plugins report their own
        typer.echo(f"railguard: {e}", err=True)
        raise SystemExit(EXIT_USAGE) from None


if __name__ == "__main__":
    main()

"""`railguard agent-check FILE|-` and `railguard synth agents`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from railguard.synth.cli import synth_app

EXIT_OK, EXIT_BLOCK, EXIT_USAGE = 0, 1, 2


def _read(path: str) -> str:
    if path == "-":
        raw = sys.stdin.buffer.read()
        where = "standard input"
    else:
        p = Path(path)
        if not p.is_file():
            typer.echo(f"railguard: {path}: no such file", err=True)
            raise typer.Exit(EXIT_USAGE)
        raw = p.read_bytes()
        where = path
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        typer.echo(f"railguard: {where} is not valid UTF-8 (byte {e.start})", err=True)
        raise typer.Exit(EXIT_USAGE) from None


def agent_check(
    file: Annotated[str, typer.Argument(help="Trajectory file (JSON in any supported planner format, or ReAct text), or - for stdin.")],
    format: Annotated[str, typer.Option("--format", help="auto | openai | anthropic | langchain | react | mcp | plan | records")] = "auto",
    tools: Annotated[Path | None, typer.Option("--tools", help="JSON file with the tool specs the agent was given.")] = None,
    text_guard: Annotated[bool, typer.Option("--text-guard/--no-text-guard", help="Also run railguard's text Guard on argument text and agent messages (slower).")] = False,
) -> None:
    """Judge an agent's trajectory and its proposed next step(s) before they run. Prints the verdict as JSON.

    Exit 0 allow or ask_user, 1 block, 2 bad input."""
    from railguard.agents.adapters import AdapterError
    from railguard.agents.guard import AgentGuard

    text = _read(file)
    tool_specs = None
    if tools is not None:
        try:
            tool_specs = json.loads(tools.read_text())
            if isinstance(tool_specs, dict) and isinstance(tool_specs.get("tools"), list):
                tool_specs = tool_specs["tools"]
            if not isinstance(tool_specs, list):
                raise ValueError("expected a JSON list of tool specs")
            tool_specs = [t.get("function", t) if isinstance(t, dict) else t for t in tool_specs]
        except (OSError, ValueError) as e:
            typer.echo(f"railguard: --tools {tools}: {e}", err=True)
            raise typer.Exit(EXIT_USAGE) from None
    try:
        v = AgentGuard(use_text_guard=text_guard).check(text, tools=tool_specs, format=format)
    except (AdapterError, ValueError) as e:
        typer.echo(f"railguard: {e}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    typer.echo(v.model_dump_json())
    raise typer.Exit(EXIT_BLOCK if v.action == "block" else EXIT_OK)


@synth_app.command("agents")
def synth_agents(
    n: Annotated[int, typer.Option("--n", min=1, max=200_000, help="Number of accepted samples.")] = 100,
    seed: Annotated[int, typer.Option("--seed", help="Random seed (same seed, same output).")] = 0,
    out: Annotated[Path, typer.Option("--out", help="JSONL output file (- for stdout).")] = Path("-"),
    split: Annotated[str, typer.Option("--split", help="train | heldout | all: which scenario templates to use.")] = "train",
    no_filter: Annotated[bool, typer.Option("--no-filter", help="Skip the reward-model filter.")] = False,
    no_formats: Annotated[bool, typer.Option("--no-formats", help="Do not render each sample in every planner format.")] = False,
) -> None:
    """AuraGen-style synthetic agent trajectories: benign ones and labelled risk injections, filtered by a reward model,
    rendered in every planner format. Prints the filter report on stderr."""
    from railguard.agents.synth import generate

    if split not in ("train", "heldout", "all"):
        typer.echo(f"railguard: --split must be train, heldout or all, not {split!r}", err=True)
        raise typer.Exit(EXIT_USAGE)
    samples, report = generate(n, seed=seed, split=split, filter=not no_filter)
    lines = (json.dumps(s.to_json(formats=not no_formats), ensure_ascii=False) for s in samples)
    if str(out) == "-":
        for line in lines:
            sys.stdout.write(line + "\n")
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as fh:
            for line in lines:
                fh.write(line + "\n")
    typer.echo(json.dumps(report), err=True)


def register(app: typer.Typer) -> None:
    app.command("agent-check")(agent_check)

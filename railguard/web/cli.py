"""`railguard web-check FILE|-`: the risk of a web agent's next action, JSON in, JSON out.

Input: one JSON object (the plain form `{website, url, page, action: {type, target, value}}` or any shape
`railguard.web.coerce_action` reads), a JSON array or JSON Lines of them, or a bare action string such as
`click [123] Place order`. Output: the assessment as JSON (an array / JSON Lines for several).
Exit status: 0 when every action is SAFE or LOW, 1 when any is HIGH, 2 for bad input (message on stderr).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

EXIT_OK, EXIT_HIGH, EXIT_BAD = 0, 1, 2


def _fail(msg: str) -> typer.Exit:
    typer.echo(f"railguard web-check: {msg}", err=True)
    return typer.Exit(EXIT_BAD)


def _read(src: str) -> str:
    if src == "-":
        raw = sys.stdin.buffer.read()
    else:
        p = Path(src)
        if not p.is_file():
            raise _fail(f"{src}: no such file")
        raw = p.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise _fail(f"input is not valid UTF-8 (byte {e.start})") from None


def _items(text: str) -> tuple[list, str]:
    """-> (actions, output shape: one | array | lines)."""
    s = text.strip()
    if not s:
        raise _fail("empty input: give a web action as JSON, or an action string")
    if s[0] == "[":
        try:
            data = json.loads(s)
        except json.JSONDecodeError:
            return [s], "one"  # `[button] Pay -> CLICK` is an action string
        if isinstance(data, list):
            if not data:
                raise _fail("empty JSON array")
            return data, "array"
    lines = [ln for ln in s.splitlines() if ln.strip()]
    if s[0] == "{" and len(lines) > 1:
        try:
            return [json.loads(s)], "one"
        except json.JSONDecodeError:
            try:
                return [json.loads(ln) for ln in lines], "lines"
            except json.JSONDecodeError as e:
                raise _fail(f"malformed JSON: {e}") from None
    return [s], "one"


def web_check(
    src: Annotated[str, typer.Argument(metavar="FILE|-", help="JSON file with the action(s), or - for standard input.")],
    model: Annotated[Path | None, typer.Option("--model", help="Model folder (default: the shipped one).")] = None,
) -> None:
    """Judge a web agent's next action: SAFE / LOW / HIGH. Exit 0 SAFE/LOW, 1 HIGH, 2 bad input."""
    from railguard.web.guard import WebGuard
    from railguard.web.schema import WebInputError

    items, shape = _items(_read(src))
    try:
        guard = WebGuard(model)
    except (FileNotFoundError, ValueError) as e:
        raise _fail(str(e)) from None
    results = []
    for i, it in enumerate(items):
        try:
            results.append(guard.assess(it))
        except WebInputError as e:
            where = f"item {i + 1}: " if shape != "one" else ""
            raise _fail(f"{where}{e}") from None
    if shape == "array":
        typer.echo(json.dumps([r.model_dump() for r in results], ensure_ascii=False))
    else:
        for r in results:
            typer.echo(r.model_dump_json())
    raise typer.Exit(EXIT_HIGH if any(r.label == "HIGH" for r in results) else EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command("web-check")(web_check)

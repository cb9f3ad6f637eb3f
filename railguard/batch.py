"""JSONL batches: one object per line in ({text, prompt?, id?}), one Verdict per line out, same order.

A bad line (invalid UTF-8, malformed JSON, missing text) gets an error object naming the line;
the rest of the batch still completes.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from tqdm import tqdm

from railguard.verdict import ACTION_RANK

BATCH = 64


def _parse(lineno: int, raw: bytes) -> tuple[Any, str | None, str | None, str | None]:
    """(id, text, prompt, error) for one line."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return None, None, None, f"line {lineno}: not valid UTF-8 (byte {e.start})"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return None, None, None, f"line {lineno}: malformed JSON: {e.msg} (column {e.colno})"
    if not isinstance(obj, dict):
        return None, None, None, f"line {lineno}: expected a JSON object with a 'text' field"
    rid = obj.get("id")
    text, prompt = obj.get("text"), obj.get("prompt")
    if not isinstance(text, str):
        return rid, None, None, f"line {lineno}: 'text' must be a string"
    if prompt is not None and not isinstance(prompt, str):
        return rid, None, None, f"line {lineno}: 'prompt' must be a string or absent"
    return rid, text, prompt, None


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    stream = sys.stdin.buffer if str(path) == "-" else path.open("rb")
    try:
        for n, raw in enumerate(stream, start=1):
            raw = raw.rstrip(b"\r\n")
            if raw.strip():
                yield n, raw
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def run_jsonl(guard, path: Path, out: IO[str]) -> str:
    """Judge every line of `path`, write a Verdict (or an error) per line to `out`; return the worst action."""
    worst = "allow"
    pending: list[tuple[int, Any, str, str | None]] = []

    def flush() -> None:
        nonlocal worst
        if not pending:
            return
        verdicts = guard.check_batch([p[2] for p in pending], [p[3] for p in pending])
        for (_, rid, _, _), v in zip(pending, verdicts, strict=True):
            obj = v.model_dump(mode="json")
            if rid is not None:
                obj = {"id": rid, **obj}
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
            if ACTION_RANK[v.action] > ACTION_RANK[worst]:
                worst = v.action
        pending.clear()

    total = None if str(path) == "-" else sum(1 for _ in path.open("rb"))
    with tqdm(total=total, unit="line", file=sys.stderr, disable=None, desc="railguard") as bar:
        for lineno, raw in _lines(path):
            rid, text, prompt, err = _parse(lineno, raw)
            if err is not None:
                flush()  # keep output in input order
                obj = {"line": lineno, "error": err}
                if rid is not None:
                    obj = {"id": rid, **obj}
                out.write(json.dumps(obj, ensure_ascii=False) + "\n")
            else:
                pending.append((lineno, rid, text, prompt))  # type: ignore[arg-type]
                if len(pending) >= BATCH:
                    flush()
            bar.update(1)
        flush()
    out.flush()
    return worst

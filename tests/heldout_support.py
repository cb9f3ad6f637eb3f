"""What the held-out set tests share: reading a module's strings and template pools, and the loop's templates."""

from __future__ import annotations

import ast
from pathlib import Path

from railguard.synth.adversarial import templates


def module_strings(path: Path) -> list[str]:
    """Every string constant in a module (templates, frames, inline framing text), docstrings aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}
    return [n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs]


def pool_strings(mod, *suffixes: str) -> list[str]:
    """The strings of a module's private tuples whose names end with one of `suffixes`."""
    return [t for name, v in vars(mod).items() if name.startswith("_") and name.endswith(suffixes)
            and isinstance(v, tuple) for t in v if isinstance(t, str)]


def loop_templates() -> set[str]:
    """Every template the loop's operators fill in."""
    loop = {t for pool in (templates.JAILBREAK, templates.ROLEPLAY, templates.HIDING, templates.PARAPHRASE) for t in pool}
    return loop | {t for pool in templates.FOREIGN_FRAMES.values() for t in pool}


def norm(s: str) -> str:
    return " ".join(s.lower().split())


def imported_modules(path: Path, with_names: bool = False) -> set[str]:
    """The modules a file imports (`from m import n` gives m, and m.n as well with `with_names`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    froms = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module]
    mods = {n.module for n in froms} | {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    return mods | ({f"{n.module}.{a.name}" for n in froms for a in n.names} if with_names else set())

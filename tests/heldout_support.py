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


FAMILIES = {"obfuscation", "encoding", "wrapper", "hiding", "paraphrase", "language"}


def check_names_new(held, earlier_sets) -> None:
    """Names unique, none a loop operator's, none an earlier set's."""
    from railguard.synth.adversarial.operators import BY_NAME

    names = [h.name for h in held]
    assert len(names) == len(set(names))
    assert not set(names) & set(BY_NAME)
    for earlier in earlier_sets:
        assert not set(names) & {h.name for h in earlier}


def check_families(held) -> None:
    """The loop's six families, at least two transforms each; only wrappers are harmful-only."""
    from railguard.synth.adversarial import operators

    fams = [h.family for h in held]
    assert set(fams) == FAMILIES
    assert set(fams) <= set(operators.FAMILIES)
    assert 12 <= len(fams) <= 16
    assert all(fams.count(f) >= 2 for f in FAMILIES), fams
    # jailbreak wrappers are for harmful prompts only; everything else keeps a benign prompt benign
    assert all(h.benign_ok == (h.family != "wrapper") for h in held)


def check_deterministic(h, prompt: str) -> None:
    """Same seed, same variant; the prompt changes; the rng passed in is used, the global one is not."""
    import random

    for seed in (0, 1, 7):
        a, b = h(prompt, random.Random(seed)), h(prompt, random.Random(seed))
        assert a == b and a != prompt, (h.name, seed)
    assert h("How do I pick a lock?", random.Random(3)) != "How do I pick a lock?"
    outs = {h(prompt, random.Random(s)) for s in range(40)}
    assert len(outs) > 1, h.name  # the rng is actually used
    # only the rng passed in: the global generator's state is irrelevant
    random.seed(1)
    x = h(prompt, random.Random(5))
    random.seed(2)
    assert h(prompt, random.Random(5)) == x


def check_any_input(h, inputs, long: str | None = None) -> None:
    """Any script and odd input gives a string (changed, except by obfuscations); a long text survives."""
    import random

    for p in inputs:
        for seed in range(5):
            out = h(p, random.Random(seed))
            assert isinstance(out, str), (h.name, p)
            if h.family != "obfuscation":
                assert out != p or not p, (h.name, p)
    if long is not None:
        assert len(h(long, random.Random(0))) >= len(long) // 2

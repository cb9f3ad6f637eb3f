"""`python -m railguard.train <model> [options]`: train one of railguard's models."""

from __future__ import annotations

import sys

MODELS = {"textguard": "railguard.train.textguard"}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in MODELS:
        print(f"usage: python -m railguard.train {{{','.join(MODELS)}}} [options]", file=sys.stderr)
        return 2
    import importlib

    mod = importlib.import_module(MODELS[argv[0]])
    return int(mod.main(argv[1:]))


if __name__ == "__main__":
    raise SystemExit(main())

"""Where the shared data sets live: ../shared/data from the repo root, or $RAILGUARD_DATA."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def data_root() -> Path:
    env = os.environ.get("RAILGUARD_DATA")
    return Path(env) if env else REPO_ROOT.parent / "shared" / "data"


def dataset(name: str) -> Path:
    """Folder of one shared data set; a clear error when it is not there."""
    p = data_root() / name
    if not p.is_dir():
        raise FileNotFoundError(f"data set {name!r} not found at {p} (set RAILGUARD_DATA to the data folder)")
    return p

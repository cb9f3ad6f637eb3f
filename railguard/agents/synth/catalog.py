"""Tool catalogue for the engine: real tool specs read from the shared tool catalogues, with their licenses."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from railguard.agents.schema import ToolSpec
from railguard.data_paths import dataset

# folder -> license (each folder's SOURCE.md). All permissive: they may feed shipped weights.
CATALOGUE_LICENSES = {
    "injecagent": "MIT",
    "agentdojo_tasks": "MIT",
    "bfcl_v4": "Apache-2.0",
    "tau_bench": "MIT",
    "toolalpaca_eval": "Apache-2.0",
    "glaive_toolcall_demo": "Apache-2.0",
}


@dataclass(frozen=True)
class CatalogueTool:
    spec: ToolSpec
    source: str


def _toolemu_schema(params: list[dict[str, Any]]) -> dict[str, Any]:
    props = {p["name"]: {"type": p.get("type", "string"), "description": p.get("description", "")} for p in params}
    return {"type": "object", "properties": props, "required": [p["name"] for p in params if p.get("required")]}


@lru_cache(maxsize=1)
def load_catalogue() -> dict[str, CatalogueTool]:
    """name -> tool, over all catalogues that are present (a missing folder is skipped)."""
    out: dict[str, CatalogueTool] = {}

    def add(spec: ToolSpec, source: str) -> None:
        out.setdefault(spec.name, CatalogueTool(spec, source))

    try:
        for tk in json.loads((dataset("injecagent") / "tools.json").read_text()):
            for t in tk["tools"]:
                add(ToolSpec(name=tk["toolkit"] + t["name"], description=t.get("summary", ""),
                             parameters=_toolemu_schema(t.get("parameters", []))), "injecagent")
    except FileNotFoundError:
        pass
    try:
        for _suite, tools in json.loads((dataset("agentdojo_tasks") / "agentdojo_v1.2.2_tools.json").read_text()).items():
            for t in tools:
                add(ToolSpec(name=t["name"], description=t.get("description", ""), parameters=t.get("parameters", {})), "agentdojo_tasks")
    except FileNotFoundError:
        pass
    try:
        for f in ("BFCL_v4_simple_python.json.gz", "BFCL_v4_multiple.json.gz", "BFCL_v4_live_multiple.json.gz"):
            with gzip.open(dataset("bfcl_v4") / f, "rt") as fh:
                for line in fh:
                    for fn in json.loads(line).get("function", []):
                        if isinstance(fn, dict) and isinstance(fn.get("name"), str):
                            add(ToolSpec(name=fn["name"], description=fn.get("description", ""), parameters=fn.get("parameters") or {}), "bfcl_v4")
    except FileNotFoundError:
        pass
    try:
        for conv in json.loads((dataset("glaive_toolcall_demo") / "glaive_toolcall_en_demo.json").read_text()):
            try:
                tools = json.loads(conv.get("tools") or "[]")
            except json.JSONDecodeError:
                continue
            for fn in tools:
                if isinstance(fn, dict) and isinstance(fn.get("name"), str):
                    add(ToolSpec(name=fn["name"], description=fn.get("description", ""), parameters=fn.get("parameters") or {}), "glaive_toolcall_demo")
    except FileNotFoundError:
        pass
    return out


def spec(name: str) -> ToolSpec:
    """The catalogue's spec for `name`, or a minimal one (the engine also defines a few tools of its own)."""
    t = load_catalogue().get(name)
    return t.spec if t else ToolSpec(name=name, description=f"{name} (railguard engine tool)", parameters={"type": "object", "properties": {}})


def source(name: str) -> str:
    t = load_catalogue().get(name)
    return t.source if t else "railguard"


def param_names(name: str) -> list[str]:
    p = spec(name).parameters
    props = p.get("properties") if isinstance(p, dict) else None
    return list(props) if isinstance(props, dict) else []

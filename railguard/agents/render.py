"""Render a Trajectory in each planner format (the inverse of `adapters`): the engine writes every sample in
every format, and the cross-planner benchmark checks that the guard decides the same way on each."""

from __future__ import annotations

import json
from typing import Any

from railguard.agents.schema import Step, ToolSpec, Trajectory


def _tools_openai(tools: list[ToolSpec]) -> list[dict[str, Any]]:
    return [{"type": "function", "function": {"name": t.name, "description": t.description, "parameters": t.parameters}} for t in tools]


def _cid(i: int) -> str:
    return f"call_{i}"


def to_openai(t: Trajectory) -> dict[str, Any]:
    msgs: list[dict[str, Any]] = []
    if t.system:
        msgs.append({"role": "system", "content": t.system})
    msgs.append({"role": "user", "content": t.task})
    msgs += [{"role": "user", "content": u} for u in t.user_turns]
    for i, s in enumerate(t.steps):
        if s.tool is None:
            msgs.append({"role": "assistant", "content": s.message or s.thought})
            continue
        call = {"id": _cid(i), "type": "function", "function": {"name": s.tool, "arguments": json.dumps(s.arguments, ensure_ascii=False)}}
        msgs.append({"role": "assistant", "content": s.thought or None, "tool_calls": [call]})
        if not s.proposed:
            msgs.append({"role": "tool", "tool_call_id": _cid(i), "content": s.observation or ""})
    return {"messages": msgs, "tools": _tools_openai(t.tools)}


def to_anthropic(t: Trajectory) -> dict[str, Any]:
    msgs: list[dict[str, Any]] = [{"role": "user", "content": "\n".join([t.task, *t.user_turns]) if t.user_turns else t.task}]
    for i, s in enumerate(t.steps):
        if s.tool is None:
            msgs.append({"role": "assistant", "content": [{"type": "text", "text": s.message or s.thought}]})
            continue
        blocks: list[dict[str, Any]] = []
        if s.thought:
            blocks.append({"type": "text", "text": s.thought})
        blocks.append({"type": "tool_use", "id": f"toolu_{i:02d}", "name": s.tool, "input": s.arguments})
        msgs.append({"role": "assistant", "content": blocks})
        if not s.proposed:
            msgs.append({"role": "user", "content": [{"type": "tool_result", "tool_use_id": f"toolu_{i:02d}", "content": s.observation or ""}]})
    return {"system": t.system, "messages": msgs,
            "tools": [{"name": x.name, "description": x.description, "input_schema": x.parameters} for x in t.tools]}


def _lc_action(s: Step) -> dict[str, Any]:
    log = (f"Thought: {s.thought}\n" if s.thought else "") + f"Action: {s.tool}\nAction Input: {json.dumps(s.arguments, ensure_ascii=False)}"
    return {"tool": s.tool, "tool_input": s.arguments, "log": log}


def to_langchain(t: Trajectory) -> dict[str, Any]:
    done = [s for s in t.steps if s.tool and not s.proposed]
    nxt = [s for s in t.steps if s.tool and s.proposed]
    out: dict[str, Any] = {"input": t.task, "intermediate_steps": [[_lc_action(s), s.observation or ""] for s in done]}
    if t.system:
        out["system"] = t.system
    if nxt:
        out["next_actions"] = [_lc_action(s) for s in nxt]
    elif t.steps and t.steps[-1].tool is None:  # the agent's last word is an answer: AgentFinish
        last = t.steps[-1]
        out["output"] = {"return_values": {"output": last.message or ""}, "log": last.thought or ""}
    return out


def to_react(t: Trajectory) -> str:
    lines = [f"Question: {t.task}"]
    for s in t.steps:
        if s.thought:
            lines.append(f"Thought: {s.thought}")
        if s.tool is None:
            lines.append(f"Final Answer: {s.message or ''}")
            continue
        lines.append(f"Action: {s.tool}")
        lines.append(f"Action Input: {json.dumps(s.arguments, ensure_ascii=False)}")
        if not s.proposed:
            lines.append(f"Observation: {s.observation or ''}")
    return "\n".join(lines)


def to_mcp(t: Trajectory) -> dict[str, Any]:
    msgs: list[dict[str, Any]] = []
    for i, s in enumerate(t.steps):
        if s.tool is None:
            msgs.append({"role": "assistant", "content": s.message or s.thought})
            continue
        params: dict[str, Any] = {"name": s.tool, "arguments": s.arguments}
        if s.thought:
            params["_meta"] = {"thought": s.thought}
        msgs.append({"jsonrpc": "2.0", "id": i + 1, "method": "tools/call", "params": params})
        if not s.proposed:
            msgs.append({"jsonrpc": "2.0", "id": i + 1, "result": {"content": [{"type": "text", "text": s.observation or ""}], "isError": False}})
    return {"task": t.task, "system": t.system, "messages": msgs,
            "tools": [{"name": x.name, "description": x.description, "inputSchema": x.parameters} for x in t.tools]}


def to_plan(t: Trajectory) -> dict[str, Any]:
    steps = []
    for s in t.steps:
        if s.tool is None:
            steps.append({"message": s.message or "", **({"thought": s.thought} if s.thought else {})})
            continue
        d: dict[str, Any] = {"tool": s.tool, "arguments": s.arguments}
        if s.thought:
            d["thought"] = s.thought
        if s.proposed:
            d["proposed"] = True
        else:
            d["observation"] = s.observation or ""
        steps.append(d)
    return {"task": t.task, "system": t.system, "steps": steps,
            "tools": [{"name": x.name, "description": x.description, "parameters": x.parameters} for x in t.tools]}


RENDERERS = {
    "openai": to_openai,
    "anthropic": to_anthropic,
    "langchain": to_langchain,
    "react": to_react,
    "mcp": to_mcp,
    "plan": to_plan,
}


def render(t: Trajectory, fmt: str) -> Any:
    return RENDERERS[fmt](t)


def render_all(t: Trajectory) -> dict[str, Any]:
    return {f: r(t) for f, r in RENDERERS.items()}

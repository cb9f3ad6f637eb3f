"""Cross-planner adapter: read what agents actually emit into one `Trajectory`.

Formats: OpenAI chat messages with `tool_calls`; Anthropic messages with `tool_use` / `tool_result` blocks;
LangChain `AgentAction` / `intermediate_steps`; ReAct text; MCP `tools/call` JSON-RPC; a plain JSON plan;
and the judge-record shape of R-Judge / ASSEBench (`contents` of user / agent / environment turns).
Each reader raises `AdapterError` naming what it expected; `parse(raw, format="auto")` detects the format.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Callable
from typing import Any

from railguard.agents.schema import FORMATS, Step, ToolSpec, Trajectory

MAX_INPUT_CHARS = 2_000_000
MAX_STEPS = 500


class AdapterError(ValueError):
    """The input is not a trajectory in the expected (or any known) format; the message says what was expected."""


# ----------------------------------------------------------------------------------------------- helpers


def _text(x: Any) -> str:
    """Flatten message content (str, list of text blocks, dict, None) to text."""
    if x is None:
        return ""
    if isinstance(x, str):
        return x
    if isinstance(x, list):
        return "\n".join(t for t in (_text(b) for b in x) if t)
    if isinstance(x, dict):
        if isinstance(x.get("text"), str):
            return x["text"]
        if "content" in x:
            return _text(x["content"])
        return json.dumps(x, ensure_ascii=False, sort_keys=True)
    return str(x)


def parse_arguments(raw: Any) -> dict[str, Any]:
    """Tool arguments as a dict: JSON or Python-literal strings are decoded, anything else kept under `input`."""
    if raw is None or raw == "":
        return {}
    if isinstance(raw, dict):
        return raw
    if isinstance(raw, str):
        s = raw.strip()
        for loader in (json.loads, ast.literal_eval):
            try:
                v = loader(s)
            except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
                continue
            if isinstance(v, dict):
                return v
            return {"input": v}
        return {"input": raw}
    return {"input": raw}


def _tool_specs(raw: Any) -> list[ToolSpec]:
    """Tool definitions in OpenAI, Anthropic, MCP or bare {name, description, parameters} form."""
    if isinstance(raw, dict) and isinstance(raw.get("tools"), list):  # MCP tools/list result
        raw = raw["tools"]
    if not isinstance(raw, list):
        return []
    out: list[ToolSpec] = []
    for t in raw:
        if not isinstance(t, dict):
            continue
        f = t.get("function") if isinstance(t.get("function"), dict) else t
        name = f.get("name")
        if not isinstance(name, str):
            continue
        params = f.get("parameters") or f.get("input_schema") or f.get("inputSchema") or {}
        out.append(ToolSpec(name=name, description=str(f.get("description") or ""), parameters=params if isinstance(params, dict) else {}))
    return out


def _check_size(steps: list[Step], fmt: str) -> None:
    if len(steps) > MAX_STEPS:
        raise AdapterError(f"{fmt}: {len(steps)} steps is more than the {MAX_STEPS} a trajectory may hold")


def _require(cond: bool, fmt: str, expected: str) -> None:
    if not cond:
        raise AdapterError(f"not a {fmt} trajectory: expected {expected}")


# ----------------------------------------------------------------------------------------------- OpenAI


def _openai_messages(raw: Any) -> tuple[list[Any], list[Any]]:
    if isinstance(raw, dict):
        return raw.get("messages"), raw.get("tools") or raw.get("functions") or []
    return raw, []


def from_openai(raw: Any) -> Trajectory:
    """OpenAI chat completions: system/user/assistant(tool_calls)/tool messages; a tool call with no tool message is proposed."""
    msgs, tools = _openai_messages(raw)
    _require(isinstance(msgs, list) and all(isinstance(m, dict) for m in msgs), "openai",
             "a list of chat messages {role, content, tool_calls?} or {messages: [...], tools?: [...]}")
    t = Trajectory(tools=_tool_specs(tools), source_format="openai")
    by_id: dict[str, Step] = {}
    last_call: Step | None = None
    for i, m in enumerate(msgs):
        role = m.get("role")
        _require(isinstance(role, str), "openai", f"a 'role' in message {i}")
        content = _text(m.get("content"))
        if role in ("system", "developer"):
            t.system = "\n".join(x for x in (t.system, content) if x)
        elif role == "user":
            if not t.task:
                t.task = content
            else:
                t.user_turns.append(content)
        elif role == "assistant":
            calls = m.get("tool_calls") or []
            if m.get("function_call"):  # legacy single function call
                calls = [{"id": None, "function": m["function_call"]}]
            _require(isinstance(calls, list), "openai", f"'tool_calls' to be a list in message {i}")
            if not calls:
                t.steps.append(Step(message=content))
                continue
            for j, c in enumerate(calls):
                f = c.get("function") if isinstance(c, dict) else None
                _require(isinstance(f, dict) and isinstance(f.get("name"), str), "openai",
                         f"tool_calls[{j}] of message {i} to have function.name")
                s = Step(thought=content if j == 0 else "", tool=f["name"], arguments=parse_arguments(f.get("arguments")),
                         proposed=True, call_id=c.get("id"))
                t.steps.append(s)
                last_call = s
                if s.call_id:
                    by_id[s.call_id] = s
        elif role in ("tool", "function"):
            target = by_id.get(m.get("tool_call_id") or "") or last_call
            if target is None:
                raise AdapterError(f"openai: tool message {i} answers no earlier tool call")
            target.observation = content
            target.proposed = False
        else:
            raise AdapterError(f"openai: unknown role {role!r} in message {i} (expected system, user, assistant or tool)")
    _check_size(t.steps, "openai")
    return t


# ----------------------------------------------------------------------------------------------- Anthropic


def from_anthropic(raw: Any) -> Trajectory:
    """Anthropic Messages: {system?, messages:[{role, content: str | blocks}], tools?}; tool_use without tool_result is proposed."""
    if isinstance(raw, list):
        raw = {"messages": raw}
    _require(isinstance(raw, dict) and isinstance(raw.get("messages"), list), "anthropic",
             "{system?, messages: [{role: user|assistant, content: text or [text|tool_use|tool_result blocks]}], tools?}")
    t = Trajectory(system=_text(raw.get("system")), tools=_tool_specs(raw.get("tools")), source_format="anthropic")
    by_id: dict[str, Step] = {}
    for i, m in enumerate(raw["messages"]):
        _require(isinstance(m, dict) and m.get("role") in ("user", "assistant"), "anthropic",
                 f"message {i} to have role user or assistant")
        blocks = m.get("content")
        if isinstance(blocks, str) or blocks is None:
            blocks = [{"type": "text", "text": blocks or ""}]
        _require(isinstance(blocks, list), "anthropic", f"message {i} content to be text or a list of blocks")
        if m["role"] == "user":
            texts = []
            for b in blocks:
                if isinstance(b, dict) and b.get("type") == "tool_result":
                    s = by_id.get(b.get("tool_use_id") or "")
                    if s is None:
                        raise AdapterError(f"anthropic: tool_result in message {i} answers unknown tool_use_id {b.get('tool_use_id')!r}")
                    s.observation = _text(b.get("content"))
                    s.proposed = False
                else:
                    texts.append(_text(b))
            text = "\n".join(x for x in texts if x)
            if text:
                if not t.task:
                    t.task = text
                else:
                    t.user_turns.append(text)
            continue
        thought: list[str] = []
        used = False
        for b in blocks:
            if not isinstance(b, dict):
                thought.append(_text(b))
                continue
            kind = b.get("type")
            if kind in ("text", "thinking"):
                thought.append(b.get("text") or b.get("thinking") or "")
            elif kind in ("tool_use", "server_tool_use"):
                _require(isinstance(b.get("name"), str), "anthropic", f"tool_use in message {i} to have a name")
                s = Step(thought="\n".join(x for x in thought if x), tool=b["name"], arguments=parse_arguments(b.get("input")),
                         proposed=True, call_id=b.get("id"))
                thought = []
                used = True
                t.steps.append(s)
                if s.call_id:
                    by_id[s.call_id] = s
        rest = "\n".join(x for x in thought if x)
        if rest or not used:
            t.steps.append(Step(message=rest))
    _check_size(t.steps, "anthropic")
    return t


# ----------------------------------------------------------------------------------------------- LangChain


def _lc_action(a: Any, where: str) -> dict[str, Any]:
    """An AgentAction as a dict: plain {tool, tool_input, log}, or LangChain's dumpd {lc, type, id, kwargs}."""
    if isinstance(a, dict) and isinstance(a.get("kwargs"), dict) and a.get("lc"):
        a = a["kwargs"]
    if isinstance(a, (list, tuple)) and len(a) == 3 and isinstance(a[0], str):  # (tool, tool_input, log) tuple
        a = {"tool": a[0], "tool_input": a[1], "log": a[2]}
    _require(isinstance(a, dict) and (isinstance(a.get("tool"), str) or "return_values" in a), "langchain",
             f"an AgentAction {{tool, tool_input, log}} or AgentFinish {{return_values, log}} at {where}")
    return a


def _lc_step(a: dict[str, Any], observation: Any, proposed: bool) -> Step:
    if "return_values" in a:
        rv = a.get("return_values")
        return Step(message=_text(rv.get("output") if isinstance(rv, dict) else rv), thought=str(a.get("log") or ""))
    log = str(a.get("log") or "")
    thought = re.split(r"\n?\s*Action\s*:", log, maxsplit=1)[0].replace("Thought:", "").strip() if log else ""
    return Step(thought=thought, tool=a["tool"], arguments=parse_arguments(a.get("tool_input")),
                observation=None if proposed else _text(observation), proposed=proposed, call_id=a.get("tool_call_id"))


_LC_NEXT_KEYS = ("next_actions", "next_action", "actions", "action", "agent_action", "output", "agent_outcome")


def from_langchain(raw: Any) -> Trajectory:
    """LangChain agents: {input, intermediate_steps: [[AgentAction, observation], ...], next_actions?: AgentAction | [..]}."""
    if isinstance(raw, list):
        raw = {"intermediate_steps": raw}
    _require(isinstance(raw, dict) and (isinstance(raw.get("intermediate_steps"), list) or any(k in raw for k in _LC_NEXT_KEYS)),
             "langchain", "{input, intermediate_steps: [[AgentAction, observation], ...], next_actions?: [AgentAction]}")
    t = Trajectory(task=_text(raw.get("input") or raw.get("question") or raw.get("task")), system=_text(raw.get("system")),
                   tools=_tool_specs(raw.get("tools")), source_format="langchain")
    for i, pair in enumerate(raw.get("intermediate_steps") or []):
        _require(isinstance(pair, (list, tuple)) and len(pair) == 2, "langchain", f"intermediate_steps[{i}] to be [AgentAction, observation]")
        t.steps.append(_lc_step(_lc_action(pair[0], f"intermediate_steps[{i}]"), pair[1], proposed=False))
    for key in _LC_NEXT_KEYS:
        if key in raw and raw[key] is not None:
            nxt = raw[key]
            items = nxt if isinstance(nxt, list) and not (len(nxt) == 3 and isinstance(nxt[0], str)) else [nxt]
            for j, a in enumerate(items):
                t.steps.append(_lc_step(_lc_action(a, f"{key}[{j}]"), None, proposed=True))
            break
    _check_size(t.steps, "langchain")
    return t


# ----------------------------------------------------------------------------------------------- ReAct text

_REACT_KEYS = ("Question", "Task", "Thought", "Action", "Action Input", "Observation", "Final Answer")
_REACT_LINE = re.compile(r"^\s*(Question|Task|User|Thought|Action Input|Action|Observation|Final Answer)\s*:\s?", re.M)


def looks_like_react(text: str) -> bool:
    return bool(re.search(r"^\s*Action\s*:", text, re.M)) and bool(re.search(r"^\s*(Action Input|Thought|Observation)\s*:", text, re.M))


def from_react(raw: Any) -> Trajectory:
    """ReAct text: Question / Thought / Action / Action Input / Observation ... / Final Answer; a last Action with no Observation is proposed."""
    _require(isinstance(raw, str) and (looks_like_react(raw) or "Final Answer:" in raw), "react",
             "text with 'Thought:', 'Action:', 'Action Input:' and 'Observation:' lines")
    parts = _REACT_LINE.split(raw)
    pre, fields = parts[0].strip(), list(zip(parts[1::2], parts[2::2], strict=False))
    t = Trajectory(source_format="react")
    if pre:
        t.system = pre
    cur: Step | None = None
    thought = ""
    for key, val in fields:
        val = val.strip()
        if key in ("Question", "Task", "User"):
            if not t.task:
                t.task = val
            else:
                t.user_turns.append(val)
        elif key == "Thought":
            thought = val
        elif key == "Action":
            cur = Step(thought=thought, tool=val.strip().strip("`"), proposed=True)
            thought = ""
            t.steps.append(cur)
        elif key == "Action Input":
            if cur is None:
                raise AdapterError("react: 'Action Input:' before any 'Action:'")
            cur.arguments = parse_arguments(val)
        elif key == "Observation":
            if cur is None:
                raise AdapterError("react: 'Observation:' before any 'Action:'")
            cur.observation = val
            cur.proposed = False
            cur = None
        elif key == "Final Answer":
            t.steps.append(Step(thought=thought, message=val))
            thought = ""
    _check_size(t.steps, "react")
    return t


# ----------------------------------------------------------------------------------------------- MCP


def _is_jsonrpc(x: Any) -> bool:
    return isinstance(x, dict) and (x.get("jsonrpc") == "2.0" or x.get("method") == "tools/call")


def from_mcp(raw: Any) -> Trajectory:
    """MCP: JSON-RPC `tools/call` requests (+ their responses, matched by id); a request with no response is proposed.

    Accepts one request, a list of JSON-RPC messages, or {task, system?, tools?, messages: [...]} where messages may
    also hold plain {role: assistant, content} turns for what the agent said.
    """
    task, system, tools = "", "", []
    msgs = raw
    if isinstance(raw, dict) and not _is_jsonrpc(raw):
        task, system = _text(raw.get("task") or raw.get("prompt")), _text(raw.get("system"))
        tools = raw.get("tools") or []
        msgs = raw.get("messages") or raw.get("history") or raw.get("requests")
    if _is_jsonrpc(msgs):
        msgs = [msgs]
    _require(isinstance(msgs, list) and any(_is_jsonrpc(m) for m in msgs), "mcp",
             'JSON-RPC {"jsonrpc": "2.0", "id", "method": "tools/call", "params": {"name", "arguments"}} request(s)')
    t = Trajectory(task=task, system=system, tools=_tool_specs(tools), source_format="mcp")
    by_id: dict[str, Step] = {}
    for i, m in enumerate(msgs):
        if not isinstance(m, dict):
            raise AdapterError(f"mcp: message {i} is not an object")
        if m.get("method") == "tools/call":
            p = m.get("params")
            _require(isinstance(p, dict) and isinstance(p.get("name"), str), "mcp", f"params.name in tools/call request {i}")
            meta = p.get("_meta") if isinstance(p.get("_meta"), dict) else {}
            s = Step(thought=str(meta.get("thought") or ""), tool=p["name"], arguments=parse_arguments(p.get("arguments")),
                     proposed=True, call_id=None if m.get("id") is None else str(m.get("id")))
            t.steps.append(s)
            if s.call_id is not None:
                by_id[s.call_id] = s
        elif m.get("method") == "tools/list" or m.get("method", "").startswith("notifications/"):
            continue
        elif "result" in m or "error" in m:
            s = by_id.get(str(m.get("id")))
            if s is None:
                raise AdapterError(f"mcp: response {i} (id {m.get('id')!r}) answers no tools/call request")
            res = m.get("result")
            if isinstance(res, dict) and isinstance(res.get("tools"), list):
                continue
            s.observation = _text(res.get("content") if isinstance(res, dict) else res) if "result" in m else _text(m.get("error"))
            s.proposed = False
        elif m.get("role") == "user":
            if not t.task:
                t.task = _text(m.get("content"))
            else:
                t.user_turns.append(_text(m.get("content")))
        elif m.get("role") == "assistant":
            t.steps.append(Step(message=_text(m.get("content"))))
        elif "method" in m:
            continue  # other MCP methods (initialize, resources/read, ...) carry no agent action
        else:
            raise AdapterError(f"mcp: message {i} is neither a JSON-RPC request/response nor a {{role, content}} turn")
    _check_size(t.steps, "mcp")
    return t


# ----------------------------------------------------------------------------------------------- plain plan

_PLAN_ARG_KEYS = ("arguments", "args", "parameters", "params", "input", "tool_input", "action_input")


def from_plan(raw: Any) -> Trajectory:
    """A plain JSON plan: {task, system?, tools?, steps: [{tool, arguments, thought?, observation?, proposed?}]} or a bare list of steps."""
    if isinstance(raw, list):
        raw = {"steps": raw}
    steps = raw.get("steps", raw.get("plan")) if isinstance(raw, dict) else None
    _require(isinstance(steps, list), "plan", "{task, steps: [{tool, arguments, observation?}, ...]} or a list of such steps")
    t = Trajectory(task=_text(raw.get("task") or raw.get("goal") or raw.get("instruction") or raw.get("input")),
                   system=_text(raw.get("system")), tools=_tool_specs(raw.get("tools")), source_format="plan",
                   user_turns=[_text(u) for u in raw.get("user_turns") or []])
    for i, s in enumerate(steps):
        _require(isinstance(s, dict), "plan", f"step {i} to be an object")
        tool = s.get("tool") or s.get("tool_name") or s.get("function") or s.get("name")
        if isinstance(tool, dict):  # {"function": {"name", "arguments"}}
            s = {**s, **tool}
            tool = tool.get("name")
        args: Any = {}
        for k in _PLAN_ARG_KEYS:
            if k in s:
                args = s[k]
                break
        msg = s.get("message") if tool is None else None
        _require(tool is None or isinstance(tool, str), "plan", f"step {i} 'tool' to be a string")
        _require(tool is not None or msg is not None or s.get("thought"), "plan", f"step {i} to have a 'tool' (or a 'message')")
        obs = s.get("observation", s.get("result", s.get("output")))
        proposed = bool(s.get("proposed", obs is None and tool is not None))
        t.steps.append(Step(thought=_text(s.get("thought") or s.get("reasoning") or s.get("description")), tool=tool,
                            arguments=parse_arguments(args), observation=None if obs is None else _text(obs),
                            message=None if msg is None else _text(msg), proposed=proposed))
    _check_size(t.steps, "plan")
    return t


# ----------------------------------------------------------------------------------------------- judge records

_RECORD_ACTION = re.compile(r"^\s*`?([A-Za-z_][\w.\-]*)`?\s*(?::\s*|\s*)([\[{(].*)?$", re.S)
_FINAL = re.compile(r"^\s*(Final Answer|Answer|Response)\s*:", re.I)


def _parse_record_action(action: str) -> tuple[str | None, dict[str, Any]]:
    """'Tool{"a": 1}', 'Tool: {...}', 'Tool()' or 'Final Answer: ...' -> (tool or None, arguments)."""
    a = (action or "").strip()
    if not a or _FINAL.match(a):
        return None, {}
    a = re.sub(r"^Action\s*:\s*", "", a)
    m = re.match(r"^`?([A-Za-z_][\w.\-]*)`?\s*\n\s*Action Input\s*:\s*(.*)$", a, re.S)
    if m:  # 'Tool\nAction Input: {...}' (ReAct fields inside one record)
        return m.group(1), parse_arguments(m.group(2).strip())
    m = _RECORD_ACTION.match(a)
    if not m or (m.group(2) is None and (" " in a or len(a) > 80)):
        return None, {}
    args = (m.group(2) or "").strip()
    if args.startswith("(") and args.endswith(")"):
        args = args[1:-1].strip()
        if args and not args.startswith("{"):
            return m.group(1), {"input": args}
    return m.group(1), parse_arguments(args) if args else {}


_PASTED_TOOLS = re.compile(r'\[\s*\{\s*"type"\s*:\s*"function"')


def tools_in_text(text: str) -> list[ToolSpec]:
    """Tool definitions pasted into a prompt as a JSON list of {"type": "function", "function": {...}}."""
    out: list[ToolSpec] = []
    for m in _PASTED_TOOLS.finditer(text):
        try:
            v, _ = json.JSONDecoder().raw_decode(text[m.start():])
        except (json.JSONDecodeError, RecursionError):
            continue
        out += _tool_specs(v)
    return out


def from_records(raw: Any) -> Trajectory:
    """R-Judge / ASSEBench records: {profile?, contents: [[{role: user|agent|environment, content|thought|action}]]}."""
    _require(isinstance(raw, dict) and isinstance(raw.get("contents"), list), "records",
             "{profile, contents: [[{role: user, content}, {role: agent, thought, action}, {role: environment, content}]]}")
    t = Trajectory(system=_text(raw.get("profile")), source_format="records")
    turns = raw["contents"]
    flat = [m for turn in turns for m in (turn if isinstance(turn, list) else [turn])]
    for i, m in enumerate(flat):
        _require(isinstance(m, dict) and m.get("role") in ("user", "agent", "environment", "assistant", "tool"), "records",
                 f"turn {i} with role user, agent or environment")
        role = m["role"]
        if role == "user":
            (t.user_turns.append if t.task else lambda x: setattr(t, "task", x))(_text(m.get("content")))
        elif role in ("agent", "assistant"):
            action = _text(m.get("action"))
            tool, args = _parse_record_action(action)
            thought = _text(m.get("thought"))
            if tool is None:
                t.steps.append(Step(thought=thought, message=action))
            else:
                t.steps.append(Step(thought=thought, tool=tool, arguments=args, proposed=True))
        else:
            content = m.get("content")
            if content is None:
                continue
            prev = next((s for s in reversed(t.steps) if s.tool), None)
            if prev is not None and prev.observation is None:
                prev.observation = _text(content)
                prev.proposed = False
    if not t.tools:
        seen: set[str] = set()
        for spec in tools_in_text("\n".join([t.task, *t.user_turns])):
            if spec.name not in seen:
                seen.add(spec.name)
                t.tools.append(spec)
    _check_size(t.steps, "records")
    return t


# ----------------------------------------------------------------------------------------------- detection

READERS: dict[str, Callable[[Any], Trajectory]] = {
    "openai": from_openai,
    "anthropic": from_anthropic,
    "langchain": from_langchain,
    "react": from_react,
    "mcp": from_mcp,
    "plan": from_plan,
    "records": from_records,
}
assert set(READERS) == set(FORMATS)

_EXPECTED = (
    "expected one of: OpenAI chat messages with tool_calls; Anthropic messages with tool_use/tool_result blocks; "
    "LangChain {input, intermediate_steps}; ReAct text (Thought/Action/Action Input/Observation); "
    "MCP tools/call JSON-RPC; a JSON plan {task, steps: [{tool, arguments}]}; or {contents: [...]} judge records"
)


def _has_anthropic_blocks(msgs: list[Any]) -> bool:
    for m in msgs:
        c = m.get("content") if isinstance(m, dict) else None
        if isinstance(c, list) and any(isinstance(b, dict) and b.get("type") in ("tool_use", "tool_result", "thinking") for b in c):
            return True
    return False


def detect_format(raw: Any) -> str:
    """Name of the format `raw` (already JSON-decoded, or ReAct text) is in; AdapterError when none fits."""
    if isinstance(raw, Trajectory):
        return "trajectory"
    if isinstance(raw, str):
        if looks_like_react(raw) or re.search(r"^\s*Final Answer\s*:", raw, re.M):
            return "react"
        raise AdapterError(f"text input is not ReAct (no 'Action:' with 'Action Input:'/'Thought:'/'Observation:' lines); {_EXPECTED}")
    if isinstance(raw, dict):
        if _is_jsonrpc(raw) or any(isinstance(raw.get(k), list) and any(_is_jsonrpc(x) for x in raw[k]) for k in ("messages", "history", "requests")):
            return "mcp"
        if isinstance(raw.get("contents"), list):
            return "records"
        if "intermediate_steps" in raw or any(isinstance(raw.get(k), dict) and "tool_input" in raw[k] for k in _LC_NEXT_KEYS):
            return "langchain"
        msgs = raw.get("messages")
        if isinstance(msgs, list):
            if _has_anthropic_blocks(msgs) or (isinstance(raw.get("tools"), list) and any(isinstance(x, dict) and "input_schema" in x for x in raw["tools"])):
                return "anthropic"
            if isinstance(raw.get("system"), (str, list)) and not any(isinstance(m, dict) and m.get("role") == "system" for m in msgs):
                return "anthropic"
            return "openai"
        if isinstance(raw.get("steps"), list) or isinstance(raw.get("plan"), list):
            return "plan"
        if isinstance(raw.get("tool"), str) and "tool_input" in raw:
            return "langchain"
    if isinstance(raw, list) and raw:
        if any(_is_jsonrpc(x) for x in raw):
            return "mcp"
        if all(isinstance(x, dict) for x in raw):
            if all("role" in x for x in raw):
                return "anthropic" if _has_anthropic_blocks(raw) else "openai"
            if all(any(k in x for k in ("tool", "tool_name", "function", "message")) and "tool_input" not in x for x in raw):
                return "plan"
        if all(isinstance(x, (list, tuple)) and len(x) == 2 for x in raw):
            return "langchain"
    kind = type(raw).__name__ if not isinstance(raw, dict) else f"object with keys {sorted(raw)[:8]}"
    raise AdapterError(f"unrecognised trajectory ({kind}); {_EXPECTED}")


def parse(raw: Any, format: str = "auto") -> Trajectory:
    """Read `raw` (a Trajectory, a dict/list, JSON text or ReAct text) into a Trajectory. AdapterError on bad input."""
    if isinstance(raw, Trajectory):
        return raw
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise AdapterError(f"input is not valid UTF-8 (byte {e.start})") from None
    if isinstance(raw, str):
        if len(raw) > MAX_INPUT_CHARS:
            raise AdapterError(f"input of {len(raw)} characters is over the {MAX_INPUT_CHARS} limit")
        if not raw.strip():
            raise AdapterError(f"empty input; {_EXPECTED}")
        s = raw.lstrip()
        if s[:1] in "[{":
            try:
                raw = json.loads(s)
            except (json.JSONDecodeError, RecursionError) as e:
                if format not in ("auto", "react") or not looks_like_react(raw):
                    raise AdapterError(f"malformed JSON: {e}; {_EXPECTED}") from None
    if format == "auto":
        format = detect_format(raw)
    if format not in READERS:
        raise AdapterError(f"unknown format {format!r}; choose auto or one of {', '.join(FORMATS)}")
    try:
        t = READERS[format](raw)
    except AdapterError:
        raise
    except (TypeError, AttributeError, KeyError, ValueError, RecursionError) as e:  # shapes the readers did not foresee
        raise AdapterError(f"not a {format} trajectory ({type(e).__name__}: {e}); {_EXPECTED}") from None
    if not t.steps and not t.task:
        raise AdapterError(f"{format}: no task and no steps found; {_EXPECTED}")
    t.source_format = format
    return t

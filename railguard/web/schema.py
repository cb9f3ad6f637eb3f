"""Wire schema of WebGuard: the proposed web action in, the assessment out (pydantic = the JSON schema).

Input is lenient: besides the plain form `{website, url, page, action: {type, target, value}}` it accepts the
shapes web agents commonly emit (see `coerce_action`), and fails with `WebInputError` (a clear message)
on anything it cannot read.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from railguard.web.action_parse import ACTION_TYPES, parse_action_string

RiskLabel = Literal["SAFE", "LOW", "HIGH"]
LABELS: tuple[RiskLabel, ...] = ("SAFE", "LOW", "HIGH")

MAX_FIELD_CHARS = 200_000  # a whole HTML page is fine; beyond that we cut (only the start and the target matter)


class WebInputError(ValueError):
    """The input could not be read as a web action; the message says why."""


def _clip(v: Any) -> Any:
    if isinstance(v, str) and len(v) > MAX_FIELD_CHARS:
        return v[:MAX_FIELD_CHARS]
    return v


class ActionSpec(BaseModel):
    """The proposed action: its type, the element it acts on (HTML, a11y line or words) and the value typed."""

    model_config = ConfigDict(extra="ignore")

    type: str = Field(description="click | type | select | submit | navigate | scroll | hover | press | check | other")
    target: str | None = Field(default=None, description="element HTML, accessibility-tree line, or a description")
    value: str | None = Field(default=None, description="text typed, option selected, key pressed or URL visited")

    @field_validator("type", mode="before")
    @classmethod
    def _norm_type(cls, v: Any) -> str:
        if not isinstance(v, str) or not v.strip():
            raise ValueError("action.type must be a non-empty string such as 'click' or 'type'")
        return normalise_action_type(v)

    @field_validator("target", "value", mode="before")
    @classmethod
    def _stringify(cls, v: Any) -> str | None:
        if v is None:
            return None
        if isinstance(v, bool):
            return str(v).lower()
        if isinstance(v, int | float):
            return str(v)
        if isinstance(v, dict | list):
            return json.dumps(v, ensure_ascii=False)[:MAX_FIELD_CHARS]
        if not isinstance(v, str):
            raise ValueError(f"expected text, got {type(v).__name__}")
        return _clip(v)


class WebAction(BaseModel):
    """A web agent's proposed next action with its context."""

    model_config = ConfigDict(extra="ignore")

    website: str | None = None
    url: str | None = None
    page: str | None = Field(default=None, description="page text, accessibility tree or HTML snippet")
    task: str | None = Field(default=None, description="the user's goal (context only: the action is judged)")
    action: ActionSpec

    @field_validator("website", "url", "page", "task", mode="before")
    @classmethod
    def _text(cls, v: Any) -> str | None:
        if v is None:
            return None
        if isinstance(v, list):  # e.g. a list of a11y lines
            v = "\n".join(str(x) for x in v)
        if not isinstance(v, str):
            raise ValueError(f"expected text, got {type(v).__name__}")
        return _clip(v)


class Signal(BaseModel):
    """One piece of evidence: a rule that fired (or the model's own vote), the level it points to, and why."""

    name: str
    level: RiskLabel
    evidence: str
    source: Literal["target", "value", "url", "page", "action", "model"] = "target"


class WebAssessment(BaseModel):
    label: RiskLabel
    probabilities: dict[str, float]
    rationale: str
    signals: list[Signal]
    action: ActionSpec
    latency_ms: float
    model: str


_TYPE_ALIASES = {
    "click": "click", "tap": "click", "left_click": "click", "double_click": "click", "dblclick": "click",
    "type": "type", "fill": "type", "input": "type", "enter_text": "type", "write": "type", "type_text": "type",
    "select": "select", "select_option": "select", "choose": "select", "dropdown": "select",
    "submit": "submit",
    "navigate": "navigate", "goto": "navigate", "go_to": "navigate", "open_url": "navigate", "visit": "navigate",
    "go_back": "navigate", "go_forward": "navigate", "back": "navigate", "new_tab": "navigate", "tab_focus": "navigate",
    "close_tab": "navigate", "open": "navigate",
    "scroll": "scroll", "scroll_up": "scroll", "scroll_down": "scroll",
    "hover": "hover", "mouse_over": "hover", "focus": "hover",
    "press": "press", "key_press": "press", "keyboard": "press", "key": "press", "hotkey": "press",
    "check": "check", "uncheck": "check", "toggle": "check", "checkbox": "check",
    "upload": "other", "upload_file": "other", "drag": "other", "wait": "scroll", "noop": "scroll",
    "stop": "scroll", "answer": "scroll",
}


def normalise_action_type(raw: str) -> str:
    key = raw.strip().lower().replace("-", "_").replace(" ", "_")
    if key in _TYPE_ALIASES:
        return _TYPE_ALIASES[key]
    for k in ACTION_TYPES:
        if key.startswith(k):
            return _TYPE_ALIASES.get(k, k)
    return "other"


_PAGE_KEYS = ("page", "page_text", "html", "cleaned_html", "accessibility_tree", "axtree", "a11y", "a11y_tree",
              "observation", "obs", "content", "dom", "context")
_URL_KEYS = ("url", "page_url", "current_url", "start_url")
_SITE_KEYS = ("website", "site", "domain_name", "host", "hostname", "web_name")
_TASK_KEYS = ("task", "intent", "confirmed_task", "goal", "instruction")
_TARGET_KEYS = ("target", "element", "element_html", "target_element", "element_text", "description", "element_desc",
                "elem", "node", "selector")
_VALUE_KEYS = ("value", "text", "option", "input", "content_typed", "typed")
_TYPE_KEYS = ("type", "action_type", "op", "operation", "kind")


def _first(d: dict, keys: tuple[str, ...]) -> Any:
    for k in keys:
        if k in d and d[k] not in (None, ""):
            return d[k]
    return None


def _element_to_text(el: Any) -> Any:
    """Mind2Web candidates are dicts {tag, attributes, text...}; render them as an HTML-ish line."""
    if isinstance(el, dict):
        tag = el.get("tag") or el.get("tag_name") or el.get("role") or "element"
        attrs = el.get("attributes")
        if isinstance(attrs, str):
            try:
                attrs = json.loads(attrs)
            except json.JSONDecodeError:
                attrs = {"attrs": attrs}
        attr_s = " ".join(f'{k}="{v}"' for k, v in (attrs or {}).items() if isinstance(v, str | int | float)) if isinstance(attrs, dict) else ""
        text = el.get("text") or el.get("name") or el.get("description") or el.get("label") or ""
        return f"<{tag} {attr_s}>{text}</{tag}>".replace(" >", ">")
    return el


def _action_from_dict(d: dict) -> dict:
    """Map many action shapes onto {type, target, value}."""
    args = d.get("arguments", d.get("args"))
    if isinstance(d.get("name"), str) and isinstance(args, dict | str):  # tool-call shape {"name": "click", "arguments": {...}}
        if isinstance(args, str):
            try:
                args = json.loads(args)
            except json.JSONDecodeError:
                args = {"target": args}
        if isinstance(args, dict):
            return _action_from_dict({"type": d["name"], **args})
    op = d.get("operation")
    if isinstance(op, dict):  # Mind2Web: {"operation": {"op": "CLICK", "original_op": ..., "value": ...}}
        typ = op.get("op") or op.get("original_op") or op.get("type")
        value = op.get("value")
    else:
        typ = _first(d, _TYPE_KEYS)
        value = _first(d, _VALUE_KEYS)
    target = _element_to_text(_first(d, _TARGET_KEYS))
    if target is None and isinstance(d.get("pos_candidates"), list) and d["pos_candidates"]:
        target = _element_to_text(d["pos_candidates"][0])
    if isinstance(typ, str) and typ.strip() and len(typ.split()) > 1 and target is None:
        # {"action": {"type": "click [12] Place order"}} or a repr as type: parse it
        return parse_action_string(typ)
    if typ is None:
        repr_ = _first(d, ("action_repr", "target_action_reprs", "repr", "raw", "command"))
        if isinstance(repr_, list) and repr_:
            repr_ = repr_[-1]
        if isinstance(repr_, str):
            return parse_action_string(repr_)
        if target is not None:
            typ = "click"  # an element with no verb: an agent's default action
    if typ is None:
        raise WebInputError("the action has no type: give action.type (click, type, select, ...) or an action string")
    return {"type": typ, "target": target, "value": value}


def coerce_action(obj: Any) -> WebAction:
    """Read anything reasonable as a WebAction, or raise WebInputError with a clear message."""
    if isinstance(obj, WebAction):
        return obj
    if isinstance(obj, bytes):
        try:
            obj = obj.decode("utf-8")
        except UnicodeDecodeError as e:
            raise WebInputError(f"input is not valid UTF-8 (byte {e.start})") from None
    if isinstance(obj, str):
        s = obj.strip()
        if not s:
            raise WebInputError("empty input: give a web action (JSON object or an action string)")
        if s[0] == "{" or (s[0] == "[" and s[-1] == "]"):
            try:
                obj = json.loads(s)
            except json.JSONDecodeError as e:
                if s[0] == "{":
                    raise WebInputError(f"malformed JSON: {e}") from None
                obj = {"action": parse_action_string(s)}  # `[button] Pay -> CLICK` is an action string
        else:
            obj = {"action": parse_action_string(s)}
    if isinstance(obj, list):
        raise WebInputError("expected one web action (a JSON object), got a list")
    if not isinstance(obj, dict):
        raise WebInputError(f"expected a web action object, got {type(obj).__name__}")
    d = dict(obj)
    action = d.get("action")
    if isinstance(action, str):
        action = parse_action_string(action)
    elif isinstance(action, dict):
        action = _action_from_dict(action)
    elif action is None:
        action = _action_from_dict(d)  # flat shapes: {"type": "click", "target": ...} or SeeAct records
    else:
        raise WebInputError(f"action must be an object or a string, got {type(action).__name__}")
    data = {
        "website": _first(d, _SITE_KEYS),
        "url": _first(d, _URL_KEYS),
        "page": _first(d, _PAGE_KEYS),
        "task": _first(d, _TASK_KEYS),
        "action": action,
    }
    try:
        return WebAction.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise WebInputError(f"invalid web action: {where}: {first['msg']}") from None

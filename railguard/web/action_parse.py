"""Parse the action strings web agents emit into {type, target, value}.

Shapes understood (case-insensitive):
- WebArena / VisualWebArena: `click [123]`, `click [123] Place order`, `type [45] [blue shoes] [1]`, `hover [7]`,
  `press [Enter]`, `scroll [down]`, `goto [https://...]`, `go_back`, `stop [answer]`
- SeeAct / Mind2Web reprs: `[button]  Place order -> CLICK`, `[textbox] Search -> TYPE: shoes`,
  `[combobox] Sort By -> SELECT: Price: Low to High`
- BrowserGym / function calls: `click("a123")`, `fill("45", "hello")`, `select_option("12", "Blue")`, `CLICK(<button>Pay</button>)`
- plain words: `Click the "Place order" button`, `type "hello" into the search box`
"""

from __future__ import annotations

import re

ACTION_TYPES = ("click", "type", "select", "submit", "navigate", "scroll", "hover", "press", "check", "other")

_VERBS = {
    "click": "click", "tap": "click", "press": "press", "type": "type", "fill": "type", "enter": "type", "input": "type",
    "select": "select", "select_option": "select", "choose": "select", "submit": "submit", "goto": "navigate",
    "go_to": "navigate", "navigate": "navigate", "open": "navigate", "visit": "navigate", "go_back": "navigate",
    "go_forward": "navigate", "new_tab": "navigate", "tab_focus": "navigate", "close_tab": "navigate",
    "scroll": "scroll", "hover": "hover", "focus": "hover", "check": "check", "uncheck": "check", "stop": "scroll",
    "noop": "scroll", "wait": "scroll", "dblclick": "click", "double_click": "click", "keyboard_press": "press",
    "upload_file": "other", "drag_and_drop": "other", "send_msg_to_user": "scroll",
}

_SEEACT = re.compile(r"^\s*\[(?P<tag>[^\]]*)\]\s*(?P<text>.*?)\s*->\s*(?P<op>[A-Za-z_ ]+?)\s*(?::\s*(?P<value>.*))?\s*$", re.S)
_BRACKETS = re.compile(r"\[([^\[\]]*)\]")
_CALL = re.compile(r"^\s*(?P<verb>[A-Za-z_]+)\s*\((?P<args>.*)\)\s*$", re.S)
_QUOTED = re.compile(r"""["'“”‘’「」『』]([^"'“”‘’「」『』]{1,200})["'“”‘’「」『』]""")


def _split_call_args(args: str) -> list[str]:
    """Split `"a", "b, c"` or `<button>Pay</button>` into arguments; quotes protect commas."""
    args = args.strip()
    if args.startswith("<") or not args:
        return [args] if args else []
    out: list[str] = []
    for m in re.finditer(r"""\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^,]+)\s*(?:,|$)""", args):
        a = m.group(1).strip()
        if len(a) >= 2 and a[0] == a[-1] and a[0] in "\"'":
            a = a[1:-1]
        out.append(a)
    return out


def parse_action_string(s: str) -> dict:
    """Return {type, target, value}; a string with no recognisable verb raises ValueError-derived WebInputError."""
    from railguard.web.schema import WebInputError  # local: schema imports this module

    text = s.strip()
    if not text:
        raise WebInputError("empty action string")
    m = _SEEACT.match(text)
    if m and m.group("op").strip().lower().split()[0] in _VERBS:
        tag = m.group("tag").strip()
        target = f"[{tag}] {m.group('text').strip()}" if tag else m.group("text").strip()
        return {"type": m.group("op").strip().lower().split()[0], "target": target or None, "value": (m.group("value") or None)}
    m = _CALL.match(text)
    if m and m.group("verb").lower() in _VERBS:
        args = _split_call_args(m.group("args"))
        verb = m.group("verb").lower()
        target = args[0] if args else None
        value = args[1] if len(args) > 1 else None
        if _VERBS[verb] in ("navigate", "press", "scroll") and value is None:
            target, value = None, target
        return {"type": verb, "target": target, "value": value}
    first, _, rest = text.partition(" ")
    verb = first.lower().rstrip(":")
    if verb not in _VERBS:
        raise WebInputError(f"cannot read the action string {text[:80]!r}: it should start with a verb such as click, type, select")
    kind = _VERBS[verb]
    brackets = _BRACKETS.findall(rest)
    if brackets:  # WebArena grammar
        after = _BRACKETS.sub(" ", rest).strip()
        if kind in ("navigate", "press", "scroll"):
            return {"type": verb, "target": None, "value": brackets[0]}
        target = f"[{brackets[0]}] {after}".strip() if brackets[0] else (after or None)
        value = brackets[1] if kind in ("type", "select") and len(brackets) > 1 else None
        if kind == "type" and value is not None and len(brackets) > 2 and brackets[2].strip() == "1":
            value += "\n"  # WebArena's press_enter_after=1: a trailing newline is Enter
        return {"type": verb, "target": target, "value": value}
    # plain words: `type "hello" into the search box`, `click the "Place order" button`
    quoted = _QUOTED.findall(rest)
    if kind in ("type", "select") and quoted:
        value = quoted[0]
        target = _QUOTED.sub(" ", rest, count=1).strip()
        target = re.sub(r"^(into|in|on|from|for)\s+", "", target, flags=re.I) or None
        return {"type": verb, "target": target, "value": value}
    if kind in ("navigate", "press", "scroll"):
        return {"type": verb, "target": None, "value": rest.strip() or None}
    return {"type": verb, "target": rest.strip() or None, "value": None}

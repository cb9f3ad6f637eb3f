"""Policies: YAML files that turn category probabilities into a label and an action.

A policy never knows about models; it only sees category scores and findings.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from railguard.taxonomy import CATEGORY_IDS
from railguard.verdict import ACTION_RANK, Action, Label

BUILTIN_DIR = Path(__file__).parent / "policies"
BUILTINS = ("default", "strict", "loose")


class PolicyError(ValueError):
    """A policy file that cannot be used; the message names the file, the key and the problem."""


class CategoryRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    controversial: float = Field(default=0.5, ge=0.0, le=1.01)
    unsafe: float = Field(default=0.8, ge=0.0, le=1.01)  # > 1 means "never unsafe"
    action: Action = "block"                 # what an unsafe score leads to
    controversial_action: Action = "flag"    # what a controversial score leads to

    @model_validator(mode="after")
    def _ordered(self) -> CategoryRule:
        if self.controversial > self.unsafe:
            raise ValueError(f"controversial threshold {self.controversial} is above unsafe threshold {self.unsafe}")
        return self


class TermList(BaseModel):
    model_config = ConfigDict(extra="forbid")

    terms: list[str] = Field(default_factory=list)
    regexes: list[str] = Field(default_factory=list)

    @field_validator("regexes")
    @classmethod
    def _compiles(cls, v: list[str]) -> list[str]:
        for i, rx in enumerate(v):
            try:
                re.compile(rx)
            except re.error as e:
                raise ValueError(f"regex #{i} {rx!r} does not compile: {e}") from None
        return v

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        parts = [r"(?<!\w)" + re.escape(t) + r"(?!\w)" for t in self.terms if t.strip()]
        parts += [f"(?:{rx})" for rx in self.regexes]
        return re.compile("|".join(parts), re.IGNORECASE) if parts else None

    def finditer(self, text: str):
        if self.pattern is None:
            return iter(())
        return (m for m in self.pattern.finditer(text) if m.end() > m.start())


class DenyRule(TermList):
    name: str = "deny"
    category: str = "unethical"
    action: Action = "block"


class Limits(BaseModel):
    model_config = ConfigDict(extra="forbid")

    max_chars: int = Field(default=100_000, ge=1)
    oversize: Literal["block", "truncate"] = "block"   # past max_chars: fail closed, or judge the head only
    chunk_chars: int = Field(default=2_000, ge=64)


class StreamRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    debounce: int = Field(default=2, ge=1)    # consecutive unsafe states before a stop
    window_words: int = Field(default=64, ge=8)   # words of the response a stream window judges
    every_words: int = Field(default=16, ge=1)    # judge the window at least every N words (also at sentence ends)
    # A window counts toward a stop only once the response has this many words (None: window_words / 2).
    min_words: int | None = Field(default=None, ge=1)
    # Categories that describe the user's request, not the response: they never stop a stream by themselves.
    request_categories: list[str] = Field(default_factory=lambda: ["jailbreak", "prompt_injection"])

    @field_validator("request_categories")
    @classmethod
    def _known_categories(cls, v: list[str]) -> list[str]:
        unknown = [c for c in v if c not in CATEGORY_IDS]
        if unknown:
            raise ValueError(f"unknown categories {unknown}; known: {', '.join(CATEGORY_IDS)}")
        return v


class Redaction(BaseModel):
    model_config = ConfigDict(extra="forbid")

    operator: Literal["mask", "placeholder", "hash", "vault"] = "placeholder"


class Policy(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = "default"
    mode: Literal["default", "strict", "loose"] = "default"
    defaults: CategoryRule = Field(default_factory=CategoryRule)
    categories: dict[str, CategoryRule] = Field(default_factory=dict)
    allow: TermList = Field(default_factory=TermList)
    deny: list[DenyRule] = Field(default_factory=list)
    limits: Limits = Field(default_factory=Limits)
    stream: StreamRule = Field(default_factory=StreamRule)
    redaction: Redaction = Field(default_factory=Redaction)
    on_error: Literal["block", "allow"] = "block"

    def rule(self, category: str) -> CategoryRule:
        return self.categories.get(category, self.defaults)

    def level(self, category: str, score: float) -> Label:
        """The label one category's score earns under this policy (mode applied)."""
        r = self.rule(category)
        if score >= r.unsafe:
            return "unsafe"
        if score >= r.controversial:
            if self.mode == "strict":
                return "unsafe"
            return "safe" if self.mode == "loose" else "controversial"
        return "safe"

    def category_action(self, category: str, level: Label) -> Action:
        r = self.rule(category)
        if level == "unsafe":
            return r.action
        if level == "controversial":
            return r.controversial_action
        return "allow"

    def decide(self, scores: dict[str, float], forced: dict[str, Action] | None = None) -> tuple[Label, Action, list[str]]:
        """Label, action and the categories that fired, from category scores.

        `forced` carries deny-list hits: their category fires unsafe with the rule's action.
        """
        label: Label = "safe"
        action: Action = "allow"
        fired: list[tuple[float, str]] = []
        for cat, score in scores.items():
            lvl = self.level(cat, score)
            act = self.category_action(cat, lvl)
            if forced and cat in forced:
                lvl, act = "unsafe", max(act, forced[cat], key=ACTION_RANK.__getitem__)
            if lvl == "safe":
                continue
            fired.append((score, cat))
            if lvl == "unsafe" or label == "safe":
                label = lvl
            if ACTION_RANK[act] > ACTION_RANK[action]:
                action = act
        return label, action, [c for _, c in sorted(fired, key=lambda t: (-t[0], t[1]))]


def _format_errors(source: str, err: ValidationError) -> str:
    lines = []
    for e in err.errors():
        key = ".".join(str(p) for p in e["loc"]) or "(top level)"
        lines.append(f"{source}: key '{key}': {e['msg']}")
    return "\n".join(lines)


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise PolicyError(f"{path}: cannot read policy file: {e.strerror or e}") from None
    except UnicodeDecodeError as e:
        raise PolicyError(f"{path}: policy file is not valid UTF-8 (byte {e.start})") from None
    except yaml.YAMLError as e:
        raise PolicyError(f"{path}: not valid YAML: {e}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise PolicyError(f"{path}: key '(top level)': expected a mapping, got {type(data).__name__}")
    return data


def _resolve(data: dict[str, Any], source: str, seen: tuple[str, ...]) -> dict[str, Any]:
    parent = data.pop("extends", None)
    if parent is None:
        return data
    if not isinstance(parent, str):
        raise PolicyError(f"{source}: key 'extends': expected a policy name or path")
    if parent in seen:
        raise PolicyError(f"{source}: key 'extends': cycle through {parent!r}")
    path = BUILTIN_DIR / f"{parent}.yaml" if parent in BUILTINS else Path(parent)
    base = _resolve(_read_yaml(path), str(path), (*seen, parent))
    return _merge(base, data)


def load_policy(spec: str | Path | Policy | dict[str, Any] | None = None) -> Policy:
    """A built-in name ('default', 'strict', 'loose'), a YAML path, a dict or a Policy."""
    if isinstance(spec, Policy):
        return spec
    if spec is None:
        spec = "default"
    if isinstance(spec, dict):
        source, data = "<dict>", dict(spec)
    elif isinstance(spec, str) and spec in BUILTINS:
        path = BUILTIN_DIR / f"{spec}.yaml"
        source, data = str(path), _read_yaml(path)
    else:
        path = Path(spec)
        if not path.exists():
            raise PolicyError(f"{path}: no such policy file (built-in policies: {', '.join(BUILTINS)})")
        source, data = str(path), _read_yaml(path)
    data = _resolve(data, source, (source,))
    try:
        return Policy.model_validate(data)
    except ValidationError as e:
        raise PolicyError(_format_errors(source, e)) from None

"""Agent guard before execution (Safiron-style): planner adapters -> Trajectory -> AgentGuard -> AgentVerdict."""

from railguard.agents.adapters import AdapterError, detect_format, parse
from railguard.agents.guard import AgentGuard
from railguard.agents.render import render, render_all
from railguard.agents.schema import FORMATS, RISK_TYPES, AgentVerdict, Step, ToolSpec, Trajectory

__all__ = [
    "FORMATS", "RISK_TYPES", "AdapterError", "AgentGuard", "AgentVerdict", "Step", "ToolSpec", "Trajectory",
    "detect_format", "parse", "render", "render_all",
]

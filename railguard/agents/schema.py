"""The agent wire schema: one `Trajectory` that every planner format is read into, and the `AgentVerdict`."""

from __future__ import annotations

from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

# Safiron's agent risk types (DESIGN.md).
RiskType = Literal[
    "privacy_leak",
    "financial_loss",
    "misinformation",
    "availability",
    "unauthorized_action",
    "external_attack",
    "bias",
    "accountability",
    "physical_harm",
]
RISK_TYPES: tuple[str, ...] = get_args(RiskType)
AgentAction = Literal["allow", "ask_user", "block"]
FORMATS: tuple[str, ...] = ("openai", "anthropic", "langchain", "react", "mcp", "plan", "records")


class ToolSpec(BaseModel):
    """A tool the agent may call: name, description and a JSON-schema of its parameters."""

    model_config = ConfigDict(extra="ignore")

    name: str
    description: str = ""
    parameters: dict[str, Any] = Field(default_factory=dict)


class Step(BaseModel):
    """One agent step: what it thought, which tool it called with which arguments, and what came back.

    A step without a tool is a message to the user (a final answer or a question). `proposed` marks a step
    that has not run yet (it has no observation): the guard's job is to stop such steps before they run.
    """

    model_config = ConfigDict(extra="forbid")

    thought: str = ""
    tool: str | None = None
    arguments: dict[str, Any] = Field(default_factory=dict)
    observation: str | None = None
    message: str | None = None
    proposed: bool = False
    call_id: str | None = None


class Trajectory(BaseModel):
    """An agent's history plus its proposed next step(s), independent of the planner that produced it."""

    model_config = ConfigDict(extra="forbid")

    task: str = ""
    system: str = ""
    # Extra user turns after the first (multi-turn chats); they count as the user's own words for provenance.
    user_turns: list[str] = Field(default_factory=list)
    steps: list[Step] = Field(default_factory=list)
    tools: list[ToolSpec] = Field(default_factory=list)
    source_format: str | None = None

    def user_text(self) -> str:
        return "\n".join([self.task, *self.user_turns])


class AgentVerdict(BaseModel):
    """What `AgentGuard.check` returns and `railguard agent-check` prints."""

    model_config = ConfigDict(extra="forbid")

    label: Literal["safe", "unsafe"]
    action: AgentAction
    risk_types: list[RiskType] = Field(default_factory=list)
    step: int | None = Field(default=None, description="0-based index of the riskiest step in `steps`")
    tool: str | None = None
    argument: str | None = None
    rationale: str = ""
    scores: dict[str, float] = Field(default_factory=dict)
    signals: list[str] = Field(default_factory=list)
    latency_ms: float = 0.0
    source_format: str | None = None
    errors: list[str] = Field(default_factory=list)

    @property
    def blocked(self) -> bool:
        return self.action == "block"

    @property
    def flagged(self) -> bool:
        return self.label != "safe"

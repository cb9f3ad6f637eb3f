"""The wire schema: what `Guard.check` returns, the CLI prints with --json and the service answers."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Label = Literal["safe", "controversial", "unsafe"]
Action = Literal["allow", "flag", "redact", "block"]
Modality = Literal["text", "image", "audio"]

ACTION_RANK: dict[str, int] = {"allow": 0, "flag": 1, "redact": 2, "block": 3}
LABEL_RANK: dict[str, int] = {"safe": 0, "controversial": 1, "unsafe": 2}


class Span(BaseModel):
    """A stretch of the ORIGINAL input that drove a decision (offsets are Python str indices)."""

    model_config = ConfigDict(extra="forbid")

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    category: str
    entity_type: str | None = None
    text: str = ""
    score: float = Field(default=1.0, ge=0.0, le=1.0)
    detector: str | None = None
    # Media inputs: where the span's text was found (pixels: x, y, width, height) or heard (seconds).
    box: tuple[int, int, int, int] | None = None
    time: tuple[float, float] | None = None


class Verdict(BaseModel):
    model_config = ConfigDict(extra="forbid")

    label: Label
    action: Action
    categories: list[str] = Field(default_factory=list)
    scores: dict[str, float] = Field(default_factory=dict)
    spans: list[Span] = Field(default_factory=list)
    rationale: str = ""
    language: str | None = None
    policy: str = "default"
    latency_ms: float = 0.0
    modality: Modality = "text"
    role: Literal["prompt", "response"] = "prompt"
    # Set when the policy's action is redact: the input with the flagged spans replaced.
    redacted_text: str | None = None
    # Text the verdict was computed on when it differs from the input (OCR output, a transcript).
    text: str | None = None
    errors: list[str] = Field(default_factory=list)

    @property
    def blocked(self) -> bool:
        return self.action == "block"

    @property
    def flagged(self) -> bool:
        return self.label != "safe"

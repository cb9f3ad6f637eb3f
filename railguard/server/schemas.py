"""Wire schemas of the service's own routes (a Verdict is `railguard.verdict.Verdict`, unchanged)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from railguard.redact import Operator, RedactedEntity
from railguard.verdict import Verdict


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GuardRequest(_Strict):
    text: str = Field(description="The prompt, or the model response when `prompt` is given.")
    prompt: str | None = Field(default=None, description="The prompt a response answers.")


class BatchItem(_Strict):
    text: str
    prompt: str | None = None
    id: str | int | None = Field(default=None, description="Echoed back with the verdict.")


class BatchRequest(_Strict):
    items: list[BatchItem] = Field(description="Inputs to judge together (at most the server's max_batch).")


class BatchResult(BaseModel):
    id: str | int | None = None
    verdict: Verdict


class BatchResponse(BaseModel):
    results: list[BatchResult]


class RedactRequest(_Strict):
    text: str
    operator: Operator | None = Field(default=None, description="mask | placeholder | hash | vault; default: the policy's.")


class RedactResponse(BaseModel):
    text: str
    entities: list[RedactedEntity] = Field(default_factory=list)
    operator: Operator
    mapping: dict[str, str] = Field(default_factory=dict, description="placeholder -> original (placeholder operator only; a vault keeps it server-side).")
    vault_id: str | None = Field(default=None, description="With operator vault: give it to /v1/restore (valid for the server's vault TTL).")


class RestoreRequest(_Strict):
    text: str = Field(description="Text with placeholders, e.g. a model's answer about redacted input.")
    vault_id: str | None = None
    mapping: dict[str, str] | None = None


class RestoreResponse(BaseModel):
    text: str


# ---------------------------------------------------------------------------------------- moderations
class ImageURL(_Strict):
    url: str = Field(description="A data: URL (data:image/png;base64,...); the service fetches nothing remote.")


class TextPart(_Strict):
    type: Literal["text"]
    text: str


class ImagePart(_Strict):
    type: Literal["image_url"]
    image_url: ImageURL


class ModerationRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    input: str | list[str] | list[TextPart | ImagePart] = Field(description="A string, a list of strings, or OpenAI multi-modal parts.")
    model: str | None = Field(default=None, description="Accepted for compatibility; echoed back.")


class ModerationResult(BaseModel):
    flagged: bool
    categories: dict[str, bool]
    category_scores: dict[str, float]
    category_applied_input_types: dict[str, list[str]]
    railguard: dict[str, Any] = Field(description="label, action, categories, rationale, policy of railguard's Verdict.")


class ModerationResponse(BaseModel):
    id: str
    model: str
    results: list[ModerationResult]


class ErrorBody(BaseModel):
    message: str
    type: str
    code: str | None = None
    param: str | None = None


class ErrorResponse(BaseModel):
    error: ErrorBody

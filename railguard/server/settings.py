"""Service settings: one object built by `railguard serve` (or a test) and handed to `create_app`.

Every field can also come from the environment (RAILGUARD_<FIELD>), which is how worker processes
started by an ASGI server (`uvicorn railguard.server.app:app_from_env --factory`) get them.
"""

from __future__ import annotations

import os
from typing import Literal

from pydantic import BaseModel, Field

from railguard.server.db import default_db_url, normalize_url

AuditInput = Literal["redacted", "full", "none"]


class Settings(BaseModel):
    policy: str = Field(default="default", description="Policy for requests without a key: default | strict | loose | a YAML path.")
    db: str = Field(default_factory=default_db_url, description="Audit/keys database URL (sqlite:///path or postgresql://...).")
    upstream: str | None = Field(default=None, description="Base URL of the OpenAI-compatible upstream for /v1/chat/completions, e.g. http://127.0.0.1:11434/v1.")
    upstream_api_key: str | None = Field(default=None, description="Authorization for the upstream; without it the client's own header is forwarded when keys are off.")
    upstream_timeout_s: float = Field(default=60.0, gt=0, description="Longest wait for the upstream's next byte.")
    upstream_connect_timeout_s: float = Field(default=5.0, gt=0)
    max_body_bytes: int = Field(default=4 * 1024 * 1024, ge=1024, description="Larger request bodies get 413.")
    max_batch: int = Field(default=256, ge=1, description="Most inputs in one /v1/guard/batch or /v1/moderations call.")
    audit: bool = Field(default=True, description="Write an audit row per decision.")
    audit_input: AuditInput = Field(default="redacted", description="How the audit log keeps the input: redacted | full | none (hash only).")
    retention_days: float = Field(default=30.0, ge=0, description="Audit rows older than this are deleted (0 keeps them forever).")
    vault_ttl_s: float = Field(default=3600.0, gt=0, description="How long a vault redaction can be restored.")
    detectors: list[str] | None = Field(default=None, description="Detector names; default: every registered default detector.")
    keys_refresh_s: float = Field(default=5.0, gt=0, description="How often a worker re-reads the API keys table.")
    workers: int = Field(default=1, ge=1, description="Worker processes (rate limits are split between them).")

    @classmethod
    def from_env(cls, **over) -> Settings:
        data: dict = {}
        for name, field in cls.model_fields.items():
            raw = os.environ.get(f"RAILGUARD_{name.upper()}")
            if raw is None:
                continue
            if name == "detectors":
                data[name] = [d.strip() for d in raw.split(",") if d.strip()]
            elif field.annotation is bool:
                data[name] = raw.strip().lower() in ("1", "true", "yes", "on")
            else:
                data[name] = raw
        data.update({k: v for k, v in over.items() if v is not None})
        return cls.model_validate(data)

    def to_env(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for name in type(self).model_fields:
            v = getattr(self, name)
            if v is None:
                continue
            out[f"RAILGUARD_{name.upper()}"] = ",".join(v) if isinstance(v, list) else str(v).lower() if isinstance(v, bool) else str(v)
        return out

    @property
    def db_url(self) -> str:
        return normalize_url(self.db)

"""Routes for the other guards: agent plans (/v1/agents/check), web actions (/v1/web/assess) and media in /v1/guard.

Their decisions go to the same audit log as text verdicts, mapped onto a Verdict: an agent's `ask_user`
is a flag, a web action's LOW is controversial and HIGH unsafe.
"""

from __future__ import annotations

import base64
import binascii
import json
from functools import lru_cache
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from railguard.verdict import Verdict


class AgentCheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    trajectory: Any = Field(description="An agent history with its proposed next step(s), in any supported planner format.")
    format: str = Field(default="auto", description="auto | openai | anthropic | langchain | react | mcp | plan")
    tools: list[dict[str, Any]] | None = Field(default=None, description="Tool specs the agent may use (optional).")


class MediaRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    data: str = Field(description="base64 content, or a data: URL")
    prompt: str | None = None


@lru_cache(maxsize=1)
def _agent_guard():
    from railguard.agents import AgentGuard

    return AgentGuard()


@lru_cache(maxsize=1)
def _web_guard():
    from railguard.web import WebGuard

    return WebGuard()


def decode_base64(data: str, what: str) -> bytes:
    from railguard.server.app import ServiceError

    payload = data.split(",", 1)[1] if data.startswith("data:") and "," in data[:200] else data
    try:
        return base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise ServiceError(422, f"{what} is not valid base64", "invalid_request_error", f"invalid_{what}") from None


def add_extra_routes(app: FastAPI, st: Any, authenticate: Any) -> None:
    from railguard.agents.adapters import AdapterError
    from railguard.server.app import ERROR_RESPONSES, Principal, ServiceError
    from railguard.web.schema import WebInputError

    @app.post("/v1/agents/check", tags=["agents"], responses=ERROR_RESPONSES)
    async def agents_check(req: AgentCheckRequest, request: Request, p: Principal = Depends(authenticate)) -> Response:
        """Judge an agent's proposed next step(s) before they run (risk types, step, rationale)."""
        try:
            v = await st.runner.call(lambda: _agent_guard().check(req.trajectory, tools=req.tools, format=req.format))
        except AdapterError as e:
            raise ServiceError(422, str(e), "invalid_request_error", "invalid_trajectory") from None
        action = {"allow": "allow", "ask_user": "flag", "block": "block"}[v.action]
        audit_v = Verdict(label=v.label, action=action, categories=list(v.risk_types), rationale=v.rationale,
                          latency_ms=v.latency_ms, policy="agentguard")
        await st.audit("/v1/agents/check", request, p, [audit_v], [json.dumps(req.trajectory, ensure_ascii=False, default=str)[:20000]])
        return Response(v.model_dump_json(), media_type="application/json")

    @app.post("/v1/web/assess", tags=["web"], responses=ERROR_RESPONSES)
    async def web_assess(request: Request, p: Principal = Depends(authenticate)) -> Response:
        """SAFE / LOW / HIGH risk of a web agent's proposed action, given the page."""
        try:
            body = json.loads(await request.body())
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise ServiceError(422, f"body is not valid JSON: {e}", "invalid_request_error", "invalid_body") from None
        try:
            a = await st.runner.call(_web_guard().assess, body)
        except WebInputError as e:
            raise ServiceError(422, str(e), "invalid_request_error", "invalid_action") from None
        label = {"SAFE": "safe", "LOW": "controversial", "HIGH": "unsafe"}[a.label]
        action = {"SAFE": "allow", "LOW": "flag", "HIGH": "block"}[a.label]
        audit_v = Verdict(label=label, action=action, categories=[f"web_{a.label.lower()}"], rationale=a.rationale,
                          latency_ms=a.latency_ms, policy="webguard")
        await st.audit("/v1/web/assess", request, p, [audit_v], [json.dumps(body, ensure_ascii=False, default=str)[:20000]])
        return Response(a.model_dump_json(), media_type="application/json")

    async def _media(kind: str, req: MediaRequest, request: Request, p: Principal) -> Response:
        data = decode_base64(req.data, kind)
        fn = p.guard.check_image if kind == "image" else p.guard.check_audio
        try:
            v = await st.runner.call(fn, data, req.prompt)
        except ValueError as e:
            raise ServiceError(422, f"{kind}: {e}", "invalid_request_error", f"invalid_{kind}") from None
        await st.audit(f"/v1/guard/{kind}", request, p, [v], [v.text or f"<{kind} {len(data)} bytes>"])
        return Response(v.model_dump_json(), media_type="application/json")

    @app.post("/v1/guard/image", tags=["guard"], response_model=Verdict, responses=ERROR_RESPONSES)
    async def guard_image(req: MediaRequest, request: Request, p: Principal = Depends(authenticate)) -> Response:
        """A Verdict for an image (PNG, JPEG, WebP, GIF) given as base64 or a data: URL."""
        return await _media("image", req, request, p)

    @app.post("/v1/guard/audio", tags=["guard"], response_model=Verdict, responses=ERROR_RESPONSES)
    async def guard_audio(req: MediaRequest, request: Request, p: Principal = Depends(authenticate)) -> Response:
        """A Verdict for an audio clip (WAV, MP3, FLAC, OGG) given as base64."""
        return await _media("audio", req, request, p)

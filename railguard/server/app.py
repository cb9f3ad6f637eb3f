"""The HTTP service: a FastAPI app around one Guard loaded at start-up."""

from __future__ import annotations

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

from railguard import __version__
from railguard.guard import Guard, InputError
from railguard.verdict import Verdict


class GuardRequest(BaseModel):
    text: str = Field(description="The prompt, or the model response when `prompt` is given.")
    prompt: str | None = Field(default=None, description="The prompt a response answers.")


def create_app(policy: str = "default", guard: Guard | None = None) -> FastAPI:
    g = guard or Guard(policy=policy)
    app = FastAPI(title="railguard", version=__version__)
    app.state.guard = g

    @app.get("/healthz")
    def healthz() -> dict:
        return {"status": "ok", "version": __version__, "policy": g.policy.name,
                "detectors": [d.name for d in g.detectors]}

    @app.post("/v1/guard", response_model=Verdict)
    def guard_text(req: GuardRequest) -> Verdict:
        try:
            return g.check(req.text, prompt=req.prompt)
        except InputError as e:
            raise HTTPException(status_code=422, detail=str(e)) from None

    return app

"""The HTTP service: a FastAPI app around one Guard loaded at start-up (before workers fork).

`create_app(settings)` loads the guard and migrates the database in the calling process; everything
that must not cross a fork (database connections, threads, the upstream HTTP client) starts in the
lifespan, i.e. in each worker.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import ipaddress
import json
import logging
import os
import secrets
import sys
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import anyio
import httpx
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from railguard import __version__
from railguard.guard import PRIVACY_DETECTORS, Guard, InputError
from railguard.policy import PolicyError, load_policy
from railguard.redact import restore as restore_text
from railguard.server import metrics
from railguard.server.audit import AuditError, AuditWriter, Decision, vault_get, vault_put
from railguard.server.db import make_engine, migrate, redact_url
from railguard.server.keys import KeyCache, KeyInfo, RateLimiter
from railguard.server.memo import memoize_privacy
from railguard.server.middleware import ServiceMiddleware
from railguard.server.runner import INLINE_CHARS, GuardRunner
from railguard.server.schemas import (
    BatchRequest,
    BatchResponse,
    BatchResult,
    ErrorResponse,
    GuardRequest,
    ModerationRequest,
    ModerationResponse,
    RedactRequest,
    RedactResponse,
    RestoreRequest,
    RestoreResponse,
    TextPart,
)
from railguard.server.settings import Settings
from railguard.taxonomy import CATEGORIES, OPENAI_CATEGORIES, from_openai
from railguard.verdict import Verdict

log = logging.getLogger("railguard.server")

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorResponse, "description": "Missing or unknown API key."},
    413: {"model": ErrorResponse, "description": "Body larger than the server's limit."},
    422: {"model": ErrorResponse, "description": "Malformed JSON or a field of the wrong type."},
    429: {"model": ErrorResponse, "description": "Over the key's rate limit."},
}
# railguard categories with no OpenAI moderation name: reported under their own id.
EXTRA_CATEGORIES = tuple(c for c in CATEGORIES.values() if not c.openai)


class ServiceError(HTTPException):
    def __init__(self, status: int, message: str, type_: str, code: str | None = None, headers: dict | None = None,
                 extra: dict | None = None) -> None:
        super().__init__(status_code=status, detail=message, headers=headers)
        self.type_ = type_
        self.code = code
        self.extra = extra or {}


@dataclass
class Principal:
    key: KeyInfo | None
    guard: Guard

    @property
    def key_id(self) -> str | None:
        return self.key.id if self.key else None


class ServiceState:
    """What a worker holds: settings, guards (one per policy, sharing the detectors), store, threads."""

    def __init__(self, settings: Settings, guard: Guard) -> None:
        self.settings = settings
        self.guard = guard
        self._guards: dict[str, Guard] = {guard.policy.name: guard, settings.policy: guard}
        self.engine = None
        self.writer: AuditWriter | None = None
        self.keys: KeyCache | None = None
        self.limiter = RateLimiter(settings.workers)
        self.runner = GuardRunner()
        self.http: httpx.AsyncClient | None = None
        self.tasks: set[asyncio.Task] = set()
        self.refresher: asyncio.Task | None = None

    def guard_for(self, policy: str) -> Guard:
        g = self._guards.get(policy)
        if g is None:
            try:
                g = Guard(policy=load_policy(policy), detectors=self.guard.detectors)
            except PolicyError as e:
                raise ServiceError(500, f"the API key's policy cannot be loaded: {e}", "server_error", "bad_key_policy") from None
            self._guards[policy] = g
        return g

    def start(self) -> None:
        s = self.settings
        self.engine = make_engine(s.db_url)
        self.keys = KeyCache(self.engine)
        self.keys.refresh()  # fails start-up loudly when the database cannot be read
        if s.audit:
            self.writer = AuditWriter(self.engine, s.audit_input, redact=self._redact_for_audit,
                                      retention_days=s.retention_days, on_error=metrics.AUDIT_ERRORS.inc)
            self.writer.start()
        self.runner.start()
        self.http = httpx.AsyncClient(
            timeout=httpx.Timeout(s.upstream_timeout_s, connect=s.upstream_connect_timeout_s),
            limits=httpx.Limits(max_connections=256, max_keepalive_connections=32))

    async def refresh_keys_forever(self) -> None:
        while True:
            await asyncio.sleep(self.settings.keys_refresh_s)
            try:
                await anyio.to_thread.run_sync(self.keys.refresh)
            except Exception as e:  # keep the keys we have; say so
                log.warning("cannot re-read API keys (keeping the %s s old set): %s", self.settings.keys_refresh_s, e)

    def spawn(self, coro) -> asyncio.Task:
        """A background task that is kept referenced until it is done."""
        task = asyncio.get_running_loop().create_task(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return task

    async def stop(self) -> None:
        if self.refresher is not None:
            self.refresher.cancel()
        pending = [t for t in self.tasks if t is not self.refresher]
        if pending:  # streams' final verdicts still being judged and logged
            await asyncio.wait(pending, timeout=10)
        if self.http is not None:
            await self.http.aclose()
        self.runner.stop()
        if self.writer is not None:
            self.writer.stop()
        if self.engine is not None:
            self.engine.dispose()

    def _redact_for_audit(self, text: str) -> str:
        return self.guard.redact(text, operator="placeholder").text

    def decisions(self, route: str, request: Request, key_id: str | None, verdicts: list[Verdict], texts: list[str]) -> list[Decision]:
        rid = request.scope.get("state", {}).get("request_id", "")
        out = []
        for v, t in zip(verdicts, texts, strict=True):
            d = Decision(route, rid, key_id, v, t)
            if self.settings.audit_input == "redacted" and len(t) <= INLINE_CHARS:
                # short inputs are redacted here, on the loop: cheaper than contending with the writer thread
                # for the GIL; long ones are redacted by the writer thread
                try:
                    d.stored, d.prepared = self._redact_for_audit(t), True
                except Exception as e:
                    log.warning("audit redaction failed (%s); keeping the hash only", e)
                    d.stored, d.prepared = None, True
            out.append(d)
        return out

    async def audit(self, route: str, request: Request, principal: Principal, verdicts: list[Verdict], texts: list[str],
                    wait: bool = True) -> None:
        if self.writer is None or not verdicts:
            return
        ds = self.decisions(route, request, principal.key_id, verdicts, texts)
        if not wait:
            self.writer.write_nowait(ds)
            return
        try:
            await self.writer.write(ds)
        except AuditError as e:  # the decision stands; the failure is logged and counted
            log.error("%s", e)


def _client_is_loopback(request: Request) -> bool:
    host = request.client.host if request.client else ""
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return host == "localhost"
    mapped = getattr(ip, "ipv4_mapped", None)  # ::ffff:127.0.0.1 on a dual-stack socket
    return ip.is_loopback or bool(mapped and mapped.is_loopback)


async def authenticate(request: Request) -> Principal:
    st: ServiceState = request.app.state.rg
    assert st.keys is not None
    if not st.keys.enabled():
        if not _client_is_loopback(request):
            metrics.AUTH_FAILURES.labels("no_keys_remote").inc()
            raise ServiceError(401, "no API keys are configured, so this service only answers on loopback; "
                                    "create one with `railguard keys create`", "authentication_error", "no_keys")
        return Principal(None, st.guard)
    auth = request.headers.get("authorization", "")
    token = auth[7:].strip() if auth[:7].lower() == "bearer " else request.headers.get("x-api-key", "").strip()
    if not token:
        metrics.AUTH_FAILURES.labels("missing").inc()
        raise ServiceError(401, "missing API key: send `Authorization: Bearer <key>`", "authentication_error", "missing_api_key",
                           headers={"WWW-Authenticate": "Bearer"})
    info = st.keys.lookup(token)
    if info is None:
        metrics.AUTH_FAILURES.labels("unknown").inc()
        raise ServiceError(401, "unknown or revoked API key", "authentication_error", "invalid_api_key",
                           headers={"WWW-Authenticate": "Bearer"})
    ok, wait = st.limiter.allow(info)
    if not ok:
        metrics.AUTH_FAILURES.labels("rate_limited").inc()
        raise ServiceError(429, f"rate limit of {info.rate_limit} requests per minute exceeded for key {info.id}; retry in {wait:.1f} s",
                           "rate_limit_error", "rate_limit_exceeded", headers={"Retry-After": str(max(1, int(wait + 0.999)))})
    return Principal(info, st.guard_for(info.policy))


def _validation_message(errors: list[dict]) -> str:
    parts = []
    for e in errors[:5]:
        loc = ".".join(str(p) for p in e.get("loc", ()) if p != "body") or "body"
        if e.get("type") == "json_invalid":
            ctx = e.get("ctx", {}).get("error", "")
            parts.append(f"body is not valid JSON{': ' + str(ctx) if ctx else ''}")
        else:
            parts.append(f"{loc}: {e.get('msg', 'invalid')}")
    more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
    return "; ".join(parts) + more


def check_unicode(*texts: str | None) -> None:
    """JSON can carry lone surrogates (\\ud800) that are not Unicode text: refuse them at the door with 422,
    rather than fail later in a detector, the database or the response encoder."""
    for t in texts:
        if t is None:
            continue
        try:
            t.encode("utf-8")
        except UnicodeEncodeError as e:
            raise InputError(f"text has a lone surrogate at character {e.start} (not valid Unicode)") from None


def _json(data: Any, status: int = 200) -> Response:
    return Response(json.dumps(data, ensure_ascii=False), status_code=status, media_type="application/json")


def moderation_result(v: Verdict, input_type: str = "text") -> dict[str, Any]:
    fired = set(v.categories)
    cats: dict[str, bool] = {}
    scores: dict[str, float] = {}
    for name in OPENAI_CATEGORIES:
        cid = from_openai(name)
        cats[name] = cid in fired
        scores[name] = float(v.scores.get(cid, 0.0)) if cid else 0.0
    for c in EXTRA_CATEGORIES:
        cats[c.id] = c.id in fired
        scores[c.id] = float(v.scores.get(c.id, 0.0))
    for cid, p in v.scores.items():  # categories a policy's deny-list or a new detector adds
        if cid not in CATEGORIES:
            cats[cid] = cid in fired
            scores[cid] = float(p)
    return {
        "flagged": v.label != "safe",
        "categories": cats,
        "category_scores": scores,
        "category_applied_input_types": {name: [input_type] for name in cats},
        "railguard": {"label": v.label, "action": v.action, "categories": v.categories, "rationale": v.rationale,
                      "policy": v.policy, "spans": [s.model_dump(exclude_none=True) for s in v.spans]},
    }


def _decode_data_url(url: str) -> bytes:
    if not url.startswith("data:") or ";base64," not in url[:100]:
        raise ServiceError(422, "image_url.url must be a data: URL with base64 content; the service fetches nothing remote",
                           "invalid_request_error", "unsupported_image_url")
    try:
        return base64.b64decode(url.split(",", 1)[1], validate=True)
    except (binascii.Error, ValueError):
        raise ServiceError(422, "image_url.url is not valid base64", "invalid_request_error", "invalid_image") from None


def create_app(settings: Settings | None = None, guard: Guard | None = None, *, migrate_db: bool = True) -> FastAPI:
    s = settings or Settings.from_env()
    g = guard or Guard(policy=s.policy, detectors=s.detectors)
    if s.audit and s.audit_input == "redacted":
        # the audit log's redaction of an input reuses the PII/secrets findings of its check
        g.detectors = memoize_privacy(g.detectors, PRIVACY_DETECTORS)
    # Load lazily-loaded models now, in this process, so that forked workers share them.
    g.check("warm up the models before the workers fork")
    g.redact("warm up")
    if migrate_db:
        migrate(s.db_url)
    st = ServiceState(s, g)
    built_in = os.getpid()  # a worker forked after this shares the warmed-up guard (and its models)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # The audit writer (and the guard thread for long inputs) wait for the GIL each time the driver
        # gives it up; under load the event loop holds it until the switch interval ends (5 ms by default),
        # which would add that much to every group commit an answer waits for.
        sys.setswitchinterval(0.001)
        st.start()
        st.refresher = st.spawn(st.refresh_keys_forever())
        log.info("railguard %s: policy %s, detectors %s, audit %s, upstream %s", __version__, g.policy.name,
                 ",".join(d.name for d in g.detectors), redact_url(s.db_url) if s.audit else "off", s.upstream or "-")
        try:
            yield
        finally:
            await st.stop()
            if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
                from prometheus_client import multiprocess

                multiprocess.mark_process_dead(os.getpid())

    app = FastAPI(
        title="railguard", version=__version__, lifespan=lifespan,
        description="Guardrails for LLM applications: an OpenAI-compatible moderation API, verdicts with reasons, "
                    "redaction, and a guarding proxy for chat completions. Auth: `Authorization: Bearer <key>` when keys exist.",
    )
    app.state.rg = st
    app.add_middleware(ServiceMiddleware, max_body_bytes=s.max_body_bytes)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if isinstance(exc, ServiceError):
            body = {"error": {"message": exc.detail, "type": exc.type_, "code": exc.code, "param": None, **exc.extra}}
        else:
            kind = {401: "authentication_error", 404: "not_found_error", 405: "invalid_request_error"}.get(exc.status_code, "invalid_request_error")
            body = {"error": {"message": str(exc.detail), "type": kind, "code": None, "param": None}}
        return JSONResponse(body, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = list(exc.errors())
        return JSONResponse({"error": {"message": _validation_message(errors), "type": "invalid_request_error",
                                       "code": "invalid_body", "param": None}}, status_code=422)

    @app.exception_handler(InputError)
    async def _input_error(request: Request, exc: InputError) -> Response:
        return JSONResponse({"error": {"message": str(exc), "type": "invalid_request_error", "code": "invalid_input",
                                       "param": None}}, status_code=422)

    # ------------------------------------------------------------------------------------ health
    @app.get("/healthz", tags=["ops"])
    def healthz() -> dict:
        """Liveness and what this worker runs."""
        return {"status": "ok", "version": __version__, "policy": g.policy.name, "pid": os.getpid(),
                "models_loaded_before_fork": os.getpid() != built_in,
                "detectors": [d.name for d in g.detectors], "upstream": bool(s.upstream), "audit": s.audit}

    @app.get("/metrics", tags=["ops"], response_class=Response)
    def prom_metrics() -> Response:
        """Prometheus metrics (`railguard_*`), aggregated over all workers."""
        data, ctype = metrics.render()
        return Response(data, media_type=ctype)

    # ------------------------------------------------------------------------------------ judging
    async def _judge(route: str, request: Request, p: Principal, texts: list[str], prompts: list[str | None]) -> list[Verdict]:
        check_unicode(*texts, *prompts)
        t0 = time.perf_counter()
        verdicts = await st.runner.check(p.guard, texts, prompts)
        per = (time.perf_counter() - t0) * 1000.0 / max(1, len(texts))
        for v in verdicts:
            metrics.observe_verdict(route, v.label, v.action, v.categories, v.latency_ms or per)
        await st.audit(route, request, p, verdicts, texts)
        return verdicts

    @app.post("/v1/moderations", tags=["moderation"], response_model=ModerationResponse, responses=ERROR_RESPONSES)
    async def moderations(req: ModerationRequest, request: Request, p: Principal = Depends(authenticate)) -> Response:
        """OpenAI's moderation API: `input` is a string, a list of strings, or multi-modal parts.

        railguard's categories are mapped onto OpenAI's names; the categories OpenAI has no name for
        (sexism, pii, prompt_injection, jailbreak, unethical, political, copyright) are added under their own.
        """
        items = [req.input] if isinstance(req.input, str) else list(req.input)
        if not items:
            raise ServiceError(422, "input is empty", "invalid_request_error", "empty_input")
        if len(items) > s.max_batch:
            raise ServiceError(413, f"input has {len(items)} items; the limit is {s.max_batch}", "request_too_large", "too_many_inputs")
        texts: list[str] = []
        images: list[tuple[int, bytes]] = []
        for i, it in enumerate(items):
            if isinstance(it, str):
                texts.append(it)
            elif isinstance(it, TextPart):
                texts.append(it.text)
            else:
                images.append((i, _decode_data_url(it.image_url.url)))
        results: list[dict | None] = [None] * len(items)
        text_idx = [i for i, it in enumerate(items) if isinstance(it, str | TextPart)]
        if texts:
            for i, v in zip(text_idx, await _judge("/v1/moderations", request, p, texts, [None] * len(texts)), strict=True):
                results[i] = moderation_result(v)
        for i, data in images:
            try:
                v = await st.runner.call(p.guard.check_image, data)
            except (NotImplementedError, ImportError) as e:
                raise ServiceError(422, f"image moderation is not available: {e}", "invalid_request_error", "image_unsupported") from None
            except ValueError as e:
                raise ServiceError(422, f"input[{i}]: {e}", "invalid_request_error", "invalid_image") from None
            metrics.observe_verdict("/v1/moderations", v.label, v.action, v.categories, v.latency_ms)
            await st.audit("/v1/moderations", request, p, [v], [v.text or f"<image {len(data)} bytes>"])
            results[i] = moderation_result(v, "image")
        return _json({"id": "modr-" + secrets.token_hex(12), "model": req.model or f"railguard-{__version__}", "results": results})

    @app.post("/v1/guard", tags=["guard"], response_model=Verdict, responses=ERROR_RESPONSES)
    async def guard_text(req: GuardRequest, request: Request, p: Principal = Depends(authenticate)) -> Response:
        """A Verdict for a prompt, or for a response when `prompt` is given."""
        v = (await _judge("/v1/guard", request, p, [req.text], [req.prompt]))[0]
        return Response(v.model_dump_json(), media_type="application/json")

    @app.post("/v1/guard/batch", tags=["guard"], response_model=BatchResponse, responses=ERROR_RESPONSES)
    async def guard_batch(req: BatchRequest, request: Request, p: Principal = Depends(authenticate)) -> Response:
        """Verdicts for many inputs at once, in order (models batch them)."""
        if len(req.items) > s.max_batch:
            raise ServiceError(413, f"batch has {len(req.items)} items; the limit is {s.max_batch}", "request_too_large", "batch_too_large")
        verdicts = await _judge("/v1/guard/batch", request, p, [it.text for it in req.items], [it.prompt for it in req.items]) if req.items else []
        out = BatchResponse(results=[BatchResult(id=it.id, verdict=v) for it, v in zip(req.items, verdicts, strict=True)])
        return Response(out.model_dump_json(), media_type="application/json")

    @app.post("/v1/redact", tags=["redaction"], response_model=RedactResponse, responses=ERROR_RESPONSES)
    async def redact(req: RedactRequest, p: Principal = Depends(authenticate)) -> Response:
        """Replace personal data and secrets. With operator `vault` the mapping stays on the server (restore by `vault_id`)."""
        check_unicode(req.text)
        r = await st.runner.call(p.guard.redact, req.text, req.operator, inline=len(req.text) <= INLINE_CHARS)
        out = RedactResponse(text=r.text, entities=r.entities, operator=r.operator, mapping=r.mapping)
        if r.operator == "vault":
            out.mapping = {}
            # the originals stay on the server: entities name the type and place, not the value
            out.entities = [e.model_copy(update={"text": ""}) for e in out.entities]
            out.vault_id = secrets.token_urlsafe(18)
            if st.engine is not None:
                await anyio.to_thread.run_sync(vault_put, st.engine, out.vault_id, r.mapping, s.vault_ttl_s, p.key_id)
        return Response(out.model_dump_json(), media_type="application/json")

    @app.post("/v1/restore", tags=["redaction"], response_model=RestoreResponse, responses={**ERROR_RESPONSES, 404: {"model": ErrorResponse}})
    async def restore(req: RestoreRequest, p: Principal = Depends(authenticate)) -> Response:
        """Put the originals back into text that carries placeholders: by `vault_id`, or with the `mapping` /v1/redact returned."""
        if (req.vault_id is None) == (req.mapping is None):
            raise ServiceError(422, "give exactly one of vault_id and mapping", "invalid_request_error", "invalid_body")
        check_unicode(req.text, req.vault_id, *(req.mapping or {}).keys(), *(req.mapping or {}).values())
        mapping = req.mapping
        if req.vault_id is not None:
            mapping = await anyio.to_thread.run_sync(vault_get, st.engine, req.vault_id, p.key_id)
            if mapping is None:
                raise ServiceError(404, "unknown or expired vault_id", "not_found_error", "vault_not_found")
        return _json({"text": restore_text(req.text, mapping or {})})

    from railguard.server.proxy import add_proxy_routes

    add_proxy_routes(app, st, authenticate)
    from railguard.server.routes_extra import add_extra_routes

    add_extra_routes(app, st, authenticate)
    return app


def app_from_env() -> FastAPI:
    """Factory for ASGI servers: `uvicorn --factory railguard.server.app:app_from_env` (settings from RAILGUARD_*)."""
    return create_app(Settings.from_env())

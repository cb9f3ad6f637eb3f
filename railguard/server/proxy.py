"""`POST /v1/chat/completions`: a guarding proxy in front of any OpenAI-compatible upstream.

1. The input (user and tool messages) is judged; blocked input gets a 400 `content_filter` error and never
   reaches the upstream; input the policy redacts (personal data) is forwarded redacted.
2. The request goes upstream unchanged otherwise (tools, tool_choice and every other field pass through).
3. Without streaming the answer is judged per choice: blocked content is removed and the choice ends with
   `finish_reason: "content_filter"`; redacted content is replaced by its redaction.
4. With `"stream": true` every content delta goes through the stream guard as it is relayed; on a stop the
   triggering delta is withheld, the choice ends with `finish_reason: "content_filter"` and a `railguard`
   object (type, categories, offset where the unsafe stretch starts, message), and the upstream call is
   closed. tool_calls deltas pass through untouched. A client that disconnects cancels the upstream call.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import AsyncIterator
from typing import Any

import anyio
import httpx
from fastapi import Depends, FastAPI, Request
from fastapi.responses import StreamingResponse
from starlette.responses import Response

from railguard.guard import Guard
from railguard.server import metrics
from railguard.server.app import check_unicode
from railguard.verdict import Verdict

log = logging.getLogger("railguard.proxy")

INPUT_ROLES = ("user", "tool", "function")
HOP_HEADERS = {"content-length", "transfer-encoding", "connection", "keep-alive", "content-encoding"}


def _text_of(content: Any) -> str | None:
    """The text of a message's content: a string, or the text parts of a list of parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = [p.get("text") for p in content if isinstance(p, dict) and p.get("type") == "text" and isinstance(p.get("text"), str)]
        return "\n".join(parts) if parts else None
    return None


def _summary(v: Verdict) -> dict[str, Any]:
    return {"label": v.label, "action": v.action, "categories": v.categories, "rationale": v.rationale}


def _err(status: int, message: str, type_: str, code: str, **extra: Any) -> Response:
    return Response(json.dumps({"error": {"message": message, "type": type_, "code": code, "param": None, **extra}}),
                    status_code=status, media_type="application/json")


def _upstream_error(e: Exception, timeout_s: float) -> Response:
    if isinstance(e, httpx.TimeoutException):
        metrics.UPSTREAM_ERRORS.labels("timeout").inc()
        what = "connecting to" if isinstance(e, httpx.ConnectTimeout) else "waiting for"
        return _err(504, f"upstream timed out ({what} the upstream; read limit {timeout_s:g} s)", "upstream_error", "upstream_timeout")
    metrics.UPSTREAM_ERRORS.labels("unavailable").inc()
    return _err(502, f"upstream unavailable: {type(e).__name__}: {e or 'connection failed'}", "upstream_error", "upstream_unavailable")


def add_proxy_routes(app: FastAPI, st, authenticate) -> None:
    settings = st.settings

    def _headers(request: Request, principal) -> dict[str, str]:
        h = {"content-type": "application/json", "accept": request.headers.get("accept", "application/json")}
        if settings.upstream_api_key:
            h["authorization"] = f"Bearer {settings.upstream_api_key}"
        elif principal.key is None and request.headers.get("authorization"):
            h["authorization"] = request.headers["authorization"]  # keys off: the client's own upstream key
        for name in ("openai-organization", "openai-project"):
            if name in request.headers:
                h[name] = request.headers[name]
        return h

    async def _audit(request: Request, principal, route: str, verdicts: list[Verdict], texts: list[str], wait: bool = True) -> None:
        await st.audit(route, request, principal, verdicts, texts, wait=wait)

    @app.post("/v1/chat/completions", tags=["proxy"], responses={
        400: {"description": "The input was blocked by the policy (code content_filter)."},
        502: {"description": "Upstream unreachable."}, 504: {"description": "Upstream too slow."}})
    async def chat_completions(request: Request, principal=Depends(authenticate)) -> Response:
        """Guarding proxy for chat completions (OpenAI request and response shapes, streaming included)."""
        if not settings.upstream:
            return _err(503, "no upstream configured: start the service with --upstream URL", "server_error", "no_upstream")
        try:
            body = json.loads(await request.body())
        except (ValueError, RecursionError) as e:
            return _err(422, f"body is not valid JSON: {e}", "invalid_request_error", "invalid_body")
        if not isinstance(body, dict) or not isinstance(body.get("messages"), list) or not body["messages"]:
            return _err(422, "body must be a JSON object with a non-empty `messages` list", "invalid_request_error", "invalid_body")
        guard: Guard = principal.guard

        # ---- 1. input
        where: list[int] = []
        texts: list[str] = []
        for i, m in enumerate(body["messages"]):
            if not isinstance(m, dict):
                return _err(422, f"messages[{i}] must be an object", "invalid_request_error", "invalid_body")
            if m.get("role") in INPUT_ROLES:
                t = _text_of(m.get("content"))
                if t:
                    where.append(i)
                    texts.append(t)
        try:
            check_unicode(*texts)
        except ValueError as e:
            return _err(422, str(e), "invalid_request_error", "invalid_input")
        prompt = texts[-1] if texts else None
        in_verdicts: list[Verdict] = []
        if texts:
            in_verdicts = await st.runner.check(guard, texts, [None] * len(texts))
            for v in in_verdicts:
                metrics.observe_verdict("/v1/chat/completions:input", v.label, v.action, v.categories, v.latency_ms)
            await _audit(request, principal, "/v1/chat/completions:input", in_verdicts, texts)
            blocked = [v for v in in_verdicts if v.action == "block"]
            if blocked:
                cats = sorted({c for v in blocked for c in v.categories})
                return _err(400, f"the input was blocked by railguard policy '{guard.policy.name}': {blocked[0].rationale}",
                            "invalid_request_error", "content_filter",
                            railguard={"stage": "input", "categories": cats, "verdicts": [_summary(v) for v in blocked]})
            for i, v in zip(where, in_verdicts, strict=True):
                if v.action != "redact":
                    continue
                msg = body["messages"][i]
                if isinstance(msg.get("content"), str) and v.redacted_text is not None:
                    msg["content"] = v.redacted_text
                elif isinstance(msg.get("content"), list):
                    # the verdict's redaction covers the joined parts: redact each text part on its own
                    for part in msg["content"]:
                        if isinstance(part, dict) and part.get("type") == "text" and isinstance(part.get("text"), str):
                            part["text"] = (await st.runner.call(guard.redact, part["text"], None, inline=True)).text
                if i == where[-1]:
                    prompt = _text_of(msg.get("content"))

        url = settings.upstream.rstrip("/") + "/chat/completions"
        headers = _headers(request, principal)
        if body.get("stream"):
            return await _stream(request, principal, guard, url, headers, body, prompt, in_verdicts)

        # ---- 2./3. non-streaming
        try:
            resp = await st.http.post(url, content=json.dumps(body), headers=headers)
        except httpx.HTTPError as e:
            return _upstream_error(e, settings.upstream_timeout_s)
        if resp.status_code >= 400:
            return Response(resp.content, status_code=resp.status_code,
                            media_type=resp.headers.get("content-type", "application/json"))
        try:
            data = resp.json()
        except ValueError:
            metrics.UPSTREAM_ERRORS.labels("invalid_response").inc()
            return _err(502, "upstream returned a body that is not JSON", "upstream_error", "upstream_invalid_response")
        choices = data.get("choices") if isinstance(data, dict) else None
        out_idx: list[int] = []
        out_texts: list[str] = []
        for j, ch in enumerate(choices or []):
            msg = ch.get("message") if isinstance(ch, dict) else None
            t = _text_of(msg.get("content")) if isinstance(msg, dict) else None
            if t:
                out_idx.append(j)
                out_texts.append(t)
        out_verdicts: list[Verdict] = []
        if out_texts:
            out_verdicts = await st.runner.check(guard, out_texts, [prompt] * len(out_texts))
            for v in out_verdicts:
                metrics.observe_verdict("/v1/chat/completions:output", v.label, v.action, v.categories, v.latency_ms)
            await _audit(request, principal, "/v1/chat/completions:output", out_verdicts, out_texts)
            for j, v in zip(out_idx, out_verdicts, strict=True):
                ch = choices[j]
                if v.action == "block":
                    ch["message"]["content"] = None
                    ch["finish_reason"] = "content_filter"
                    ch["railguard"] = {"type": "content_filter", "categories": v.categories, "message": v.rationale}
                elif v.action == "redact" and v.redacted_text is not None and isinstance(ch["message"].get("content"), str):
                    ch["message"]["content"] = v.redacted_text
        if isinstance(data, dict):
            data["railguard"] = {"input": [_summary(v) for v in in_verdicts], "output": [_summary(v) for v in out_verdicts]}
        return Response(json.dumps(data), media_type="application/json")

    async def _stream(request: Request, principal, guard: Guard, url: str, headers: dict, body: dict, prompt: str | None,
                      in_verdicts: list[Verdict]) -> Response:
        headers = {**headers, "accept": "text/event-stream"}
        req = st.http.build_request("POST", url, content=json.dumps(body), headers=headers)
        try:
            resp = await st.http.send(req, stream=True)
        except httpx.HTTPError as e:
            return _upstream_error(e, settings.upstream_timeout_s)
        if resp.status_code >= 400:
            try:
                content = await resp.aread()
            finally:
                await resp.aclose()
            return Response(content, status_code=resp.status_code, media_type=resp.headers.get("content-type", "application/json"))

        relay = _StreamRelay(st, guard, prompt)

        async def events() -> AsyncIterator[bytes]:
            try:
                async for chunk in relay.run(resp):
                    yield chunk
            finally:
                # on a stop, the end, or a client that went away (cancelled): the upstream call ends here
                with anyio.CancelScope(shield=True):
                    await resp.aclose()
                finals = relay.finish_later(request, principal, _audit)
                if finals is not None:
                    # the close() of each session judges the whole response; not on the request's clock
                    st.spawn(finals)

        return _UpstreamStream(events(), resp, media_type="text/event-stream",
                               headers={"cache-control": "no-cache", "x-accel-buffering": "no"})


class _UpstreamStream(StreamingResponse):
    """Closes the upstream response however the relay ends, also when the client went away before the
    first chunk (the body generator, and its own cleanup, then never runs)."""

    def __init__(self, content, upstream: httpx.Response, **kw: Any) -> None:
        super().__init__(content, **kw)
        self._upstream = upstream

    async def __call__(self, scope, receive, send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            with anyio.CancelScope(shield=True):
                await self._upstream.aclose()


class _StreamRelay:
    """Relays one upstream SSE stream through one stream-guard session per choice."""

    def __init__(self, st, guard: Guard, prompt: str | None) -> None:
        self.st = st
        self.guard = guard
        self.prompt = prompt
        self.sessions: dict[int, Any] = {}
        self.stopped: set[int] = set()
        self.texts: dict[int, list[str]] = {}  # what each choice said, for the audit log (bounded)
        self.chars: dict[int, int] = {}
        self.max_chars = guard.policy.limits.max_chars

    def _session(self, idx: int):
        s = self.sessions.get(idx)
        if s is None:
            s = self.sessions[idx] = self.guard.stream(self.prompt)
        return s

    async def run(self, resp: httpx.Response) -> AsyncIterator[bytes]:
        try:
            async for line in resp.aiter_lines():
                if not line.startswith("data:"):
                    continue  # comments, event names and blank separators: we re-frame every event
                payload = line[5:].strip()
                if payload == "[DONE]":
                    break
                try:
                    chunk = json.loads(payload)
                except ValueError:
                    continue
                if not isinstance(chunk, dict):
                    continue
                stops: list[tuple[int, Any]] = []
                choices = chunk.get("choices")
                kept: list[Any] = []
                for ch in choices if isinstance(choices, list) else []:
                    if not isinstance(ch, dict):
                        kept.append(ch)
                        continue
                    idx = ch.get("index", 0)
                    if idx in self.stopped:
                        continue  # a stopped choice already had its content_filter ending
                    delta = ch.get("delta")
                    content = delta.get("content") if isinstance(delta, dict) else None
                    if isinstance(content, str) and content:
                        session = self._session(idx)
                        if self.chars.get(idx, 0) < self.max_chars:
                            self.texts.setdefault(idx, []).append(content)
                            self.chars[idx] = self.chars.get(idx, 0) + len(content)
                        state = await self.st.runner.call(session.feed, content, inline=True)  # a window is short
                        if state.stop:
                            self.stopped.add(idx)
                            stops.append((idx, state))
                            delta.pop("content", None)  # the delta that tipped the stream is withheld
                            if not (set(delta) - {"role"}):
                                continue
                    kept.append(ch)
                if isinstance(choices, list):
                    chunk["choices"] = kept
                # relay unless every choice it carried was dropped (a usage chunk has no choices: relayed)
                if kept or not choices:
                    yield _sse(chunk)
                for idx, state in stops:
                    for c in state.categories:
                        metrics.STREAM_STOPS.labels(c).inc()
                    yield _sse(_stop_chunk(chunk, idx, state, self.guard.policy.name))
                if stops and self._all_stopped(chunk):
                    break
        except httpx.TimeoutException:
            metrics.UPSTREAM_ERRORS.labels("timeout").inc()
            yield _sse({"error": {"message": f"upstream timed out mid-stream (read limit {self.st.settings.upstream_timeout_s:g} s)",
                                  "type": "upstream_error", "code": "upstream_timeout"}})
        except httpx.HTTPError as e:
            metrics.UPSTREAM_ERRORS.labels("unavailable").inc()
            yield _sse({"error": {"message": f"upstream failed mid-stream: {type(e).__name__}: {e}",
                                  "type": "upstream_error", "code": "upstream_unavailable"}})
        yield b"data: [DONE]\n\n"

    def _all_stopped(self, chunk: dict) -> bool:
        seen = {c.get("index", 0) for c in chunk.get("choices") or [] if isinstance(c, dict)} | set(self.sessions)
        return seen <= self.stopped

    def finish_later(self, request: Request, principal, audit):
        if not self.sessions:
            return None
        sessions = list(self.sessions.values())
        texts = ["".join(self.texts.get(i, []))[: self.max_chars] for i in self.sessions]

        async def finish() -> None:
            try:
                verdicts = [await self.st.runner.call(s.close) for s in sessions]
            except Exception as e:
                log.warning("stream guard close failed: %s", e)
                return
            for v in verdicts:
                metrics.observe_verdict("/v1/chat/completions:stream", v.label, v.action, v.categories, v.latency_ms)
            await audit(request, principal, "/v1/chat/completions:stream", verdicts, texts, wait=False)

        return finish()


def _sse(obj: dict) -> bytes:
    return b"data: " + json.dumps(obj).encode("ascii") + b"\n\n"  # ASCII: an upstream's lone surrogate stays escaped


def _stop_chunk(chunk: dict, idx: int, state, policy: str) -> dict:
    cats = list(state.categories)
    return {
        "id": chunk.get("id"), "object": "chat.completion.chunk", "created": chunk.get("created", int(time.time())),
        "model": chunk.get("model"),
        "choices": [{"index": idx, "delta": {}, "finish_reason": "content_filter", "logprobs": None}],
        "railguard": {
            "type": "content_filter", "code": "stream_stopped", "categories": cats, "offset": state.offset,
            "policy": policy,
            "message": f"railguard stopped the stream under policy '{policy}': {', '.join(cats) or 'unsafe content'}"
                       + (f" (the unsafe stretch starts at character {state.offset})" if state.offset is not None else ""),
        },
    }

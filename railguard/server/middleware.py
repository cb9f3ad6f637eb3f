"""One pure-ASGI middleware for every request: body size limit (413), request id, metrics.

Pure ASGI (not BaseHTTPMiddleware) so that streaming responses and client-disconnect messages pass
through untouched and the per-request overhead stays small.
"""

from __future__ import annotations

import json
import time
from random import getrandbits as _rand  # request ids need no crypto (and no syscall)
from typing import Any

from railguard.server import metrics

Scope = dict[str, Any]

KNOWN_ROUTES = frozenset({
    "/v1/moderations", "/v1/guard", "/v1/guard/batch", "/v1/redact", "/v1/restore", "/v1/chat/completions",
    "/healthz", "/metrics", "/docs", "/openapi.json",
})


def error_body(status: int, message: str, type_: str, code: str | None = None) -> bytes:
    return json.dumps({"error": {"message": message, "type": type_, "code": code, "param": None}}).encode()


class ServiceMiddleware:
    def __init__(self, app, max_body_bytes: int) -> None:
        self.app = app
        self.max_body = max_body_bytes

    async def __call__(self, scope: Scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        t0 = time.perf_counter()
        path = scope.get("path", "")
        route = path if path in KNOWN_ROUTES else "other"
        rid = _header(scope, b"x-request-id") or f"{_rand(64):016x}"
        rid = rid[:64]
        scope.setdefault("state", {})["request_id"] = rid
        status_holder = [500]

        async def send_wrapper(message) -> None:
            if message["type"] == "http.response.start":
                status_holder[0] = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", rid.encode("latin-1", "replace"))]
                metrics.REQUEST_LATENCY.labels(route).observe(time.perf_counter() - t0)
            await send(message)

        try:
            if scope["method"] in ("POST", "PUT", "PATCH"):
                # Every body this service takes is JSON: parse it as JSON whatever Content-Type a client sent
                # (curl -d sends form-urlencoded), so a bad body gets a JSON error rather than a type error.
                scope["headers"] = [(k, v) for k, v in scope.get("headers", ()) if k != b"content-type"]
                scope["headers"].append((b"content-type", b"application/json"))
                body_receive = await self._read_body(scope, receive, send_wrapper)
                if body_receive is None:
                    return
                await self.app(scope, body_receive, send_wrapper)
            else:
                await self.app(scope, receive, send_wrapper)
        finally:
            metrics.REQUESTS.labels(route, str(status_holder[0])).inc()

    async def _read_body(self, scope: Scope, receive, send):
        """Read the whole body (bounded), then replay it; later receives (disconnect) go to the server."""
        declared = _header(scope, b"content-length")
        if declared is not None:
            try:
                if int(declared) > self.max_body:
                    await _too_large(send, self.max_body)
                    return None
            except ValueError:
                pass
        chunks: list[bytes] = []
        size = 0
        while True:
            msg = await receive()
            if msg["type"] == "http.disconnect":
                return None
            chunk = msg.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await _too_large(send, self.max_body)
                return None
            chunks.append(chunk)
            if not msg.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return replay


def _header(scope: Scope, name: bytes) -> str | None:
    for k, v in scope.get("headers", ()):
        if k == name:
            return v.decode("latin-1")
    return None


async def _too_large(send, limit: int) -> None:
    body = error_body(413, f"request body is larger than the limit of {limit:,} bytes", "request_too_large", "request_too_large")
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})

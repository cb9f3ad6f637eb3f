"""A small OpenAI-compatible upstream for the service tests, and helpers that start real processes.

Run: `python tests/fake_upstream.py PORT`. The `model` field of a chat request picks the script:

- `safe`      answers SAFE_TEXT (streamed word by word with `"stream": true`)
- `unsafe`    answers UNSAFE_TEXT, whose middle trips the tests' deny-list policy ("build a bomb")
- `echo`      answers "You said: <last user message>"
- `tools`     answers with a tool call (no content)
- `slow`      waits 30 s before answering (the proxy's timeout must fire first)
- `endless`   streams a word every 50 ms forever (the proxy must cancel it when its client goes)
- `stall`     streams three words, then goes silent for 30 s
- `drop`      closes the connection without an answer
- `status418` answers HTTP 418 with an OpenAI-style error body

GET /stats returns what it saw: requests (the bodies), streams started, completed and cancelled.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

SAFE_TEXT = ("Paris is the capital of France. It sits on the Seine, and its museums hold some of the most famous "
             "paintings in the world. Spring is a lovely time to visit.")
UNSAFE_TEXT = ("Sure, here is the plan. First gather the parts from the hardware store. Then you build a bomb from them, "
               "step by step, and you build a bomb again to be sure. After that you hide everything in the garage and "
               "wait until the evening. Finally you clean up so nobody notices anything at all.")

STATS: dict = {"requests": [], "streams_started": 0, "streams_completed": 0, "streams_cancelled": 0}


def _chunk(model: str, delta: dict, finish: str | None = None) -> bytes:
    obj = {"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 1700000000, "model": model,
           "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}]}
    return b"data: " + json.dumps(obj).encode() + b"\n\n"


def _completion(model: str, message: dict, finish: str = "stop") -> dict:
    return {"id": "chatcmpl-fake", "object": "chat.completion", "created": 1700000000, "model": model,
            "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
            "usage": {"prompt_tokens": 5, "completion_tokens": 7, "total_tokens": 12}}


def _words(text: str) -> list[str]:
    parts = text.split(" ")
    return [p + (" " if i < len(parts) - 1 else "") for i, p in enumerate(parts)]


async def app(scope, receive, send) -> None:
    if scope["type"] == "lifespan":
        while True:
            msg = await receive()
            if msg["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif msg["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    path, method = scope["path"], scope["method"]
    if method == "GET" and path == "/stats":
        await _send_json(send, 200, STATS)
        return
    if method != "POST" or not path.endswith("/chat/completions"):
        await _send_json(send, 404, {"error": {"message": "not found", "type": "invalid_request_error"}})
        return
    body = b""
    while True:
        msg = await receive()
        body += msg.get("body", b"")
        if not msg.get("more_body"):
            break
    req = json.loads(body)
    STATS["requests"].append(req)
    model = req.get("model", "safe")
    if model == "slow":
        await asyncio.sleep(30)
    if model == "drop":  # promise a body, send half of it, then drop the connection
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", b"1000")]})
        await send({"type": "http.response.body", "body": b'{"id": "chatcmpl-', "more_body": True})
        raise RuntimeError("dropping the connection on purpose")
    if model == "status418":
        await _send_json(send, 418, {"error": {"message": "I'm a teapot", "type": "invalid_request_error", "code": "teapot"}})
        return
    last_user = next((m.get("content") for m in reversed(req["messages"]) if m.get("role") == "user"), "")
    text = {"safe": SAFE_TEXT, "unsafe": UNSAFE_TEXT, "echo": f"You said: {last_user}"}.get(model, SAFE_TEXT)
    if model == "tools":
        call = {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{\"city\": \"Paris\"}"}}
        if req.get("stream"):
            await _start_sse(send)
            await send({"type": "http.response.body", "body": _chunk(model, {"role": "assistant", "content": None, "tool_calls": [{"index": 0, **call}]}), "more_body": True})
            await send({"type": "http.response.body", "body": _chunk(model, {}, "tool_calls") + b"data: [DONE]\n\n"})
            return
        await _send_json(send, 200, _completion(model, {"role": "assistant", "content": None, "tool_calls": [call]}, "tool_calls"))
        return
    if not req.get("stream"):
        await _send_json(send, 200, _completion(model, {"role": "assistant", "content": text}))
        return
    STATS["streams_started"] += 1
    await _start_sse(send)
    try:
        await send({"type": "http.response.body", "body": _chunk(model, {"role": "assistant", "content": ""}), "more_body": True})
        if model == "endless":
            gone = asyncio.ensure_future(receive())  # completes with http.disconnect when the proxy hangs up
            i = 0
            while True:
                await asyncio.sleep(0.05)
                if gone.done():
                    STATS["streams_cancelled"] += 1
                    return
                await send({"type": "http.response.body", "body": _chunk(model, {"content": f"word{i} "}), "more_body": True})
                i += 1
        if model == "stall":
            for w in ("one ", "two ", "three "):
                await send({"type": "http.response.body", "body": _chunk(model, {"content": w}), "more_body": True})
            await asyncio.sleep(30)
        for w in _words(text):
            await send({"type": "http.response.body", "body": _chunk(model, {"content": w}), "more_body": True})
            await asyncio.sleep(0.002)
        tail = _chunk(model, {}, "stop")
        if (req.get("stream_options") or {}).get("include_usage"):
            usage = {"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 1700000000, "model": model,
                     "choices": [], "usage": {"prompt_tokens": 5, "completion_tokens": 30, "total_tokens": 35}}
            tail += b"data: " + json.dumps(usage).encode() + b"\n\n"
        await send({"type": "http.response.body", "body": tail + b"data: [DONE]\n\n"})
        STATS["streams_completed"] += 1
    except (asyncio.CancelledError, OSError):
        STATS["streams_cancelled"] += 1
        raise


async def _start_sse(send) -> None:
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/event-stream"), (b"cache-control", b"no-cache")]})


async def _send_json(send, status: int, obj) -> None:
    data = json.dumps(obj).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]})
    await send({"type": "http.response.body", "body": data})


# ------------------------------------------------------------------------------------- process helpers
REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Proc:
    """A child process serving HTTP on 127.0.0.1:port; stopped (SIGTERM, then SIGKILL) by `stop()`."""

    def __init__(self, args: list[str], port: int, log: Path, env: dict | None = None) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log = log
        self._logf = log.open("wb")
        self.proc = subprocess.Popen(args, stdout=self._logf, stderr=subprocess.STDOUT, cwd=REPO,
                                     env={**os.environ, **(env or {})}, start_new_session=True)

    def wait_ready(self, path: str = "/healthz", timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}:\n{self.log.read_text(errors='replace')[-3000:]}")
            try:
                if httpx.get(self.url + path, timeout=1.0).status_code < 500:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server not ready after {timeout} s:\n{self.log.read_text(errors='replace')[-3000:]}")

    def stop(self, timeout: float = 20.0) -> int | None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)
        self._logf.close()
        return self.proc.returncode


def start_upstream(tmp: Path) -> Proc:
    port = free_port()
    p = Proc([sys.executable, "-m", "uvicorn", "--app-dir", str(REPO / "tests"), "fake_upstream:app",
              "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning",
              "--timeout-graceful-shutdown", "1"], port, tmp / "upstream.log")
    p.wait_ready("/stats")
    return p


def start_service(tmp: Path, *args: str, name: str = "service", env: dict | None = None, ready: bool = True) -> Proc:
    port = free_port()
    if os.environ.get("RAILGUARD_TEST_DETECTORS"):  # e.g. pii,secrets: run the service tests with fewer detectors
        args = (*args, "--detectors", os.environ["RAILGUARD_TEST_DETECTORS"])
    p = Proc([sys.executable, "-m", "railguard.cli", "serve", "--port", str(port), *args], port, tmp / f"{name}.log", env)
    if ready:
        p.wait_ready()
    return p


def cli(*args: str):
    """Run a `railguard` command in this process (a subprocess would pay the start-up again)."""
    from typer.testing import CliRunner

    from railguard.cli import _load_plugins, app

    if not any(getattr(c, "name", None) == "audit" for c in app.registered_commands):
        _load_plugins()
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]) if len(sys.argv) > 1 else 8001, log_level="warning")

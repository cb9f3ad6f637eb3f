"""Hostile input against a real service process: every hostile body gets a 4xx and the service keeps serving.

The service here has a small body limit (64 KiB) and an upstream that is down (a closed port).
"""

from __future__ import annotations

import json
import random
import socket
import threading
import time

import httpx
import pytest
from fake_upstream import free_port, start_service

LIMIT = 64 * 1024
ROUTES = ("/v1/moderations", "/v1/guard", "/v1/guard/batch", "/v1/redact", "/v1/restore", "/v1/chat/completions")


@pytest.fixture(scope="module")
def svc(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("robust")
    dead = free_port()  # nothing listens here: the upstream is down
    p = start_service(tmp, "--db", str(tmp / "audit.db"), "--max-body", str(LIMIT), "--upstream", f"http://127.0.0.1:{dead}/v1",
                      "--upstream-timeout", "2")
    yield p
    p.stop()


def hostile_bodies(seed: int = 7) -> list[bytes]:
    rng = random.Random(seed)
    out: list[bytes] = [b"", b"null", b"[]", b"{}", b"0", b"\"text\"", b"{\"text\": ", b"{'text': 'hi'}", b"\xff\xfe\xfd",
                        b'{"text": "\xff\xfe"}', b'{"text": "a\\ud800b"}', b'{"text": 1e999999}', b'{"text": NaN}',
                        b'{"text": "x", "text": 5}', b'{"text": "hi", "surprise": 1}']
    out += [bytes(rng.randrange(256) for _ in range(rng.randrange(1, 2000))) for _ in range(12)]
    depth = 20_000
    out += [b"[" * depth + b"]" * depth, b'{"text": ' + b'{"a": ' * 5000 + b"1" + b"}" * 5001,
            b'{"items": ' + b"[" * 10_000 + b"]" * 10_000 + b"}"]
    wrong = [{"text": None}, {"text": 5}, {"text": ["a"]}, {"text": {"a": 1}}, {"prompt": "only a prompt"},
             {"input": 5}, {"input": [1, 2]}, {"input": [{"type": "text"}]}, {"input": [{"type": "audio", "x": 1}]},
             {"input": [{"type": "image_url", "image_url": {"url": "data:image/png;base64,!!!"}}]},
             {"items": "x"}, {"items": [{"text": 1}]}, {"items": [{"text": "a"}] * 300}, {"text": "x", "operator": "shred"},
             {"text": "x", "vault_id": "a", "mapping": {"<A>": "b"}}, {"text": "x", "vault_id": None}, {"messages": "hi"}, {"messages": []},
             {"messages": [1, 2]}, {"messages": [{"role": "user", "content": "\ud800"}]}, {"input": [], "model": "x"}]
    out += [json.dumps(w).encode() for w in wrong]
    out += [json.dumps({"text": "é" * (LIMIT // 2 + 10)}).encode(), json.dumps({"input": ["x" * 1000] * 70}).encode()]
    return out


def test_every_hostile_body_gets_a_4xx(svc):
    bodies = hostile_bodies()
    bad: list[str] = []
    with httpx.Client(base_url=svc.url, timeout=30) as c:
        for route in ROUTES:
            for i, body in enumerate(bodies):
                r = c.post(route, content=body, headers={"content-type": "application/json"})
                if not 400 <= r.status_code < 500:
                    bad.append(f"{route} body#{i} {body[:60]!r} -> {r.status_code} {r.text[:200]}")
                elif "error" not in r.json():
                    bad.append(f"{route} body#{i}: 4xx without an error object: {r.text[:200]}")
        assert c.get("/healthz").json()["status"] == "ok"
        ok = c.post("/v1/guard", json={"text": "still serving?"})
        assert ok.status_code == 200 and ok.json()["label"] == "safe"
    assert not bad, "\n".join(bad[:20])


def test_body_limit_413_declared_and_chunked(svc):
    huge = json.dumps({"text": "a" * (LIMIT * 4)}).encode()
    r = httpx.post(svc.url + "/v1/guard", content=huge)
    assert r.status_code == 413 and "limit" in r.json()["error"]["message"]

    def chunks():  # no Content-Length: the limit is enforced while reading
        yield b'{"text": "'
        for _ in range(200):
            yield b"a" * 1024
        yield b'"}'

    r = httpx.post(svc.url + "/v1/guard", content=chunks())
    assert r.status_code == 413


def test_upstream_down_gives_502_fast(svc):
    t0 = time.monotonic()
    r = httpx.post(svc.url + "/v1/chat/completions", json={"model": "m", "messages": [{"role": "user", "content": "hi"}]}, timeout=20)
    assert r.status_code == 502 and r.json()["error"]["code"] == "upstream_unavailable"
    r = httpx.post(svc.url + "/v1/chat/completions", json={"model": "m", "stream": True, "messages": [{"role": "user", "content": "hi"}]}, timeout=20)
    assert r.status_code == 502
    assert time.monotonic() - t0 < 10


def test_slowloris_and_garbage_connections_do_not_stop_service(svc):
    socks = []
    for _ in range(20):  # half-sent requests that never finish
        s = socket.create_connection(("127.0.0.1", svc.port))
        s.sendall(b"POST /v1/guard HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"text\":")
        socks.append(s)
    s = socket.create_connection(("127.0.0.1", svc.port))
    s.sendall(b"\x00\x01 not http at all \r\n\r\n")
    socks.append(s)
    results: list[int] = []

    def call():
        results.append(httpx.post(svc.url + "/v1/guard", json={"text": "hello"}, timeout=20).status_code)

    threads = [threading.Thread(target=call) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s in socks:
        s.close()
    assert results == [200] * 16


def test_refuses_non_loopback_without_keys(tmp_path):
    from fake_upstream import cli

    out = cli("serve", "--host", "0.0.0.0", "--port", str(free_port()), "--db", str(tmp_path / "k.db"))
    assert out.exit_code == 2 and "loopback" in out.output


def test_serve_usage_errors(tmp_path):
    from fake_upstream import cli

    out = cli("serve", "--port", str(free_port()), "--db", str(tmp_path / "p.db"), "--policy", str(tmp_path / "missing.yaml"))
    assert out.exit_code == 2 and "missing.yaml" in out.output
    out = cli("serve", "--port", str(free_port()), "--db", str(tmp_path / "p.db"), "--upstream", "localhost:11434")
    assert out.exit_code == 2 and "http://" in out.output
    out = cli("audit", "--db", str(tmp_path / "nothing-here.db"))
    assert out.exit_code == 2 and "no audit database" in out.output

"""The service end to end: real processes (the service under uvicorn, a fake OpenAI-compatible upstream),
called over HTTP with the official `openai` client and httpx.

The tests' policy adds a deny-list rule ("build a bomb" -> violence, block) so that blocking does not
depend on which models have landed; everything else (PII, the stream guard, redaction) is the real thing.
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import httpx
import openai
import pytest
from fake_upstream import SAFE_TEXT, UNSAFE_TEXT, cli, start_service, start_upstream

TEST_POLICY = """\
extends: default
name: test
deny:
  - {name: weapons, terms: ["build a bomb"], category: violence, action: block}
"""


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("server")
    policy = tmp / "test-policy.yaml"
    policy.write_text(TEST_POLICY)
    up = start_upstream(tmp)
    db = tmp / "audit.db"
    svc = start_service(tmp, "--db", str(db), "--policy", str(policy), "--upstream", up.url + "/v1",
                        "--upstream-timeout", "2", "--audit-input", "redacted")
    yield {"svc": svc, "up": up, "db": db, "tmp": tmp}
    svc.stop()
    up.stop()


@pytest.fixture(scope="module")
def client(stack) -> openai.OpenAI:
    return openai.OpenAI(base_url=stack["svc"].url + "/v1", api_key="unused-upstream-key", max_retries=0, timeout=20)


def upstream_requests(stack) -> list[dict]:
    return httpx.get(stack["up"].url + "/stats").json()["requests"]


# ---------------------------------------------------------------------------------------------- basics
def test_healthz_and_openapi(stack):
    h = httpx.get(stack["svc"].url + "/healthz").json()
    assert h["status"] == "ok" and h["policy"] == "test" and "pii" in h["detectors"]
    spec = httpx.get(stack["svc"].url + "/openapi.json").json()
    for route in ("/v1/moderations", "/v1/guard", "/v1/guard/batch", "/v1/redact", "/v1/restore", "/v1/chat/completions"):
        assert route in spec["paths"]
    assert httpx.get(stack["svc"].url + "/docs").status_code == 200


def test_moderations_with_openai_client(client):
    res = client.moderations.create(input="What is the capital of France?", model="omni-moderation-latest")
    r = res.results[0]
    assert r.flagged is False
    assert r.categories.harassment is False and r.category_scores.violence < 0.5
    extra = r.categories.model_extra or {}
    assert {"pii", "prompt_injection", "jailbreak", "sexism"} <= set(extra)

    res = client.moderations.create(input=["I will tell you how to build a bomb", "my email is jane.doe@example.com"])
    bomb, mail = res.results
    assert bomb.flagged and bomb.categories.violence and bomb.category_scores.violence == 1.0
    assert bomb.model_extra["railguard"]["action"] == "block"
    assert mail.flagged and mail.categories.model_extra["pii"] is True and mail.category_scores.model_extra["pii"] > 0.5
    assert mail.model_extra["railguard"]["action"] == "redact"


def test_moderations_multimodal_text_parts(stack):
    r = httpx.post(stack["svc"].url + "/v1/moderations", json={"input": [{"type": "text", "text": "hello there"}]})
    assert r.status_code == 200 and r.json()["results"][0]["flagged"] is False
    r = httpx.post(stack["svc"].url + "/v1/moderations", json={"input": [{"type": "image_url", "image_url": {"url": "https://example.com/x.png"}}]})
    assert r.status_code == 422 and "data: URL" in r.json()["error"]["message"]


def test_guard_and_batch(stack):
    url = stack["svc"].url
    v = httpx.post(url + "/v1/guard", json={"text": "Call me on +44 20 7946 0958 or mail bob@example.org"}).json()
    assert v["label"] == "unsafe" and v["action"] == "redact" and "pii" in v["categories"]
    assert "bob@example.org" not in v["redacted_text"]
    v = httpx.post(url + "/v1/guard", json={"text": "Then you build a bomb.", "prompt": "how do I make fireworks"}).json()
    assert v["role"] == "response" and v["action"] == "block" and "violence" in v["categories"]
    out = httpx.post(url + "/v1/guard/batch", json={"items": [{"text": "hi", "id": "a"}, {"text": "build a bomb", "id": 7}]}).json()
    assert [r["id"] for r in out["results"]] == ["a", 7]
    assert [r["verdict"]["action"] for r in out["results"]] == ["allow", "block"]


def test_redact_and_restore(stack):
    url = stack["svc"].url
    r = httpx.post(url + "/v1/redact", json={"text": "Write to alice@example.com today", "operator": "vault"}).json()
    assert "alice@example.com" not in json.dumps(r) and r["vault_id"] and r["mapping"] == {}
    answer = f"I will email {r['entities'][0]['replacement']} now."
    back = httpx.post(url + "/v1/restore", json={"text": answer, "vault_id": r["vault_id"]}).json()
    assert back["text"] == "I will email alice@example.com now."
    r = httpx.post(url + "/v1/redact", json={"text": "Write to alice@example.com today"}).json()
    assert r["mapping"] and r["vault_id"] is None
    back = httpx.post(url + "/v1/restore", json={"text": r["text"], "mapping": r["mapping"]}).json()
    assert back["text"] == "Write to alice@example.com today"
    miss = httpx.post(url + "/v1/restore", json={"text": "x", "vault_id": "nope"})
    assert miss.status_code == 404 and "vault_id" in miss.json()["error"]["message"]


# ---------------------------------------------------------------------------------------------- proxy
def test_proxy_safe_roundtrip(client):
    c = client.chat.completions.create(model="safe", messages=[{"role": "user", "content": "Tell me about Paris"}])
    assert c.choices[0].message.content == SAFE_TEXT and c.choices[0].finish_reason == "stop"
    assert c.model_extra["railguard"]["input"][0]["label"] == "safe"


def test_proxy_blocked_input_never_reaches_upstream(client, stack):
    before = len(upstream_requests(stack))
    with pytest.raises(openai.BadRequestError) as e:
        client.chat.completions.create(model="safe", messages=[{"role": "user", "content": "Explain how to build a bomb"}])
    assert e.value.code == "content_filter"
    assert "violence" in e.value.body["railguard"]["categories"]
    assert len(upstream_requests(stack)) == before


def test_proxy_forwards_redacted_input(client, stack):
    c = client.chat.completions.create(model="echo", messages=[{"role": "user", "content": "my mail is carol@example.net"}])
    sent = upstream_requests(stack)[-1]["messages"][-1]["content"]
    assert "carol@example.net" not in sent and "<EMAIL_1>" in sent
    assert "carol@example.net" not in c.choices[0].message.content


def test_proxy_redacts_text_parts(client, stack):
    client.chat.completions.create(model="echo", messages=[{"role": "user", "content": [
        {"type": "text", "text": "write to dan@example.org"}, {"type": "text", "text": "and say hi"}]}])
    parts = upstream_requests(stack)[-1]["messages"][-1]["content"]
    assert "dan@example.org" not in json.dumps(parts) and parts[1]["text"] == "and say hi"


def test_proxy_blocks_unsafe_output(client):
    c = client.chat.completions.create(model="unsafe", messages=[{"role": "user", "content": "How do I clean a garage?"}])
    ch = c.choices[0]
    assert ch.finish_reason == "content_filter" and not ch.message.content
    assert "violence" in ch.model_extra["railguard"]["categories"]


def test_proxy_stream_safe_is_relayed_whole(client):
    stream = client.chat.completions.create(model="safe", stream=True, messages=[{"role": "user", "content": "Paris?"}])
    chunks = list(stream)
    text = "".join(ch.choices[0].delta.content or "" for ch in chunks if ch.choices)
    assert text == SAFE_TEXT
    assert chunks[-1].choices[0].finish_reason == "stop"
    stream = client.chat.completions.create(model="safe", stream=True, stream_options={"include_usage": True},
                                            messages=[{"role": "user", "content": "Paris?"}])
    chunks = list(stream)
    assert chunks[-1].choices == [] and chunks[-1].usage.total_tokens == 35  # the usage chunk is relayed


def test_proxy_stream_unsafe_is_cut(client, stack):
    stream = client.chat.completions.create(model="unsafe", stream=True, messages=[{"role": "user", "content": "Garage tips?"}])
    chunks = list(stream)
    text = "".join(ch.choices[0].delta.content or "" for ch in chunks if ch.choices)
    last = chunks[-1]
    assert last.choices[0].finish_reason == "content_filter"
    rg = last.model_extra["railguard"]
    assert rg["type"] == "content_filter" and "violence" in rg["categories"]
    assert rg["offset"] is not None and UNSAFE_TEXT[rg["offset"]:].startswith("Then you build a bomb")
    # what reached the client is a prefix of the answer that stops before its end
    assert UNSAFE_TEXT.startswith(text) and len(text) < UNSAFE_TEXT.index("hide everything")


def test_proxy_tools_pass_through(client):
    tools = [{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}]
    c = client.chat.completions.create(model="tools", tools=tools, messages=[{"role": "user", "content": "Weather in Paris?"}])
    call = c.choices[0].message.tool_calls[0]
    assert call.function.name == "get_weather" and json.loads(call.function.arguments) == {"city": "Paris"}
    stream = client.chat.completions.create(model="tools", tools=tools, stream=True, messages=[{"role": "user", "content": "Weather?"}])
    calls = [tc for ch in stream if ch.choices for tc in (ch.choices[0].delta.tool_calls or [])]
    assert calls and calls[0].function.name == "get_weather"


def test_proxy_upstream_slow_gives_504_without_hanging(client):
    t0 = time.monotonic()
    with pytest.raises(openai.APIStatusError) as e:
        client.chat.completions.create(model="slow", messages=[{"role": "user", "content": "hi"}])
    assert e.value.status_code == 504 and "timed out" in e.value.message
    assert time.monotonic() - t0 < 10


def test_proxy_stream_stalled_upstream_ends_with_error(client):
    t0 = time.monotonic()
    got: list[str] = []
    with pytest.raises(openai.APIError) as e:
        for ch in client.chat.completions.create(model="stall", stream=True, messages=[{"role": "user", "content": "hi"}]):
            got.extend(c.delta.content or "" for c in ch.choices)
    assert "".join(got) == "one two three " and "timed out" in str(e.value)
    assert time.monotonic() - t0 < 10


def test_proxy_upstream_errors(client, stack):
    with pytest.raises(openai.APIStatusError) as e:
        client.chat.completions.create(model="drop", messages=[{"role": "user", "content": "hi"}])
    assert e.value.status_code == 502 and "upstream" in e.value.message
    with pytest.raises(openai.APIStatusError) as e:
        client.chat.completions.create(model="status418", messages=[{"role": "user", "content": "hi"}])
    assert e.value.status_code == 418 and "teapot" in e.value.message


def test_proxy_client_disconnect_cancels_upstream(stack):
    up = stack["up"].url
    before = httpx.get(up + "/stats").json()["streams_cancelled"]
    body = {"model": "endless", "stream": True, "messages": [{"role": "user", "content": "count"}]}
    with httpx.stream("POST", stack["svc"].url + "/v1/chat/completions", json=body, timeout=10) as r:
        got = 0
        for line in r.iter_lines():
            if line.startswith("data:"):
                got += 1
            if got >= 5:
                break
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if httpx.get(up + "/stats").json()["streams_cancelled"] > before:
            break
        time.sleep(0.1)
    assert httpx.get(up + "/stats").json()["streams_cancelled"] == before + 1


# ---------------------------------------------------------------------------------------------- errors
def test_malformed_and_wrong_types_get_422_with_message(stack):
    url = stack["svc"].url
    r = httpx.post(url + "/v1/guard", content=b'{"text": ')
    assert r.status_code == 422 and "not valid JSON" in r.json()["error"]["message"]
    r = httpx.post(url + "/v1/guard", json={"text": 5})
    assert r.status_code == 422 and "text" in r.json()["error"]["message"]
    r = httpx.post(url + "/v1/moderations", json={"input": []})
    assert r.status_code == 422
    big = httpx.post(url + "/v1/guard", json={"text": "word " * 300_000}, timeout=60)  # 1.5 MB: under the 4 MiB limit
    assert big.status_code == 200 and big.json()["action"] == "block" and "limit" in big.json()["rationale"]


# ---------------------------------------------------------------------------------------------- audit + metrics
def test_audit_rows_and_cli_export(stack):
    httpx.post(stack["svc"].url + "/v1/guard", json={"text": "audit me: dave@example.com"})
    con = sqlite3.connect(stack["db"])
    rows = con.execute("select route, label, action, input_text, input_sha256 from audit_log where input_text like 'audit me%'").fetchall()
    con.close()
    assert rows and rows[-1][:3] == ("/v1/guard", "unsafe", "redact")
    assert "dave@example.com" not in rows[-1][3] and len(rows[-1][4]) == 64
    out = cli("audit", "--db", str(stack["db"]), "--action", "block", "--format", "jsonl")
    assert out.exit_code == 0, out.output
    recs = [json.loads(line) for line in out.stdout.splitlines()]
    assert recs and all(r["action"] == "block" for r in recs)
    assert any(r["route"] == "/v1/chat/completions:input" for r in recs)
    csv_out = cli("audit", "--db", str(stack["db"]), "--category", "pii", "--format", "csv", "--limit", "3")
    lines = csv_out.stdout.splitlines()
    assert lines[0].startswith("id,ts,") and 1 <= len(lines) - 1 <= 3


def test_metrics(stack):
    text = httpx.get(stack["svc"].url + "/metrics").text
    assert 'railguard_requests_total{route="/v1/moderations",status="200"}' in text
    assert "railguard_decisions_total" in text and 'label="unsafe"' in text
    assert "railguard_request_latency_seconds_bucket" in text
    assert 'railguard_stream_stops_total{category="violence"}' in text


def test_make_serve_default_db_location():
    from railguard.server.db import DEFAULT_DB_FILE, default_db_url

    url = default_db_url()
    assert url.startswith("sqlite:///") and url.endswith(DEFAULT_DB_FILE) and "/railguard/" not in url.replace(str(Path.cwd()), "")


def test_retention_purges_old_rows_and_expired_vault_entries(tmp_path):
    from datetime import timedelta

    from sqlalchemy import func, insert, select

    from railguard.server.audit import purge, vault_get, vault_put
    from railguard.server.db import AuditRecord, make_engine, migrate, utcnow

    url = f"sqlite:///{tmp_path / 'r.db'}"
    migrate(url)
    eng = make_engine(url)
    row = {"request_id": "r", "route": "/v1/guard", "key_id": None, "policy": "default", "role": "prompt", "label": "safe",
           "action": "allow", "categories": [], "scores": {}, "latency_ms": 1.0, "input_sha256": "0" * 64, "input_chars": 1,
           "input_mode": "none", "input_text": None}
    with eng.begin() as c:
        c.execute(insert(AuditRecord), [{**row, "ts": utcnow() - timedelta(days=40)}, {**row, "ts": utcnow()}])
    vault_put(eng, "old", {"<A_1>": "a"}, ttl_s=-1, key_id=None)
    vault_put(eng, "new", {"<A_1>": "a"}, ttl_s=60, key_id=None)
    assert purge(eng, retention_days=30) == 1
    with eng.connect() as c:
        assert c.execute(select(func.count()).select_from(AuditRecord)).scalar() == 1
    assert vault_get(eng, "old", None) is None and vault_get(eng, "new", None) == {"<A_1>": "a"}
    assert vault_get(eng, "new", "key_other") is None  # another key cannot restore it
    eng.dispose()


def test_memoized_privacy_detectors_change_nothing():
    from railguard import Guard
    from railguard.guard import PRIVACY_DETECTORS
    from railguard.server.memo import MAX_CHARS, MemoDetector, memoize_privacy

    plain = Guard(detectors=["pii", "secrets"])
    memo = Guard(detectors=["pii", "secrets"])
    memo.detectors = memoize_privacy(memo.detectors, PRIVACY_DETECTORS)
    texts = ["mail me at bob@example.com, I am John Smith", "nothing personal here", "x" * (MAX_CHARS + 10) + " eve@example.com"]
    for t in texts:
        for prompt in (None, "who are you?"):
            a, b = plain.check(t, prompt=prompt), memo.check(t, prompt=prompt)
            assert a.model_dump(exclude={"latency_ms"}) == b.model_dump(exclude={"latency_ms"})
        assert plain.redact(t) == memo.redact(t)
    for _ in range(300):
        memo.check(f"{_} ann@example.com")
    assert all(len(d._memo) <= d.size for d in memo.detectors if isinstance(d, MemoDetector))

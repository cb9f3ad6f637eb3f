"""`railguard serve --workers 2` with API keys: auth, per-key policy and rate limits, metrics over all workers,
kill -9 of a worker (no half-written audit row, no acknowledged decision lost), graceful shutdown."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import threading
import time
from pathlib import Path

import httpx
import openai
import pytest
from fake_upstream import cli, start_service

KEY_POLICY = """\
extends: default
name: no-pineapple
deny:
  - {name: fruit, terms: [pineapple], category: unethical, action: block}
"""


def make_key(db: Path, *args: str) -> str:
    out = cli("keys", "create", "--db", str(db), *args)
    assert out.exit_code == 0, out.output
    return out.stdout.strip().splitlines()[0]


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("workers")
    db = tmp / "audit.db"
    policy = tmp / "no-pineapple.yaml"
    policy.write_text(KEY_POLICY)
    keys = {
        "plain": make_key(db, "--name", "plain", "--rate-limit", "0"),
        "fruit": make_key(db, "--name", "fruit", "--policy", str(policy)),
        "tight": make_key(db, "--name", "tight", "--rate-limit", "4"),
    }
    svc = start_service(tmp, "--workers", "2", "--db", str(db), "--audit-input", "full", env={"RAILGUARD_KEYS_REFRESH_S": "1"})
    yield {"svc": svc, "db": db, "keys": keys, "tmp": tmp}
    svc.stop()


def test_keys_list_shows_no_secret(stack):
    out = cli("keys", "list", "--db", str(stack["db"]))
    assert out.exit_code == 0 and "plain" in out.stdout and "fruit" in out.stdout
    for secret in stack["keys"].values():
        assert secret not in out.stdout
    con = sqlite3.connect(stack["db"])
    hashes = {h for (h,) in con.execute("select key_sha256 from api_keys")}
    con.close()
    assert hashlib.sha256(stack["keys"]["plain"].encode()).hexdigest() in hashes


def test_auth_required(stack):
    url = stack["svc"].url
    r = httpx.post(url + "/v1/guard", json={"text": "hi"})
    assert r.status_code == 401 and r.json()["error"]["code"] == "missing_api_key"
    bad = openai.OpenAI(base_url=url + "/v1", api_key="rg-not-a-key", max_retries=0)
    with pytest.raises(openai.AuthenticationError):
        bad.moderations.create(input="hi")
    good = openai.OpenAI(base_url=url + "/v1", api_key=stack["keys"]["plain"], max_retries=0)
    assert good.moderations.create(input="hi").results[0].flagged is False
    health = httpx.get(url + "/healthz")  # ops routes stay open
    assert health.status_code == 200 and health.json()["models_loaded_before_fork"] is True


def test_per_key_policy(stack):
    url = stack["svc"].url
    text = {"text": "I love pineapple on pizza"}
    plain = httpx.post(url + "/v1/guard", json=text, headers={"authorization": f"Bearer {stack['keys']['plain']}"}).json()
    fruit = httpx.post(url + "/v1/guard", json=text, headers={"x-api-key": stack["keys"]["fruit"]}).json()
    assert plain["action"] == "allow" and plain["policy"] == "default"
    assert fruit["action"] == "block" and fruit["policy"] == "no-pineapple" and "unethical" in fruit["categories"]


def test_rate_limit_429(stack):
    h = {"authorization": f"Bearer {stack['keys']['tight']}"}
    codes = [httpx.post(stack["svc"].url + "/v1/guard", json={"text": "hi"}, headers=h) for _ in range(12)]
    statuses = [r.status_code for r in codes]
    assert 200 in statuses and 429 in statuses
    limited = next(r for r in codes if r.status_code == 429)
    assert int(limited.headers["retry-after"]) >= 1 and "rate limit" in limited.json()["error"]["message"]


def test_revoked_key_stops_working(stack):
    key = make_key(stack["db"], "--name", "temp")
    url = stack["svc"].url + "/v1/guard"
    deadline = time.monotonic() + 15
    while httpx.post(url, json={"text": "hi"}, headers={"x-api-key": key}).status_code != 200:
        assert time.monotonic() < deadline, "new key never accepted"
        time.sleep(0.5)
    kid = next(line.split("\t")[0] for line in cli("keys", "list", "--db", str(stack["db"])).stdout.splitlines() if "\ttemp\t" in line)
    assert cli("keys", "revoke", kid, "--db", str(stack["db"])).exit_code == 0
    deadline = time.monotonic() + 15
    while httpx.post(url, json={"text": "hi"}, headers={"x-api-key": key}).status_code != 401:
        assert time.monotonic() < deadline, "revoked key still accepted"
        time.sleep(0.5)


def _workers(master: int) -> list[int]:
    kids = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(k) for k in kids]


def test_kill_9_worker_loses_no_acknowledged_decision(stack):
    url = stack["svc"].url
    h = {"authorization": f"Bearer {stack['keys']['plain']}"}
    master = stack["svc"].proc.pid
    workers = _workers(master)
    assert len(workers) == 2
    acked: list[str] = []
    failed: list[str] = []
    stop = threading.Event()

    def load(n: int) -> None:
        i = 0
        with httpx.Client(timeout=20) as c:
            while not stop.is_set():
                text = f"ack check {n}-{i} mail me at user{i}@example.com"
                i += 1
                try:
                    r = c.post(url + "/v1/guard", json={"text": text}, headers=h)
                    (acked if r.status_code == 200 else failed).append(text)
                except httpx.HTTPError:
                    failed.append(text)

    threads = [threading.Thread(target=load, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    time.sleep(1.0)
    os.kill(workers[0], signal.SIGKILL)
    time.sleep(1.5)
    stop.set()
    for t in threads:
        t.join()
    assert len(acked) > 20
    # the master replaces the dead worker and the service keeps answering
    deadline = time.monotonic() + 30
    while len(_workers(master)) < 2 or workers[0] in _workers(master):
        assert time.monotonic() < deadline
        time.sleep(0.2)
    assert httpx.post(url + "/v1/guard", json={"text": "after the kill"}, headers=h).status_code == 200

    con = sqlite3.connect(stack["db"])
    assert con.execute("pragma integrity_check").fetchone()[0] == "ok"
    rows = con.execute("select input_text, input_sha256, label, action, categories from audit_log where input_text like 'ack check %'").fetchall()
    con.close()
    stored = {r[0] for r in rows}
    missing = [t for t in acked if t not in stored]
    assert not missing, f"{len(missing)} acknowledged decisions missing from the audit log, e.g. {missing[:3]}"
    for text, sha, label, action, cats in rows:  # every row is whole
        assert sha == hashlib.sha256(text.encode()).hexdigest() and label == "unsafe" and action == "redact" and "pii" in cats


def test_metrics_cover_all_workers(stack):
    h = {"authorization": f"Bearer {stack['keys']['plain']}"}
    for _ in range(10):
        httpx.post(stack["svc"].url + "/v1/moderations", json={"input": "count me"}, headers=h)
    text = httpx.get(stack["svc"].url + "/metrics").text
    line = next(ln for ln in text.splitlines() if ln.startswith('railguard_requests_total{route="/v1/moderations",status="200"}'))
    assert float(line.split()[-1]) >= 10


def test_graceful_shutdown_flushes_and_exits(stack):
    svc = stack["svc"]
    h = {"authorization": f"Bearer {stack['keys']['plain']}"}
    for i in range(5):
        assert httpx.post(svc.url + "/v1/guard", json={"text": f"last words {i}"}, headers=h).status_code == 200
    t0 = time.monotonic()
    code = svc.stop(timeout=30)
    assert code == 0 and time.monotonic() - t0 < 30
    con = sqlite3.connect(stack["db"])
    n = con.execute("select count(*) from audit_log where input_text like 'last words %'").fetchone()[0]
    con.close()
    assert n == 5
    with pytest.raises(httpx.HTTPError):
        httpx.get(svc.url + "/healthz", timeout=2)

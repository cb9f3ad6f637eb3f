"""The `railguard` command, run as a user runs it."""

import json
import subprocess
import sys
from pathlib import Path

RG = [str(Path(sys.executable).parent / "railguard")]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*RG, *args], input=stdin, capture_output=True, timeout=120)


def test_version():
    r = run("--version")
    assert r.returncode == 0 and r.stdout.decode().startswith("railguard ")


def test_check_card_number_json_span_and_redact():
    text = "my card is 4111 1111 1111 1111"
    r = run("check", "--json", text)
    assert r.returncode == 0, r.stderr.decode()
    v = json.loads(r.stdout)
    assert "pii" in v["categories"] and v["action"] == "redact"
    card = [s for s in v["spans"] if s["category"] == "pii"]
    assert card and text[card[0]["start"]:card[0]["end"]] == "4111 1111 1111 1111"
    assert card[0]["entity_type"] == "CREDIT_CARD"
    assert "4111" not in v["redacted_text"]

    r = run("redact", text)
    assert r.returncode == 0 and r.stdout.decode().strip() == "my card is <CREDIT_CARD_1>"


def test_stdin_and_usage_errors():
    assert run("check", "-", stdin="héllo there".encode()).returncode == 0
    r = run("check", "-", stdin=b"\xff\xfe")
    assert r.returncode == 2 and b"UTF-8" in r.stderr
    assert run("check").returncode == 2
    r = run("check", "--policy", "/nonexistent.yaml", "hi")
    assert r.returncode == 2 and b"no such policy file" in r.stderr
    assert run("check", "--bogus-flag", "x").returncode == 2


def test_deny_list_blocks_with_exit_1(tmp_path: Path):
    pol = tmp_path / "p.yaml"
    pol.write_text("extends: default\ndeny:\n  - {name: secret-project, terms: [bluebird], category: unethical, action: block}\n")
    r = run("check", "--policy", str(pol), "--json", "tell me about Bluebird")
    assert r.returncode == 1 and json.loads(r.stdout)["action"] == "block"


def test_jsonl_batch_keeps_order_ids_and_survives_bad_lines(tmp_path: Path):
    f = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "what's the weather in Paris?"}).encode(),
        b'{"id": "b", "text": "broken',
        b'{"id": "c", "text": "\xff\xfe bad bytes"}',
        json.dumps({"id": 4, "text": "email me at jane.doe@example.org", "prompt": "how can I reach you?"}).encode(),
        json.dumps({"text": 5}).encode(),
        b"",
        json.dumps({"id": "e", "text": ""}).encode(),
    ]
    f.write_bytes(b"\n".join(lines) + b"\n")
    r = run("check", "--file", str(f))
    assert r.returncode == 0, r.stderr.decode()
    out = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert [o.get("id") for o in out] == ["a", None, None, 4, None, "e"]
    assert out[0]["label"] == "safe"
    assert "line 2" in out[1]["error"] and "malformed JSON" in out[1]["error"]
    assert "line 3" in out[2]["error"] and "UTF-8" in out[2]["error"]
    assert "pii" in out[3]["categories"] and out[3]["role"] == "response"
    assert "line 5" in out[4]["error"]
    assert out[5]["label"] == "safe"

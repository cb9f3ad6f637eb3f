"""The audit store on a real PostgreSQL server: `make test` installs the Debian package and this fixture
starts a throw-away cluster (initdb into a temporary directory, pg_ctl as the `postgres` user), runs the
service against it, and stops it at the end."""

from __future__ import annotations

import glob
import json
import os
import pwd
import shutil
import subprocess
import tempfile

import httpx
import openai
import pytest
from fake_upstream import cli, free_port, start_service


def _pg_bin() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return os.path.dirname(found[-1]) if found else None


def _as_postgres(args: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return args
    runner = shutil.which("runuser") or shutil.which("su")
    if runner and runner.endswith("runuser"):
        return [runner, "-u", "postgres", "--", *args]
    return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(args)]


PG_CTL: dict = {}


@pytest.fixture(scope="module")
def pg():
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed (run `make test`, which installs it from scripts/apt-packages.txt)")
    if os.geteuid() == 0:
        try:
            pw = pwd.getpwnam("postgres")
        except KeyError:
            pytest.fail("the postgresql package is installed but there is no postgres user")
    base = tempfile.mkdtemp(prefix="railguard-pg-")
    data, sock = os.path.join(base, "data"), os.path.join(base, "sock")
    os.makedirs(sock)
    if os.geteuid() == 0:
        for d in (base, sock):
            os.chown(d, pw.pw_uid, pw.pw_gid)
    port = free_port()
    subprocess.run(_as_postgres([f"{bindir}/initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]),
                   check=True, capture_output=True, timeout=120)
    opts = f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(_as_postgres([f"{bindir}/pg_ctl", "-D", data, "-o", opts, "-l", os.path.join(base, "pg.log"), "-w", "-t", "60", "start"]),
                   check=True, capture_output=True, timeout=90)
    def ctl(action: str) -> None:
        cmd = [f"{bindir}/pg_ctl", "-D", data, "-w", "-t", "60"]
        cmd += ["-o", opts, "-l", os.path.join(base, "pg.log"), "start"] if action == "start" else ["-m", "fast", "stop"]
        subprocess.run(_as_postgres(cmd), check=True, capture_output=True, timeout=90)

    PG_CTL["ctl"] = ctl
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_postgres([f"{bindir}/pg_ctl", "-D", data, "-m", "fast", "-w", "stop"]), capture_output=True, timeout=60)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def svc(pg, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pgsvc")
    out = cli("keys", "create", "--name", "pg-user", "--db", pg)
    assert out.exit_code == 0, out.output
    key = out.stdout.strip().splitlines()[0]
    p = start_service(tmp, "--db", pg, "--audit-input", "redacted")
    yield p, key
    p.stop()


def test_service_on_postgres(pg, svc):
    p, key = svc
    client = openai.OpenAI(base_url=p.url + "/v1", api_key=key, max_retries=0)
    res = client.moderations.create(input=["pg check one", "pg check two: erin@example.com"])
    assert [r.flagged for r in res.results] == [False, True]
    h = {"authorization": f"Bearer {key}"}
    r = httpx.post(p.url + "/v1/redact", json={"text": "pg vault frank@example.com", "operator": "vault"}, headers=h).json()
    back = httpx.post(p.url + "/v1/restore", json={"text": r["text"], "vault_id": r["vault_id"]}, headers=h).json()
    assert back["text"] == "pg vault frank@example.com"
    assert httpx.post(p.url + "/v1/guard", json={"text": "x"}).status_code == 401

    out = cli("audit", "--db", pg, "--format", "jsonl", "--route", "/v1/moderations")
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    texts = [r["input_text"] for r in rows]
    assert "pg check one" in texts and any(t.startswith("pg check two") and "erin@example.com" not in t for t in texts)
    assert all(r["key_id"] and r["key_id"].startswith("key_") for r in rows)
    flagged = cli("audit", "--db", pg, "--format", "csv", "--label", "unsafe", "--since", "1h")
    assert flagged.exit_code == 0 and flagged.stdout.count("\n") >= 2


def test_migrations_are_idempotent_on_postgres(pg):
    from sqlalchemy import inspect

    from railguard.server.db import make_engine, migrate

    migrate(pg)
    migrate(pg)
    eng = make_engine(pg)
    try:
        assert {"audit_log", "api_keys", "vault_entries", "alembic_version"} <= set(inspect(eng).get_table_names())
    finally:
        eng.dispose()


def test_database_outage_does_not_hold_answers(pg, svc):
    import time

    p, key = svc
    h = {"authorization": f"Bearer {key}"}
    PG_CTL["ctl"]("stop")
    try:
        t0 = time.monotonic()
        r = httpx.post(p.url + "/v1/guard", json={"text": "during the outage"}, headers=h, timeout=30)
        assert r.status_code == 200 and r.json()["label"] == "safe"
        assert time.monotonic() - t0 < 12
    finally:
        PG_CTL["ctl"]("start")
    assert "railguard_audit_write_errors_total" in httpx.get(p.url + "/metrics").text
    deadline = time.monotonic() + 30
    while True:  # the pool reconnects: new decisions are logged again
        httpx.post(p.url + "/v1/guard", json={"text": "after the outage"}, headers=h, timeout=30)
        out = cli("audit", "--db", pg, "--format", "jsonl", "--route", "/v1/guard")
        if "after the outage" in out.stdout:
            break
        assert time.monotonic() < deadline, out.output
        time.sleep(0.5)

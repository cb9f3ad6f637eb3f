#!/usr/bin/env python3
"""Load test of `POST /v1/moderations`: req/s, p50 and p99 at several concurrencies and worker counts.

    .venv/bin/python scripts/loadtest.py                      # starts `railguard serve` itself: 1 and 2 workers
    .venv/bin/python scripts/loadtest.py --url http://127.0.0.1:8000 --key rg-...   # an already running service

The generator is asyncio with raw keep-alive HTTP/1.1 connections (one per concurrent client, uvloop when
installed), so that it spends as little CPU as it can: on a small machine it shares the cores with the
service, and the figures say so (they are a floor, not a ceiling). "server CPU ms/req" is the CPU time the
service's processes spent per answered request: 1000 / that is what one idle core would sustain.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
PROMPTS = [
    "What is the capital of France?", "Write a haiku about autumn.", "How do I reverse a list in Python?",
    "Summarise the plot of Hamlet in two sentences.", "Is it safe to eat raw cookie dough?",
    "Translate 'good morning' into Spanish.", "Give me three tips for a job interview.",
    "What's the weather usually like in Lisbon in May?",
]


def _request(host: str, path: str, body: bytes, key: str | None) -> bytes:
    head = [f"POST {path} HTTP/1.1", f"Host: {host}", "Content-Type: application/json", f"Content-Length: {len(body)}",
            "Connection: keep-alive"]
    if key:
        head.append(f"Authorization: Bearer {key}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


async def _client(host: str, port: int, reqs: list[bytes], t_end: float, lat: list[float], errors: list[str]) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    i = random.randrange(len(reqs))
    try:
        while True:
            t0 = time.perf_counter()
            if t0 >= t_end:
                break
            writer.write(reqs[i % len(reqs)])
            i += 1
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head[9:12])
            length = 0
            for line in head.split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            await reader.readexactly(length)
            if status != 200:
                errors.append(str(status))
                continue
            lat.append(time.perf_counter() - t0)
    except (OSError, asyncio.IncompleteReadError) as e:
        errors.append(type(e).__name__)
    finally:
        writer.close()


async def _run(url: str, concurrency: int, duration: float, key: str | None, warmup: float, pid: int | None = None) -> dict:
    u = urlsplit(url)
    host, port = u.hostname or "127.0.0.1", u.port or 80
    reqs = [_request(f"{host}:{port}", "/v1/moderations", json.dumps({"input": p}).encode(), key) for p in PROMPTS]
    if warmup > 0:
        await asyncio.gather(*[_client(host, port, reqs, time.perf_counter() + warmup, [], []) for _ in range(concurrency)])
    lat: list[float] = []
    errors: list[str] = []
    cpu0 = _cpu_seconds(pid)
    t0 = time.perf_counter()
    await asyncio.gather(*[_client(host, port, reqs, t0 + duration, lat, errors) for _ in range(concurrency)])
    wall = time.perf_counter() - t0
    cpu1 = _cpu_seconds(pid)
    lat.sort()
    q = statistics.quantiles(lat, n=100, method="inclusive") if len(lat) >= 2 else [lat[0] if lat else 0.0] * 99
    return {"concurrency": concurrency, "requests": len(lat), "errors": len(errors), "rps": len(lat) / wall,
            "p50_ms": q[49] * 1000, "p99_ms": q[98] * 1000,
            "cpu_ms": (cpu1 - cpu0) * 1000 / len(lat) if cpu0 is not None and cpu1 is not None and lat else None}


def _cpu_seconds(pid: int | None) -> float | None:
    """CPU time (user + system) of a process and its children (the workers), from /proc; None elsewhere."""
    if pid is None:
        return None
    total = 0.0
    todo = [pid]
    try:
        tick = os.sysconf("SC_CLK_TCK")
        while todo:
            p = todo.pop()
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            for t in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (t / "children").read_text().split()]
    except (OSError, ValueError, IndexError):
        return None
    return total


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(workers: int, db: str, extra: list[str]) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    log = open(Path(tempfile.gettempdir()) / f"railguard-loadtest-{workers}w.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen([sys.executable, "-m", "railguard.cli", "serve", "--port", str(port), "--workers", str(workers),
                             "--db", db, "--log-level", "warning", *extra], cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"railguard serve exited with {proc.returncode}; see {log.name}")
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1).read()
            return proc, url
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("railguard serve did not start in 120 s")


def _stop(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", help="Test this running service instead of starting one.")
    ap.add_argument("--key", help="API key for --url.")
    ap.add_argument("--workers", default="1,2", help="Worker counts to start (default 1,2).")
    ap.add_argument("--concurrency", default="1,8,64", help="Concurrent clients (default 1,8,64).")
    ap.add_argument("--duration", type=float, default=5.0, help="Seconds per measurement (default 5).")
    ap.add_argument("--warmup", type=float, default=1.0, help="Seconds of unmeasured load first (default 1).")
    ap.add_argument("--serve-args", default="", help="Extra `railguard serve` arguments, e.g. '--no-audit'.")
    args = ap.parse_args()
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    concs = [int(c) for c in args.concurrency.split(",")]
    print(f"POST /v1/moderations, short prompts; {os.cpu_count()} CPUs shared by the service and this generator; "
          f"{args.duration:g} s per row")
    print(f"{'workers':>7} {'conc':>5} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'requests':>9} {'errors':>7} {'server CPU ms/req':>18}")
    targets: list[tuple[str, str | None, subprocess.Popen | None]] = []
    if args.url:
        targets.append(("-", args.url, None))
    for w in ([] if args.url else [int(x) for x in args.workers.split(",")]):
        targets.append((str(w), None, None))
    for label, url, _ in targets:
        proc = None
        tmp = None
        if url is None:
            tmp = tempfile.mkdtemp(prefix="railguard-loadtest-")
            proc, url = _start(int(label), os.path.join(tmp, "audit.db"), args.serve_args.split())
        try:
            for c in concs:
                r = asyncio.run(_run(url, c, args.duration, args.key, args.warmup, proc.pid if proc else None))
                cpu = f"{r['cpu_ms']:.2f}" if r.get("cpu_ms") is not None else "-"
                print(f"{label:>7} {c:>5} {r['rps']:>8.0f} {r['p50_ms']:>8.1f} {r['p99_ms']:>8.1f} {r['requests']:>9} {r['errors']:>7} {cpu:>18}",
                      flush=True)
            try:
                load = os.getloadavg()[0]
                print(f"        (load average {load:.1f} on {os.cpu_count()} CPUs at the end of these rows)")
            except OSError:
                pass
        finally:
            if proc is not None:
                _stop(proc)


if __name__ == "__main__":
    main()

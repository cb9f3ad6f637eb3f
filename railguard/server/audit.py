"""The audit log: a writer thread per worker that commits decisions in groups, and the queries behind
`railguard audit`.

A request that is answered has its audit rows committed first (the handler awaits the group commit),
so an acknowledged decision is never lost; each group is one transaction, so a worker killed with -9
leaves either whole rows or none. Grouping keeps the database's fsyncs off the per-request bill.
"""

from __future__ import annotations

import asyncio
import csv
import hashlib
import io
import json
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from railguard.server.db import AuditRecord, VaultEntry, utcnow
from railguard.verdict import Verdict

log = logging.getLogger("railguard.audit")

RETENTION_EVERY_S = 3600.0
AUDIT_INSERT = insert(AuditRecord.__table__)


@dataclass
class Decision:
    """What the audit log keeps about one verdict (the input is redacted by the writer, off the request)."""

    route: str
    request_id: str
    key_id: str | None
    verdict: Verdict
    text: str
    ts: datetime = field(default_factory=utcnow)
    # Set when the caller already redacted the text for the log (short inputs are redacted in the request).
    prepared: bool = False
    stored: str | None = None


def _row(d: Decision, mode: str, redact: Callable[[str], str] | None) -> dict[str, Any]:
    v = d.verdict
    if d.prepared:
        stored: str | None = d.stored
    elif mode == "full":
        stored: str | None = d.text
    elif mode == "redacted" and redact is not None:
        try:
            stored = redact(d.text)
        except Exception as e:  # never keep the raw text when redaction was asked for and failed
            log.warning("audit redaction failed (%s); keeping the hash only", e)
            stored = None
    else:
        stored = None
    return {
        "ts": d.ts, "request_id": d.request_id, "route": d.route, "key_id": d.key_id, "policy": v.policy,
        "role": v.role, "label": v.label, "action": v.action, "categories": list(v.categories),
        "scores": dict(v.scores), "latency_ms": float(v.latency_ms),
        "input_sha256": hashlib.sha256(d.text.encode("utf-8", "surrogatepass")).hexdigest(),
        "input_chars": len(d.text), "input_mode": mode if stored is not None or mode == "none" else "none",
        # text from an upstream can carry lone surrogates, which no database encoding takes
        "input_text": stored.encode("utf-8", "surrogatepass").decode("utf-8", "replace") if stored else stored,
    }


_Item = tuple[list[Decision], "asyncio.Future[None] | None", "asyncio.AbstractEventLoop | None"]


class AuditWriter:
    def __init__(self, engine: Engine, input_mode: str = "redacted", redact: Callable[[str], str] | None = None,
                 retention_days: float = 30.0, on_error: Callable[[], None] | None = None) -> None:
        self.engine = engine
        self.input_mode = input_mode
        self.redact = redact
        self.retention_days = retention_days
        self.on_error = on_error
        self._q: queue.Queue[_Item | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._last_purge = float("-inf")

    # ---------------------------------------------------------------- lifecycle (per worker process)
    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="railguard-audit", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Flush what is queued (graceful shutdown), then stop the thread."""
        if self._thread is None:
            return
        self._q.put(None)
        self._thread.join(timeout)
        self._thread = None

    # ---------------------------------------------------------------- submitting
    async def write(self, decisions: list[Decision], wait_s: float = 5.0) -> None:
        """Queue `decisions` and wait until they are committed (at most `wait_s`: a database that is down
        must not hold every answer hostage; the rows stay queued and the wait's end is reported)."""
        if not decisions:
            return
        loop = asyncio.get_running_loop()
        fut: asyncio.Future[None] = loop.create_future()
        fut.add_done_callback(_retrieved)
        self._q.put((decisions, fut, loop))
        try:
            await asyncio.wait_for(asyncio.shield(fut), wait_s)
        except TimeoutError:
            raise AuditError(f"audit log write not committed after {wait_s:g} s (still queued)") from None

    def write_nowait(self, decisions: list[Decision]) -> None:
        """Queue without waiting (the end of a stream whose client may already be gone)."""
        if decisions:
            self._q.put((decisions, None, None))

    # ---------------------------------------------------------------- the thread
    def _run(self) -> None:
        stopping = False
        while not stopping:
            try:
                first = self._q.get(timeout=5.0)
            except queue.Empty:
                self._maybe_purge()
                continue
            batch: list[_Item] = []
            if first is None:
                stopping = True
            else:
                batch.append(first)
            while len(batch) < 512:
                try:
                    nxt = self._q.get_nowait()
                except queue.Empty:
                    break
                if nxt is None:
                    stopping = True
                    continue
                batch.append(nxt)
            if batch:
                self._commit(batch)
            self._maybe_purge()

    def _insert(self, rows: list[dict[str, Any]], attempts: int) -> BaseException | None:
        err: BaseException | None = None
        for attempt in range(attempts):
            try:
                with self.engine.begin() as conn:
                    # executemany of one cached statement: ~0.1 ms of CPU a row (a multi-row VALUES
                    # statement is compiled afresh for every batch and costs ten times that)
                    conn.execute(AUDIT_INSERT, rows)
                return None
            except Exception as e:  # a locked or restarting database: retry briefly, then give up loudly
                err = e
                if attempt + 1 < attempts:
                    time.sleep(0.05 * (attempt + 1))
        return err

    def _commit(self, batch: list[_Item]) -> None:
        per_item: list[list[dict[str, Any]] | BaseException] = []
        for decisions, _, _ in batch:
            try:
                per_item.append([_row(d, self.input_mode, self.redact) for d in decisions])
            except Exception as e:
                per_item.append(e)
        good = [rows for rows in per_item if not isinstance(rows, BaseException)]
        err = self._insert([r for rows in good for r in rows], attempts=3) if good else None
        results: list[BaseException | None]
        if err is None:
            results = [rows if isinstance(rows, BaseException) else None for rows in per_item]
        else:
            # one bad row must not cost the group: each request's rows on their own, once
            results = [rows if isinstance(rows, BaseException) else self._insert(rows, attempts=1) for rows in per_item]
        failed = [(e, len(b[0])) for e, b in zip(results, batch, strict=True) if e is not None]
        if failed:
            log.error("audit write of %d decisions failed: %s", sum(n for _, n in failed), failed[0][0])
            if self.on_error:
                for _ in failed:
                    self.on_error()
        for (_, fut, loop), e in zip(batch, results, strict=True):
            if fut is not None and loop is not None:
                loop.call_soon_threadsafe(_resolve, fut, e)

    def _maybe_purge(self) -> None:
        now = time.monotonic()
        if now - self._last_purge < RETENTION_EVERY_S:
            return
        self._last_purge = now
        try:
            purge(self.engine, self.retention_days)
        except Exception as e:
            log.warning("audit retention purge failed: %s", e)


def _retrieved(fut: asyncio.Future[None]) -> None:
    if not fut.cancelled():
        fut.exception()  # a failure after the request stopped waiting was already logged; do not warn again


def _resolve(fut: asyncio.Future[None], err: BaseException | None) -> None:
    if fut.done():
        return
    if err is None:
        fut.set_result(None)
    else:
        fut.set_exception(AuditError(f"audit log write failed: {type(err).__name__}: {err}"))


class AuditError(RuntimeError):
    pass


def purge(engine: Engine, retention_days: float) -> int:
    """Delete audit rows past retention and expired vault entries; returns audit rows deleted."""
    now = utcnow()
    with engine.begin() as conn:
        conn.execute(delete(VaultEntry).where(VaultEntry.expires_at < now))
        if retention_days <= 0:
            return 0
        res = conn.execute(delete(AuditRecord).where(AuditRecord.ts < now - timedelta(days=retention_days)))
        return res.rowcount or 0


# ------------------------------------------------------------------------------------------ vault
def vault_put(engine: Engine, vault_id: str, mapping: dict[str, str], ttl_s: float, key_id: str | None) -> None:
    now = utcnow()
    with Session(engine) as s, s.begin():
        s.add(VaultEntry(id=vault_id, key_id=key_id, created_at=now, expires_at=now + timedelta(seconds=ttl_s), mapping=mapping))


def vault_get(engine: Engine, vault_id: str, key_id: str | None) -> dict[str, str] | None:
    with Session(engine) as s:
        e = s.get(VaultEntry, vault_id)
        if e is None or e.key_id != key_id:  # one key cannot restore another key's redactions
            return None
        expires = e.expires_at if e.expires_at.tzinfo else e.expires_at.replace(tzinfo=utcnow().tzinfo)
        if expires < utcnow():
            return None
        return dict(e.mapping)


# ------------------------------------------------------------------------------------------ queries
EXPORT_FIELDS = ("id", "ts", "request_id", "route", "key_id", "policy", "role", "label", "action", "categories",
                 "scores", "latency_ms", "input_sha256", "input_chars", "input_mode", "input_text")


def query(engine: Engine, *, since: datetime | None = None, until: datetime | None = None, route: str | None = None,
          key_id: str | None = None, label: str | None = None, action: str | None = None, category: str | None = None,
          policy: str | None = None, limit: int | None = None, batch: int = 1000) -> Iterator[dict[str, Any]]:
    """Audit rows, oldest first, as dicts; `category` matches rows where that category fired."""
    stmt = select(AuditRecord).order_by(AuditRecord.id)
    if since is not None:
        stmt = stmt.where(AuditRecord.ts >= since)
    if until is not None:
        stmt = stmt.where(AuditRecord.ts < until)
    for col, val in ((AuditRecord.route, route), (AuditRecord.key_id, key_id), (AuditRecord.label, label),
                     (AuditRecord.action, action), (AuditRecord.policy, policy)):
        if val is not None:
            stmt = stmt.where(col == val)
    n = 0
    with Session(engine) as s:
        for rec in s.scalars(stmt.execution_options(yield_per=batch)):
            if category is not None and category not in (rec.categories or []):
                continue
            yield {f: getattr(rec, f) for f in EXPORT_FIELDS}
            n += 1
            if limit is not None and n >= limit:
                return


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    ts = out["ts"]
    if isinstance(ts, datetime):
        out["ts"] = (ts if ts.tzinfo else ts.replace(tzinfo=utcnow().tzinfo)).isoformat()
    return out


def export(rows: Iterable[dict[str, Any]], fmt: str, out: io.TextIOBase) -> int:
    """Write rows as JSON lines or CSV (lists and dicts JSON-encoded in their cell); returns the count."""
    n = 0
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(_jsonable(r), ensure_ascii=False) + "\n")
            n += 1
        return n
    w = csv.DictWriter(out, fieldnames=list(EXPORT_FIELDS))
    w.writeheader()
    for r in rows:
        row = _jsonable(r)
        for k in ("categories", "scores"):
            row[k] = json.dumps(row[k], ensure_ascii=False)
        w.writerow(row)
        n += 1
    return n

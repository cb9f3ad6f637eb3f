"""Runs the guard for a worker process, batching the checks that arrive together.

Guard work is CPU-bound. Short inputs (the common case) are judged right on the event loop: a check of a
prompt costs about a millisecond, and handing it to a thread costs more than that in GIL hand-offs under
load. The checks that arrived in the same loop iteration go to `Guard.check_batch` together, which models
turn into one forward pass. Long inputs go to one guard thread instead, so that a 100k-character input
does not stall every other connection (and streams) on this worker while it is judged.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from railguard.guard import Guard
from railguard.verdict import Verdict

MAX_BATCH = 64
INLINE_CHARS = 4000  # a batch with more characters than this is judged on the guard thread


@dataclass
class _Check:
    guard: Guard
    texts: list[str]
    prompts: list[str | None]
    fut: asyncio.Future
    loop: asyncio.AbstractEventLoop


@dataclass
class _Call:
    fn: Callable[..., Any]
    args: tuple
    fut: asyncio.Future
    loop: asyncio.AbstractEventLoop


def _settle(fut: asyncio.Future, result: Any = None, error: BaseException | None = None) -> None:
    if fut.done():  # the request was cancelled (client gone)
        return
    if error is not None:
        fut.set_exception(error)
    else:
        fut.set_result(result)


class GuardRunner:
    def __init__(self) -> None:
        self._q: queue.Queue[_Check | _Call | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._pending: list[_Check] = []
        self._flush_scheduled = False

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="railguard-guard", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self._q.put(None)
            self._thread.join(10)
            self._thread = None

    async def check(self, guard: Guard, texts: list[str], prompts: list[str | None] | None = None) -> list[Verdict]:
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        item = _Check(guard, texts, prompts or [None] * len(texts), fut, loop)
        if self._thread is None or _chars(item) <= INLINE_CHARS:
            self._pending.append(item)
            if not self._flush_scheduled:
                self._flush_scheduled = True
                loop.call_soon(self._flush)
        else:
            self._q.put(item)
        return await fut

    async def call(self, fn: Callable[..., Any], *args: Any, inline: bool = False) -> Any:
        """Run `fn(*args)` on the guard thread (or right here when `inline` or no thread runs)."""
        if inline or self._thread is None:
            return fn(*args)
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        self._q.put(_Call(fn, args, fut, loop))
        return await fut

    def _flush(self) -> None:
        self._flush_scheduled = False
        items, self._pending = self._pending, []
        big: list[_Check] = []
        small: list[_Check] = []
        total = 0
        for it in items:  # past INLINE_CHARS together, the rest of this round goes to the thread
            total += _chars(it)
            (small if total <= INLINE_CHARS or not small else big).append(it)
        if big and self._thread is not None:
            for it in big:
                self._q.put(it)
        else:
            small += big
        self._process(small, direct=True)

    def _run(self) -> None:
        while True:
            first = self._q.get()
            if first is None:
                return
            items = [first]
            n = len(first.texts) if isinstance(first, _Check) else 1
            stop = False
            while n < MAX_BATCH:
                try:
                    nxt = self._q.get_nowait()
                except queue.Empty:
                    break
                if nxt is None:
                    stop = True
                    break
                items.append(nxt)
                n += len(nxt.texts) if isinstance(nxt, _Check) else 1
            self._process(items)
            if stop:
                return

    def _process(self, items: list, direct: bool = False) -> None:
        def settle(it, res, err) -> None:
            if direct:
                _settle(it.fut, res, err)
            else:
                it.loop.call_soon_threadsafe(_settle, it.fut, res, err)

        groups: dict[int, list[_Check]] = {}
        for it in items:
            if isinstance(it, _Call):
                try:
                    settle(it, it.fn(*it.args), None)
                except Exception as e:
                    settle(it, None, e)
            elif not it.fut.cancelled():
                groups.setdefault(id(it.guard), []).append(it)
        for checks in groups.values():
            guard = checks[0].guard
            texts = [t for c in checks for t in c.texts]
            prompts = [p for c in checks for p in c.prompts]
            try:
                verdicts = guard.check_batch(texts, prompts)
            except Exception:
                # one bad input must not fail its neighbours: judge each request on its own
                for c in checks:
                    try:
                        settle(c, guard.check_batch(c.texts, c.prompts), None)
                    except Exception as e:
                        settle(c, None, e)
                continue
            pos = 0
            for c in checks:
                settle(c, verdicts[pos:pos + len(c.texts)], None)
                pos += len(c.texts)


def _chars(item: _Check) -> int:
    return sum(len(t) for t in item.texts) + sum(len(p) for p in item.prompts if p)

"""One thread per worker process that runs the guard, batching the checks that arrive together.

Guard work is CPU-bound, so more threads would only fight over the GIL (and over a model's own
threads); one thread keeps the event loop free for I/O, and whatever requests queued up while a batch
ran go to `Guard.check_batch` together, which models turn into one forward pass.
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
        self._q.put(_Check(guard, texts, prompts or [None] * len(texts), fut, loop))
        return await fut

    async def call(self, fn: Callable[..., Any], *args: Any) -> Any:
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        self._q.put(_Call(fn, args, fut, loop))
        return await fut

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

    def _process(self, items: list[_Check | _Call]) -> None:
        groups: dict[int, list[_Check]] = {}
        for it in items:
            if isinstance(it, _Call):
                try:
                    res = it.fn(*it.args)
                    it.loop.call_soon_threadsafe(_settle, it.fut, res, None)
                except Exception as e:
                    it.loop.call_soon_threadsafe(_settle, it.fut, None, e)
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
                        res = guard.check_batch(c.texts, c.prompts)
                        c.loop.call_soon_threadsafe(_settle, c.fut, res, None)
                    except Exception as e:
                        c.loop.call_soon_threadsafe(_settle, c.fut, None, e)
                continue
            pos = 0
            for c in checks:
                part = verdicts[pos:pos + len(c.texts)]
                pos += len(c.texts)
                c.loop.call_soon_threadsafe(_settle, c.fut, part, None)

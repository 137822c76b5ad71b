"""Runners of the server's graph reads: real time limits and a bounded number at once.

No engine can interrupt a running query, so a query past its time limit is stopped by ending
the process that runs it. :class:`WorkerPool` (the app's default) keeps worker processes forked
from the server once the graph is loaded (sharing it copy-on-write); a call sends one a task
and waits, without blocking the event loop, for the answer. A worker that runs past the time
limit is killed and replaced. At most ``size`` tasks run at once and at most ``queue`` wait for
a worker; beyond that :class:`Busy` is raised at once (503). :class:`ThreadRunner` runs the
tasks in the calling process, for `gcsf serve`'s server processes, which a supervisor replaces
(:mod:`.prefork`).

>>> import asyncio
>>> from gcsf_graph import load
>>> pool = WorkerPool(load(), size=1, timeout=10)
>>> asyncio.run(pool.call(len))  > 1000
True
>>> pool.close()
"""

from __future__ import annotations

import asyncio
import contextvars
import multiprocessing
import os
import queue
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from ..errors import GcsfError, QueryError, QueryTimeout, portable, rebuilt

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from ..graph import KnowledgeGraph

__all__ = ["ARRIVAL", "Busy", "Runner", "ThreadRunner", "WorkerPool"]

T = TypeVar("T")


class Busy(GcsfError):
    """Every worker is busy and the waiting line is full: try again shortly."""


class Runner(Protocol):
    """What the server hands the requests' work to: :class:`WorkerPool` or :class:`ThreadRunner`."""

    async def call(self, task: Callable[..., T], *args: Any) -> T: ...

    def close(self) -> None: ...


def _serve(kg: KnowledgeGraph, conn: Connection) -> None:
    while True:
        try:
            task, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = ("ok", task(kg, *args))
        except Exception as exc:  # sent back and re-raised in the server
            reply = ("error", portable(exc))
        conn.send(reply)


class _Worker:
    def __init__(self, kg: KnowledgeGraph) -> None:
        context = multiprocessing.get_context("fork")
        self.conn, child_end = context.Pipe()
        self.process: BaseProcess = context.Process(target=_serve, args=(kg, child_end), daemon=True)
        self.process.start()
        child_end.close()

    async def call(self, task: Callable[..., Any], args: tuple[Any, ...], timeout: float) -> tuple[str, Any]:
        loop = asyncio.get_running_loop()
        fd = self.conn.fileno()
        # an event loop may leave the pipe non-blocking (uvloop does): a message larger than the
        # pipe's buffer must be sent and read whole, so both happen in blocking mode
        os.set_blocking(fd, True)
        self.conn.send((task, args))
        ready = loop.create_future()

        def wake() -> None:
            if not ready.done():
                ready.set_result(None)
        loop.add_reader(fd, wake)
        try:
            await asyncio.wait_for(ready, timeout)
        finally:
            loop.remove_reader(fd)
        os.set_blocking(fd, True)
        reply: tuple[str, Any] = self.conn.recv()
        return reply

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


class WorkerPool:
    """``size`` worker processes over one loaded graph; calls time out after ``timeout`` seconds."""

    def __init__(self, kg: KnowledgeGraph, *, size: int = 2, timeout: float = 30.0, queue: int = 16) -> None:
        self.kg, self.size, self.timeout, self.queue = kg, size, timeout, queue
        self._idle: asyncio.Queue[_Worker] | None = None
        self._workers: list[_Worker] = []
        self._pending = 0

    def _start(self) -> asyncio.Queue[_Worker]:
        if self._idle is None:
            self._idle = asyncio.Queue()
            for _ in range(self.size):
                worker = _Worker(self.kg)
                self._workers.append(worker)
                self._idle.put_nowait(worker)
        return self._idle

    async def call(self, task: Callable[..., T], *args: Any) -> T:
        """``task(kg, *args)`` in a worker: its value, or its error re-raised here.

        Raises :class:`Busy` when too many calls are waiting and :class:`QueryTimeout` past the
        time limit (counted from the call, waiting included).
        """
        idle = self._start()
        if self._pending >= self.size + self.queue:
            raise Busy(f"{self._pending} requests are in progress; try again shortly")
        self._pending += 1
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout
        try:
            try:
                worker = await asyncio.wait_for(idle.get(), self.timeout)
            except TimeoutError:
                raise Busy(f"no worker was free within {self.timeout:g} s; try again shortly") from None
            try:
                status, payload = await worker.call(task, args, max(deadline - loop.time(), 0.001))
            except TimeoutError:
                self._replace(worker)
                raise QueryTimeout(f"the request ran past its {self.timeout:g} s time limit and was "
                                   "stopped") from None
            except (EOFError, OSError):
                self._replace(worker)
                raise QueryError("the worker stopped without an answer (out of memory?)") from None
            except BaseException:
                # cancelled (the client went away) with the task still running: its answer
                # would reach the next caller, so the worker is replaced
                self._replace(worker)
                raise
            idle.put_nowait(worker)
            if status == "error":
                raise rebuilt(payload)
            value: T = payload
            return value
        finally:
            self._pending -= 1

    def _replace(self, worker: _Worker) -> None:
        worker.stop()
        self._workers.remove(worker)
        fresh = _Worker(self.kg)
        self._workers.append(fresh)
        assert self._idle is not None
        self._idle.put_nowait(fresh)

    def close(self) -> None:
        """Stop every worker."""
        for worker in self._workers:
            worker.stop()
        self._workers.clear()
        self._idle = None



#: When the request being answered arrived (its headers complete, monotonic clock) and whether
#: the server had room for it; set per request by the server process (see ``app.serve``).
ARRIVAL: contextvars.ContextVar[tuple[float, bool]] = contextvars.ContextVar("gcsf_arrival")


class _Job:
    def __init__(self, task: Callable[..., Any], args: tuple[Any, ...]) -> None:
        self.task, self.args = task, args
        self.done = threading.Event()
        self.started = self.dropped = False
        self.wake: Callable[[], object] | None = None
        self.value: Any = None
        self.error: BaseException | None = None


class ThreadRunner:
    """Tasks run in this process, on one thread, for a server process of its own.

    A call hands the task to the thread and first waits for it blocking the event loop, for at
    most ``blocking`` seconds: most queries end by then, and the answer comes without the cost
    of waking the loop from another thread. A longer task is then awaited without blocking, so
    the process keeps reading requests (and turning away those it has no room for). At the time
    limit the call ends with :class:`QueryTimeout`, but a thread cannot be stopped: the runner
    is then *broken*. It calls ``on_runaway`` (the process stops taking connections and exits,
    so the task dies with it) and turns away the calls waiting behind it, and every later one,
    with :class:`Busy`. The time limit
    counts from the request's arrival (:data:`ARRIVAL`), waiting included; a request that waited
    it all out, or that arrived when the process had no room, gets :class:`Busy`.
    ``watch[slot]`` holds, while a task runs, the time after which a supervisor may kill the
    process (the time limit and ``grace``), in case the event loop itself cannot get to run.

    >>> import asyncio
    >>> from gcsf_graph import load
    >>> runner = ThreadRunner(load(), timeout=10)
    >>> asyncio.run(runner.call(len)) > 1000
    True
    """

    def __init__(self, kg: KnowledgeGraph, *, timeout: float, watch: tuple[Any, int] | None = None,
                 grace: float = 5.0, blocking: float = 0.005) -> None:
        self.kg, self.timeout, self.watch, self.grace, self.blocking = kg, timeout, watch, grace, blocking
        self.on_runaway: Callable[[], None] = lambda: None
        self.broken = False
        self._jobs: queue.SimpleQueue[tuple[_Job, float]] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._waiting: set[asyncio.Future[None]] = set()

    def _serve(self) -> None:
        while True:
            job, deadline = self._jobs.get()
            if job.dropped:
                continue
            job.started = True
            if self.watch is not None:
                self.watch[0][self.watch[1]] = deadline + self.grace
            try:
                job.value = job.task(self.kg, *job.args)
            except BaseException as exc:  # raised again in the caller
                job.error = exc
            finally:
                if self.watch is not None:
                    self.watch[0][self.watch[1]] = 0.0
                job.done.set()
                wake = job.wake
                if wake is not None:
                    wake()

    async def call(self, task: Callable[..., T], *args: Any) -> T:
        """``task(kg, *args)`` on the runner's thread: its value, or its error raised here."""
        if self.broken:
            raise Busy("this server process is being replaced; try again shortly")
        now = time.monotonic()
        arrived, admitted = ARRIVAL.get((now, True))
        if not admitted:
            raise Busy("too many requests are in progress; try again shortly")
        deadline = arrived + self.timeout
        if deadline <= now:
            raise Busy(f"no worker was free within {self.timeout:g} s; try again shortly")
        if self._thread is None:
            self._thread = threading.Thread(target=self._serve, name="gcsf-query", daemon=True)
            self._thread.start()
        job = _Job(task, args)
        self._jobs.put((job, deadline))
        if not job.done.wait(min(self.blocking, deadline - now)):
            loop = asyncio.get_running_loop()
            woken: asyncio.Future[None] = loop.create_future()

            def settle() -> None:
                if not woken.done():
                    woken.set_result(None)
            job.wake = lambda: loop.call_soon_threadsafe(settle)
            if not job.done.is_set():
                self._waiting.add(woken)
                try:
                    await asyncio.wait_for(woken, deadline - time.monotonic())
                    if not job.done.is_set():  # woken as the runner broke: it will never run
                        job.dropped = True
                        raise Busy("this server process is being replaced; try again shortly")
                except TimeoutError:
                    job.dropped = True
                    if not job.started:
                        raise Busy(f"no worker was free within {self.timeout:g} s; try again "
                                   "shortly") from None
                    if not job.done.is_set():
                        self._break()
                        raise QueryTimeout(f"the request ran past its {self.timeout:g} s time limit and "
                                           "was stopped") from None
                finally:
                    self._waiting.discard(woken)
        if job.error is not None:
            raise job.error
        value: T = job.value
        return value

    def _break(self) -> None:
        if not self.broken:
            self.broken = True
            for woken in self._waiting:  # the calls waiting behind the runaway: turned away now
                if not woken.done():
                    woken.set_result(None)
            self.on_runaway()

    def close(self) -> None:
        """Nothing to release: the thread ends with the process."""

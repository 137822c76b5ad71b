"""Server processes forked once the graph is loaded, each answering on the shared listening socket.

The parent only supervises: it forks ``size`` children, each running ``child(slot)`` (an HTTP
server that runs its queries in-process, see :class:`.ThreadRunner`), replaces a child that
exits (one whose query ran past its time limit stops itself), kills one whose watch time
(``watch[slot]``, a monotonic clock value set while a query runs) has passed, and on SIGTERM or
Ctrl-C stops them all (SIGTERM, then SIGKILL after ``stop_wait`` seconds) and waits for them.

>>> Supervisor(lambda slot: 0, size=2).watch[:]
[0.0, 0.0]
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable
from typing import Any

__all__ = ["Supervisor"]


class Supervisor:
    """``size`` child processes running ``child(slot)`` (its return value is the exit code)."""

    def __init__(self, child: Callable[[int], int], *, size: int, stop_wait: float = 10.0) -> None:
        self.child, self.size, self.stop_wait = child, size, stop_wait
        context = multiprocessing.get_context("fork")
        self.watch: Any = context.RawArray("d", size)
        #: Requests in progress in each child, as each child last counted its own.
        self.load: Any = context.RawArray("i", size)
        self.children: dict[int, int] = {}  # pid: slot
        self._started: dict[int, float] = {}
        self._stopping = False

    def _spawn(self, slot: int) -> None:
        self.watch[slot] = 0.0
        self.load[slot] = 0
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: never returns into the parent's code
            code = 1
            try:
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                code = self.child(slot)
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        self.children[pid] = slot
        self._started[slot] = time.monotonic()

    def _stop_signal(self, signum: int, frame: Any) -> None:
        del signum, frame
        self._stopping = True

    def run(self, ready: Callable[[], None] = lambda: None) -> None:
        """Start the children, call ``ready``, supervise until SIGTERM or SIGINT, stop them."""
        previous = {s: signal.signal(s, self._stop_signal) for s in (signal.SIGTERM, signal.SIGINT)}
        try:
            for slot in range(self.size):
                self._spawn(slot)
            ready()
            while not self._stopping:
                self._reap_and_replace()
                self._kill_overdue()
                time.sleep(0.05)
        finally:
            self._stop_all()
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    def _reap_and_replace(self) -> None:
        while self.children:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            slot = self.children.pop(pid, None)
            if slot is None or self._stopping:
                continue
            if time.monotonic() - self._started.get(slot, 0.0) < 1.0:
                time.sleep(1.0)  # a child that fails at once is not restarted in a tight loop
            self._spawn(slot)

    def _kill_overdue(self) -> None:
        now = time.monotonic()
        for pid, slot in list(self.children.items()):
            if 0.0 < self.watch[slot] < now:
                self.watch[slot] = 0.0
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)

    def _stop_all(self) -> None:
        for pid in self.children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + self.stop_wait
        while self.children and time.monotonic() < deadline:
            for pid in list(self.children):
                try:
                    done, _ = os.waitpid(pid, os.WNOHANG)
                except ChildProcessError:
                    done = pid
                if done:
                    del self.children[pid]
            time.sleep(0.02)
        for pid in list(self.children):
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            del self.children[pid]

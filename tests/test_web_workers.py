"""How `gcsf serve` bounds its work: the in-process runner of each server process (time limit,
room, a runaway that breaks it) and the supervisor that replaces, kills and stops server
processes. Every wait is bounded; processes are stopped by their PID."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from gcsf_graph.errors import QueryTimeout
from gcsf_graph.web.workers import ARRIVAL, Busy, ThreadRunner


def _sleep(kg: object, seconds: float) -> str:
    time.sleep(seconds)
    return "woke"


def _fail(kg: object) -> None:
    raise ValueError("the task failed")


def _run(runner: ThreadRunner, *calls: tuple) -> list:
    async def main() -> list:
        return await asyncio.gather(*(runner.call(*c) for c in calls), return_exceptions=True)
    return asyncio.run(main())


def test_a_task_past_the_time_limit_breaks_the_runner_and_later_calls_are_turned_away():
    runner = ThreadRunner(object(), timeout=0.5)  # type: ignore[arg-type]
    stopped: list[bool] = []
    runner.on_runaway = lambda: stopped.append(True)
    started = time.monotonic()
    [outcome] = _run(runner, (_sleep, 3.0))
    assert isinstance(outcome, QueryTimeout) and "time limit" in str(outcome)
    assert time.monotonic() - started < 2.5
    assert stopped == [True] and runner.broken
    [later] = _run(runner, (_sleep, 0.0))
    assert isinstance(later, Busy)


def test_tasks_answer_in_turn_errors_included():
    runner = ThreadRunner(object(), timeout=10, blocking=0.001)  # type: ignore[arg-type]
    # one longer than the blocking wait (awaited without blocking), one quick, one failing
    results = _run(runner, (_sleep, 0.2), (_sleep, 0.0), (_fail,))
    assert results[:2] == ["woke", "woke"]
    assert isinstance(results[2], ValueError) and str(results[2]) == "the task failed"
    assert not runner.broken


def test_a_request_without_room_or_that_waited_out_the_limit_is_not_run():
    runner = ThreadRunner(object(), timeout=5)  # type: ignore[arg-type]
    ran: list[bool] = []

    def task(kg: object) -> None:
        ran.append(True)

    async def call(arrival: tuple[float, bool]) -> object:
        ARRIVAL.set(arrival)
        try:
            return await runner.call(task)
        except Busy as exc:
            return exc

    no_room = asyncio.run(call((time.monotonic(), False)))
    waited = asyncio.run(call((time.monotonic() - 6, True)))
    assert isinstance(no_room, Busy) and isinstance(waited, Busy)
    assert ran == [] and not runner.broken
    assert asyncio.run(call((time.monotonic(), True))) is None and ran == [True]


def test_a_task_queued_behind_a_long_one_gives_up_without_breaking_the_runner():
    runner = ThreadRunner(object(), timeout=1.0)  # type: ignore[arg-type]

    async def arrived_earlier() -> object:
        ARRIVAL.set((time.monotonic() - 0.5, True))  # half its time already spent waiting
        return await runner.call(_sleep, 0.0)

    async def main() -> list:
        return await asyncio.gather(runner.call(_sleep, 0.8), arrived_earlier(), return_exceptions=True)

    first, second = asyncio.run(main())
    assert first == "woke"
    # the second could not start within its time limit: turned away, and never run
    assert isinstance(second, Busy) and not runner.broken


SUPERVISED = textwrap.dedent("""
    import os, sys, time
    from gcsf_graph.web.prefork import Supervisor

    folder = sys.argv[1]

    def child(slot):
        with open(os.path.join(folder, f"{os.getpid()}.{slot}"), "w"):
            pass
        if os.path.exists(os.path.join(folder, f"overrun.{slot}")):
            os.remove(os.path.join(folder, f"overrun.{slot}"))
            supervisor.watch[slot] = time.monotonic() + 0.3  # a query that never ends
        time.sleep(120)
        return 0

    supervisor = Supervisor(child, size=2, stop_wait=5)
    supervisor.run(lambda: print("ready", flush=True))
    print("stopped", flush=True)
""")


def _children(folder: Path) -> dict[int, int]:
    return {int(p.name.split(".")[0]): int(p.name.split(".")[1]) for p in folder.glob("*.*")
            if not p.name.startswith("overrun")}


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def _wait_for(condition, seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.slow
def test_the_supervisor_replaces_kills_and_stops_its_processes(tmp_path):
    (tmp_path / "overrun.1").touch()
    process = subprocess.Popen([sys.executable, "-c", SUPERVISED, str(tmp_path)], stdout=subprocess.PIPE,
                               text=True)
    try:
        assert process.stdout.readline().strip() == "ready"
        # slot 1's first process overruns its watch time: killed and replaced
        assert _wait_for(lambda: len(_children(tmp_path)) == 3)
        first = _children(tmp_path)
        overrun = next(pid for pid, slot in first.items() if slot == 1 and not _alive(pid))
        # a process that exits (as after a runaway query) is replaced too
        victim = next(pid for pid, slot in first.items() if slot == 0)
        os.kill(victim, signal.SIGKILL)
        assert _wait_for(lambda: len(_children(tmp_path)) == 4)
        living = [pid for pid in _children(tmp_path) if _alive(pid)]
        assert len(living) == 2 and overrun not in living and victim not in living
        os.kill(process.pid, signal.SIGTERM)
        assert process.wait(timeout=20) == 0
        assert process.stdout.read().strip() == "stopped"
        assert not any(_alive(pid) for pid in living)
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=10)

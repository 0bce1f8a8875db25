"""The kept worker process: progress and cancellation across the process boundary, what
it loaded kept between tasks, and a worker that dies replaced by a new one."""

from __future__ import annotations

import os
import signal
import time
from concurrent.futures.process import BrokenProcessPool

import pytest

from workbench.core.errors import WorkbenchError
from workbench.core.processes import KeptProcess, WorkerEnded


def count_to(progress, cancelled, n):
    for i in range(1, n + 1):
        progress(i, n, f"step {i}")
    return os.getpid()


def until_cancelled(progress, cancelled):
    progress(0, 0, "waiting")
    deadline = time.monotonic() + 30
    while not cancelled():
        if time.monotonic() > deadline:
            return "never cancelled"
        time.sleep(0.01)
    return "cancelled"


def ignore_cancellation(progress, cancelled):
    progress(0, 0, "parsing a very long text")
    time.sleep(60)


def remember(progress, cancelled, value):
    global _remembered
    before, _remembered = _remembered, value
    return before


_remembered = None


def fail(progress, cancelled):
    raise WorkbenchError("The file is not there.")


class Refused(WorkbenchError):
    """An error whose class takes other arguments than its message: it cannot be rebuilt
    from its pickle, and in the caller's process that broke the pool."""

    def __init__(self, path, why):
        super().__init__(f"{path}: {why}")


def refuse(progress, cancelled):
    raise Refused("/data/project.wbproj", "the folder is read-only")


def report_then_sleep(progress, cancelled, seconds):
    progress(0, 0, "started")
    time.sleep(seconds)
    return "finished normally"


def die(progress, cancelled):
    os.kill(os.getpid(), signal.SIGKILL)


@pytest.fixture
def kept():
    process = KeptProcess()
    yield process
    process.close()


def test_runs_the_work_in_another_process_and_relays_its_progress(kept):
    seen = []
    pid = kept.run(count_to, 3, progress=lambda *p: seen.append(p), cancelled=lambda: False)
    assert pid != os.getpid()
    assert seen == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]


def test_the_callers_cancellation_reaches_the_work(kept):
    started = []
    result = kept.run(until_cancelled, progress=lambda *p: started.append(p), cancelled=lambda: bool(started))
    assert result == "cancelled"
    # and the next task starts uncancelled
    assert kept.run(count_to, 1, progress=lambda *p: None, cancelled=lambda: False) > 0


def test_what_a_task_loaded_is_still_there_for_the_next(kept):
    no_progress, never = (lambda *p: None), (lambda: False)
    assert kept.run(remember, "pipeline", progress=no_progress, cancelled=never) is None
    assert kept.run(remember, "other", progress=no_progress, cancelled=never) == "pipeline"


def test_the_works_error_is_raised_in_the_caller(kept):
    with pytest.raises(WorkbenchError, match="not there"):
        kept.run(fail, progress=lambda *p: None, cancelled=lambda: False)


def test_a_worker_that_dies_is_replaced_by_the_next_task(kept):
    no_progress, never = (lambda *p: None), (lambda: False)
    first = kept.run(count_to, 1, progress=no_progress, cancelled=never)
    with pytest.raises(BrokenProcessPool):
        kept.run(die, progress=no_progress, cancelled=never)
    assert kept.run(count_to, 1, progress=no_progress, cancelled=never) not in (first, os.getpid())


def test_an_abandoned_task_that_does_not_stop_has_its_worker_ended(kept):
    """Closing the window cancels the analysis, which stops only between texts: one long
    text kept the window waiting for it to close."""
    started = []
    t0 = time.monotonic()
    with pytest.raises(WorkerEnded):
        kept.run(
            ignore_cancellation,
            progress=lambda *p: started.append(p),
            cancelled=lambda: bool(started),
            abandoned=lambda: bool(started),
        )
    assert time.monotonic() - t0 < 30
    assert kept.run(count_to, 1, progress=lambda *p: None, cancelled=lambda: False) > 0


def test_a_worker_that_died_while_idle_is_replaced(kept):
    """kill -9, or the out-of-memory killer, on the idle worker."""
    first = kept.run(count_to, 1, progress=lambda *p: None, cancelled=lambda: False)
    os.kill(first, signal.SIGKILL)
    time.sleep(0.5)  # the pool notices
    for _ in range(2):
        assert kept.run(count_to, 1, progress=lambda *p: None, cancelled=lambda: False) not in (first, os.getpid())


def test_a_worker_ended_just_as_its_task_finished_is_replaced(kept, monkeypatch):
    import workbench.core.processes as processes

    end_workers = processes._end_workers

    def too_late(pool):
        time.sleep(0.6)  # the task ends meanwhile
        end_workers(pool)

    monkeypatch.setattr(processes, "_end_workers", too_late)
    started = []
    result = kept.run(
        report_then_sleep,
        1.3,
        progress=lambda *p: started.append(p),
        cancelled=lambda: bool(started),
        abandoned=lambda: bool(started),
    )
    assert result == "finished normally"
    time.sleep(0.3)
    assert kept.run(count_to, 1, progress=lambda *p: None, cancelled=lambda: False) > 0


def test_an_error_that_cannot_be_rebuilt_is_still_said_and_the_worker_kept(kept):
    first = kept.run(count_to, 1, progress=lambda *p: None, cancelled=lambda: False)
    with pytest.raises(WorkbenchError, match="/data/project.wbproj: the folder is read-only"):
        kept.run(refuse, progress=lambda *p: None, cancelled=lambda: False)
    assert kept.run(count_to, 1, progress=lambda *p: None, cancelled=lambda: False) == first

import gc
import sqlite3
import threading

import pytest

from workbench.core.errors import WorkbenchError
from workbench.qt.tasks import TaskRunner


@pytest.fixture
def runner(qtbot):
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def test_result_arrives_on_the_gui_thread(qtbot, runner):
    seen = {}

    def work(state, x):
        seen["worker"] = threading.current_thread()
        state.progress(1, 2, "half")
        return x * 2

    def done(result):
        seen["result"], seen["thread"] = result, threading.current_thread()

    with qtbot.waitSignal(runner.task_ended, timeout=5000):
        runner.submit("test", "double", work, 21, on_done=done)
    assert seen["result"] == 42
    assert seen["thread"] is threading.main_thread() and seen["worker"] is not threading.main_thread()


def test_errors_become_messages(qtbot, runner):
    errors = []

    def fail(state):
        raise WorkbenchError("the file is gone")

    def crash(state):
        raise ZeroDivisionError("bad")

    with qtbot.waitSignal(runner.task_ended, timeout=5000):
        runner.submit("test", "fail", fail, on_error=errors.append)

    def read_only(state):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    with qtbot.waitSignal(runner.task_ended, timeout=5000):
        runner.submit("test", "crash", crash, on_error=errors.append)
    with qtbot.waitSignal(runner.task_ended, timeout=5000):
        runner.submit("test", "Finding entities", read_only, on_error=errors.append)
    assert errors[0] == "the file is gone"
    assert "crash failed unexpectedly: ZeroDivisionError" in errors[1]
    assert errors[2].startswith("Finding entities: Cannot write to the project: the file or its folder is read-only")


def test_cancel_reaches_the_work(qtbot, runner):
    started = threading.Event()
    results = []

    def loop(state):
        started.set()
        while not state.cancelled():
            pass
        return "stopped"

    task = runner.submit("test", "loop", loop, on_done=results.append)
    started.wait(5)
    with qtbot.waitSignal(runner.task_ended, timeout=5000):
        runner.cancel(task.id)
    assert results == ["stopped"]


def test_a_cancel_is_no_abandon_but_closing_and_dropping_are(qtbot):
    """Abandoned work may be cut short (its process ended): nobody takes its result."""
    runner = TaskRunner()
    seen = []
    started = threading.Semaphore(0)

    def wait_for_cancel(state):
        started.release()
        while not state.cancelled():
            pass
        seen.append(state.abandoned())

    task = runner.submit("test", "cancelled", wait_for_cancel)
    started.acquire(timeout=5)
    with qtbot.waitSignal(runner.task_ended, timeout=5000):
        runner.cancel(task.id)
    runner.submit("test", "dropped", wait_for_cancel)
    started.acquire(timeout=5)
    runner.drop_all()
    runner.submit("other", "closed", wait_for_cancel)
    started.acquire(timeout=5)
    runner.shutdown()
    assert seen == [False, True, True]


def test_superseded_result_is_dropped(qtbot, runner):
    gate = threading.Event()
    results = []

    def slow(state, value):
        gate.wait(5)
        return value

    runner.submit("test", "first", slow, 1, on_done=results.append, key="k")
    second = runner.submit("test", "second", slow, 2, on_done=results.append, key="k")
    gate.set()
    qtbot.waitUntil(lambda: second.id not in {t.id for t in runner.running()}, timeout=5000)
    assert results == [2]


def test_one_lane_runs_one_task_at_a_time(qtbot, runner):
    active, peak = [0], [0]
    lock = threading.Lock()

    def work(state):
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        threading.Event().wait(0.02)
        with lock:
            active[0] -= 1

    for _ in range(5):
        runner.submit("nlp", "w", work)
    qtbot.waitUntil(lambda: not runner.running(), timeout=5000)
    assert peak[0] == 1


class _Cycle:
    """Garbage only the cyclic collector frees; records the thread that freed it."""

    freed_on: list[threading.Thread] = []

    def __init__(self):
        self.me = self

    def __del__(self):
        _Cycle.freed_on.append(threading.current_thread())


def test_cyclic_garbage_is_freed_on_the_gui_thread_while_lanes_work(qtbot, runner):
    # A closed window in a reference cycle, freed by a worker, would destroy its
    # widgets off the GUI thread and crash Qt.
    kept = []

    def allocate(state):
        gc.enable()  # as spaCy does after reading each part of a pipeline
        # Far more new containers than the youngest generation's threshold, kept.
        kept.extend([i] for i in range(50_000))

    with qtbot.waitSignal(runner.task_ended, timeout=5000):
        runner.submit("test", "start the lane", lambda state: None)
    _Cycle.freed_on.clear()
    _Cycle()
    with qtbot.waitSignal(runner.task_ended, timeout=5000):
        runner.submit("test", "allocate", allocate)
    assert _Cycle.freed_on == []
    qtbot.waitUntil(lambda: bool(_Cycle.freed_on), timeout=5000)
    assert _Cycle.freed_on == [threading.main_thread()]


def test_automatic_collection_is_back_once_the_lanes_stop(qtbot):
    thresholds = gc.get_threshold()
    runner = TaskRunner()
    with qtbot.waitSignal(runner.task_ended, timeout=5000):
        runner.submit("test", "nothing", lambda state: None)
    assert gc.get_threshold()[0] == 0  # no automatic collection, on any thread
    runner.shutdown()
    assert gc.get_threshold() == thresholds


def test_a_quiet_task_is_not_announced(qtbot, runner):
    """A view's brief read: no status-bar progress, not among the running tasks."""
    started, ended, results = [], [], []
    runner.task_started.connect(lambda *args: started.append(args))
    runner.task_ended.connect(ended.append)
    runner.submit("test", "read", lambda state: 42, on_done=results.append, quiet=True)
    assert runner.running() == []
    qtbot.waitUntil(lambda: results == [42])
    assert started == [] and ended == []

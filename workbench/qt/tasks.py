"""The one door for slow work: loading spaCy, analysis, bulk import and export.

A task is a plain function `work(state, *args)` run on a lane: a single worker thread, so
tasks of one lane run one after another. What a lane's thread owns (its own SQLite
connection) lives in `state.local` and is never touched by another thread (an SQLite
connection belongs to its thread). The NLP lane's work runs further off, in the process
that owns the spaCy pipeline (`jobs.ANALYSER`): a parse holds the interpreter it runs in.

The work function reports through `state.progress(done, total, message)` and stops
early when `state.cancelled()` turns true. Results, errors and progress arrive on the GUI
thread through queued signals. A task submitted with the key of a running one supersedes
it: the older one is cancelled and its result dropped. While lanes exist, Python's cyclic
garbage collector runs on the GUI thread only (workbench.qt.collector).
"""

from __future__ import annotations

import itertools
import logging
import sqlite3
import threading
import time
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from workbench.core.errors import WorkbenchError
from workbench.qt.collector import worker_threads_ended, worker_threads_started
from workbench.store.project_store import database_problem

log = logging.getLogger(__name__)

NLP_LANE = "nlp"  # hands analysis to the process that owns the spaCy pipeline (jobs.ANALYSER)
IO_LANE = "io"  # imports and exports
QUERY_LANE = "query"  # reads for views, never waiting behind an import


class TaskState:
    """Handed to a work function: progress out, cancellation in, the lane's own objects."""

    PROGRESS_INTERVAL = 0.05  # seconds between progress signals: the GUI needs no more

    def __init__(self, task_id: int, local: dict, emit_progress: Callable[[int, int, int, str], None]):
        self.task_id = task_id
        self.local = local
        self._emit = emit_progress
        self._cancel = threading.Event()
        self._abandoned = False
        self._last = 0.0
        self._position = (-1, -1)  # (done, total) of the last call

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def abandoned(self) -> bool:
        """Cancelled, and its result will be dropped: the work may be cut short anyhow."""
        return self._abandoned

    def abandon(self) -> None:
        self._abandoned = True
        self._cancel.set()

    def progress(self, done: int, total: int, message: str) -> None:
        """Steps forward come at most every PROGRESS_INTERVAL; a new stage announced without
        a step ("Reading big.txt…", which may last seconds) and the last step always come."""
        now = time.monotonic()
        new_stage = (done, total) == self._position
        self._position = (done, total)
        if done < total and not new_stage and now - self._last < self.PROGRESS_INTERVAL:
            return
        self._last = now
        self._emit(self.task_id, done, total, message)


@dataclass
class Task:
    id: int
    lane: str
    label: str
    state: TaskState
    key: str | None = None
    superseded: bool = False
    quiet: bool = False  # a brief read the status bar need not show (see submit)
    on_done: Callable[[Any], None] | None = field(default=None, repr=False)
    on_error: Callable[[str], None] | None = field(default=None, repr=False)


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from workers are queued to it."""

    done = Signal(int, object)
    failed = Signal(int, str)
    progressed = Signal(int, int, int, str)


class TaskRunner(QObject):
    task_started = Signal(int, str)  # task id, label
    task_progressed = Signal(int, int, int, str)  # task id, done, total, message
    task_ended = Signal(int)  # task id, after its callback ran

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._lanes: dict[str, ThreadPoolExecutor] = {}
        self._locals: dict[str, dict] = {}
        self._tasks: dict[int, Task] = {}
        self._ids = itertools.count(1)
        self._relay = _Relay()
        self._relay.done.connect(self._on_relay_done)
        self._relay.failed.connect(self._on_relay_failed)
        self._relay.progressed.connect(self._on_relay_progressed)
        self._closing = False

    def submit(
        self,
        lane: str,
        label: str,
        work: Callable[..., Any],
        *args,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
        key: str | None = None,
        quiet: bool = False,
    ) -> Task:
        """Queue `work(state, *args)` on `lane`; `on_done(result)` or `on_error(message)`
        is then called on the GUI thread (not at all if the task was superseded). A `quiet`
        task (a read for a view) is not announced: no task_started, progress or task_ended,
        and it is not among `running()`."""
        if key is not None:
            for task in self._tasks.values():
                if task.key == key:
                    task.superseded = True
                    task.state.cancel()
        task_id = next(self._ids)
        local = self._locals.setdefault(lane, {})
        state = TaskState(task_id, local, self._relay.progressed.emit)
        task = Task(task_id, lane, label, state, key, quiet=quiet, on_done=on_done, on_error=on_error)
        self._tasks[task_id] = task
        executor = self._lanes.get(lane)
        if executor is None:
            worker_threads_started()
            executor = self._lanes[lane] = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"workbench-{lane}")
        executor.submit(self._run, task, work, args)
        if not quiet:
            self.task_started.emit(task_id, label)
        return task

    def _run(self, task: Task, work, args) -> None:
        # NOTE: runs on the lane's thread; reaches the GUI only through the relay's signals.
        if task.state.cancelled():
            self._relay.done.emit(task.id, None)
            return
        try:
            result = work(task.state, *args)
        except WorkbenchError as exc:
            self._relay.failed.emit(task.id, str(exc))
        except Exception as exc:  # noqa: BLE001 — reported to the user, logged in full
            log.error("task %r failed:\n%s", task.label, traceback.format_exc())
            # a read-only project or a full disk is no bug: said as what it is
            problem = database_problem(exc) if isinstance(exc, sqlite3.Error) else None
            message = (
                f"{task.label}: {problem}"
                if problem
                else f"{task.label} failed unexpectedly: {type(exc).__name__}: {exc}"
            )
            self._relay.failed.emit(task.id, message)
        else:
            self._relay.done.emit(task.id, result)

    def _on_relay_done(self, task_id: int, result) -> None:
        task = self._tasks.pop(task_id, None)
        if task is None:
            return
        if task.on_done and not task.superseded and not self._closing:
            task.on_done(result)
        if not task.quiet:
            self.task_ended.emit(task_id)

    def _on_relay_failed(self, task_id: int, message: str) -> None:
        task = self._tasks.pop(task_id, None)
        if task is None:
            return
        if task.on_error and not task.superseded and not self._closing:
            task.on_error(message)
        if not task.quiet:
            self.task_ended.emit(task_id)

    def _on_relay_progressed(self, task_id: int, done: int, total: int, message: str) -> None:
        task = self._tasks.get(task_id)
        if task is not None and not task.superseded and not task.quiet:
            self.task_progressed.emit(task_id, done, total, message)

    def cancel(self, task_id: int) -> None:
        task = self._tasks.get(task_id)
        if task is not None:
            task.state.cancel()

    def cancel_all(self) -> None:
        for task in self._tasks.values():
            task.state.cancel()

    def drop_all(self) -> None:
        """Cancel every task and drop its result: the project they work on was closed, and
        their results (ids, changes) would be applied to the one opened instead."""
        for task in self._tasks.values():
            task.superseded = True
            task.state.abandon()

    def running(self) -> list[Task]:
        return [task for task in self._tasks.values() if not task.quiet]

    def run_on_lane(self, lane: str, cleanup: Callable[[dict], None]) -> None:
        """Queue `cleanup(local)` on a lane, e.g. to close what its thread owns."""
        executor = self._lanes.get(lane)
        if executor is not None:
            executor.submit(cleanup, self._locals.get(lane, {}))

    def shutdown(self, cleanup: Callable[[dict], None] | None = None) -> None:
        """Cancel everything, let each lane finish its current task (and run `cleanup` on
        its own thread), then stop. Results still in flight are dropped."""
        self._closing = True
        self.drop_all()
        for lane, executor in self._lanes.items():
            if cleanup is not None:
                executor.submit(cleanup, self._locals.get(lane, {}))
            executor.shutdown(wait=True, cancel_futures=False)
            worker_threads_ended()
        self._lanes.clear()

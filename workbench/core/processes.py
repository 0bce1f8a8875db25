"""Other processes for work that can be split: fresh interpreters (spawned, not forked: safe
from a process running threads, as the window's does), which leave Ctrl+C to this one."""

from __future__ import annotations

import atexit
import os
import signal
import threading
import time
from typing import TYPE_CHECKING

from workbench.core.errors import WorkbenchError

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor


def process_pool(processes: int) -> ProcessPoolExecutor:
    # NOTE: imported here: 17 ms (and multiprocessing's 5) that starting the window need not wait for
    from concurrent.futures import ProcessPoolExecutor

    from workbench.core.quiet_spawn import QuietContext

    return ProcessPoolExecutor(processes, mp_context=QuietContext(), initializer=_start_worker)


def _start_worker() -> None:
    _leave_interrupts_to_parent()
    threading.Thread(target=_end_with_parent, args=(os.getppid(),), daemon=True).start()


def _end_with_parent(parent: int) -> None:
    """A worker whose parent was killed (kill -9: no chance to shut the pool down) would
    wait for work forever: it ends when it finds itself adopted."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


def forked_children_leave_interrupts_to_parent() -> None:
    """For processes forked by a library (spaCy's n_process): they ignore Ctrl+C from their
    first instruction; this process stops the work and says so."""
    global _at_fork_registered
    if not _at_fork_registered:
        os.register_at_fork(after_in_child=_leave_interrupts_to_parent)
        _at_fork_registered = True


_at_fork_registered = False


def _leave_interrupts_to_parent() -> None:
    """A Ctrl+C reaches every process of the terminal: the parent stops the work and says so;
    the others must not print tracebacks of their own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class WorkerEnded(WorkbenchError):
    """A KeptProcess's task was abandoned and did not stop: its worker was ended."""


class KeptProcess:
    """One spawned worker kept from task to task, so what it loads (a spaCy pipeline) stays
    loaded, whose tasks report progress and can be cancelled across the process boundary.

    A task is `work(progress, cancelled, *args)`, a module-level function run in the worker;
    `run` calls it and relays its progress, blocking the calling thread until it ends. The
    interpreter the calling process shares with the GUI is then never held by the work
    (a spaCy parse holds it for 100 ms and more at a time). Tasks run one at a time."""

    POLL = 0.05  # seconds between looks at the caller's cancellation
    ABANDON_AFTER = 1.0  # seconds an abandoned task has to stop before its worker is ended

    def __init__(self):
        self._lock = threading.Lock()
        self._pool = None
        self._messages = None
        self._cancel = None
        atexit.register(self.close)  # before the interpreter's teardown, which the pool's own clean-up trips on

    def run(self, work, *args, progress, cancelled, abandoned=lambda: False):
        """The result of `work`, or its exception. A worker that dies (killed, out of memory)
        raises BrokenProcessPool; the next task starts a new one. A task `abandoned` (nobody
        wants its result: the window is closing) that does not stop within ABANDON_AFTER
        seconds has its worker ended, and raises WorkerEnded: a parse of a long text is not
        interrupted by a cancellation, and closing the window waited for it."""
        from concurrent.futures.process import BrokenProcessPool

        with self._lock:
            try:
                future = self._submit(work, args)
            except BrokenProcessPool:  # the worker died since the last task
                self._stop()
                future = self._submit(work, args)
            ended = False
            try:
                given_up_at = None
                while not future.done():
                    if self._messages.poll(self.POLL):
                        progress(*self._messages.recv())
                    if cancelled():
                        self._cancel.set()
                    if given_up_at is None and abandoned():
                        given_up_at = time.monotonic()
                    elif not ended and given_up_at is not None and time.monotonic() - given_up_at > self.ABANDON_AFTER:
                        _end_workers(self._pool)  # NOTE: safe for a project: SQLite rolls back what was not committed
                        ended = True
                # NOTE: the worker sent its progress before its result: what is left is read now, in order
                while self._messages.poll(0):
                    progress(*self._messages.recv())
                try:
                    return future.result()
                except BrokenProcessPool:
                    if ended:
                        raise WorkerEnded("Stopped: the work did not end by itself when cancelled.") from None
                    raise
            finally:
                broken = future.done() and isinstance(future.exception(), BrokenProcessPool)
                if ended or broken:  # NOTE: a worker ended just as its task finished breaks the pool all the same
                    self._stop()

    @property
    def started(self) -> bool:
        """Whether the worker is running (it is started by the first task)."""
        return self._pool is not None

    def close(self) -> None:
        """End the worker (waiting for its task: cancel it first)."""
        with self._lock:
            self._stop()

    def _submit(self, work, args):
        pool = self._started()
        self._cancel.clear()
        return pool.submit(_run_kept, work, args)

    def _started(self):
        if self._pool is None:
            from concurrent.futures import ProcessPoolExecutor

            from workbench.core.quiet_spawn import QuietContext

            context = QuietContext()
            # a pipe, not a queue: a queue's sender thread could deliver progress after the result
            self._messages, sender = context.Pipe(duplex=False)
            self._cancel = context.Event()
            self._pool = ProcessPoolExecutor(
                1, mp_context=context, initializer=_start_kept_worker, initargs=(sender, self._cancel)
            )
        return self._pool

    def _stop(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._messages.close()
            self._pool = self._messages = self._cancel = None


def _end_workers(pool) -> None:
    for process in list(pool._processes.values()):  # NOTE: public as kill_workers() from Python 3.14
        process.kill()


_kept_channels = None  # in a KeptProcess's worker: (messages, cancel)


def _start_kept_worker(messages, cancel) -> None:
    global _kept_channels
    _start_worker()
    _kept_channels = (messages, cancel)


def _run_kept(work, args):
    messages, cancel = _kept_channels

    def progress(done: int, total: int, message: str) -> None:
        # NOTE: short enough to be written to the pipe at once (PIPE_BUF): a worker killed
        # half-way through a longer message would leave the reader waiting for its end
        messages.send((done, total, message[:500]))

    try:
        return work(progress, cancel.is_set, *args)
    except Exception as exc:
        import pickle

        try:
            pickle.loads(pickle.dumps(exc))
        except Exception:  # noqa: BLE001 — it would break the pool in the caller: said another way
            if isinstance(exc, WorkbenchError):
                raise WorkbenchError(str(exc)) from None  # its message is meant for the user as it is
            raise RuntimeError(f"{type(exc).__name__}: {exc}") from None
        raise

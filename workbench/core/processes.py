"""Other processes for work that can be split: fresh interpreters (spawned, not forked: safe
from a process running threads, as the window's does), which leave Ctrl+C to this one."""

from __future__ import annotations

import os
import signal
import threading
import time
from typing import TYPE_CHECKING

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

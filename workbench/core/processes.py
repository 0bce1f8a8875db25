"""Other processes for work that can be split: fresh interpreters (spawned, not forked: safe
from a process running threads, as the window's does), which leave Ctrl+C to this one."""

from __future__ import annotations

import signal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor


def process_pool(processes: int) -> ProcessPoolExecutor:
    # NOTE: imported here: 17 ms that starting the window need not wait for
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    return ProcessPoolExecutor(processes, mp_context=get_context("spawn"), initializer=_leave_interrupts_to_parent)


def _leave_interrupts_to_parent() -> None:
    """A Ctrl+C reaches every process of the terminal: the parent stops the work and says so;
    the others must not print tracebacks of their own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

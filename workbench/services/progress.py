"""How long-running services report progress and learn they should stop.

A service takes `progress(done, total, message)` and `cancelled()` callables; the GUI's
task runner and the command line's progress bar both provide them.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


def no_progress(done: int, total: int, message: str) -> None:
    pass


def never_cancelled() -> bool:
    return False

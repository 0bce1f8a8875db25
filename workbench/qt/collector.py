"""Python's cyclic garbage collector, run on the GUI thread only while worker threads live.

The collector runs in whichever thread happens to allocate when a generation fills up. A
closed window or dialog often sits in a reference cycle (a slot that closes over `self`),
so a worker loading spaCy could end up destroying Qt widgets on its own thread, which
crashes Qt. While any worker lane exists, automatic collection is off and a timer on the
GUI thread collects instead, generation by generation as the thresholds say (the same
remedy as pyqtgraph's GarbageCollector, which the window must not wait to import).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QTimer

INTERVAL_MS = 500

_timer: QTimer | None = None
_users = 0
_was_enabled = False


def worker_threads_started() -> None:
    """Call on the GUI thread before starting worker threads; pair with worker_threads_ended."""
    global _timer, _users, _was_enabled
    if _users == 0:
        if _timer is None:
            _timer = QTimer()
            _timer.setInterval(INTERVAL_MS)
            _timer.timeout.connect(collect_due_generations)
        _was_enabled = gc.isenabled()
        gc.disable()
        _timer.start()
    _users += 1


def worker_threads_ended() -> None:
    """Call on the GUI thread once the threads of a worker_threads_started have stopped."""
    global _users
    _users -= 1
    if _users == 0:
        _timer.stop()
        if _was_enabled:
            gc.enable()


def collect_due_generations() -> None:
    """What automatic collection would have done by now: the youngest generation when its
    count passed its threshold, with the older ones whose counts passed theirs too."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if counts[0] <= thresholds[0]:
        return
    generation = 0
    if counts[1] > thresholds[1]:
        generation = 1
        if counts[2] > thresholds[2]:
            generation = 2
    gc.collect(generation)

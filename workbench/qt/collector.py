"""Python's cyclic garbage collector, run on the GUI thread only while worker threads live.

The collector runs in whichever thread happens to allocate when a generation fills up. A
closed window or dialog often sits in a reference cycle (a slot that closes over `self`),
so a worker loading spaCy could end up destroying Qt widgets on its own thread, which
crashes Qt. While any worker lane exists, automatic collection is off and a timer on the
GUI thread collects instead, generation by generation as the thresholds say (the remedy
of pyqtgraph's GarbageCollector, which the window must not wait to import).

NOTE: automatic collection is turned off by a first threshold of 0, not gc.disable():
spaCy, loading a pipeline on a worker, calls gc.enable() after each msgpack it reads.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QTimer

INTERVAL_MS = 500

_timer: QTimer | None = None
_users = 0
_thresholds = gc.get_threshold()


def worker_threads_started() -> None:
    """Call on the GUI thread before starting worker threads; pair with worker_threads_ended."""
    global _timer, _users, _thresholds
    if _users == 0:
        if _timer is None:
            _timer = QTimer()
            _timer.setInterval(INTERVAL_MS)
            _timer.timeout.connect(collect_due_generations)
        _thresholds = gc.get_threshold()
        gc.set_threshold(0, *_thresholds[1:])
        _timer.start()
    _users += 1


def worker_threads_ended() -> None:
    """Call on the GUI thread once the threads of a worker_threads_started have stopped."""
    global _users
    _users -= 1
    if _users == 0:
        _timer.stop()
        gc.set_threshold(*_thresholds)


def collect_due_generations() -> None:
    """What automatic collection would have done by now: the youngest generation when its
    count passed its threshold, with the older ones whose counts passed theirs too."""
    if not gc.isenabled():
        return
    counts = gc.get_count()
    if counts[0] <= _thresholds[0]:
        return
    generation = 0
    if counts[1] > _thresholds[1]:
        generation = 1
        if counts[2] > _thresholds[2]:
            generation = 2
    gc.collect(generation)

"""Spawning processes that never see Ctrl+C: the parent stops the work and says so."""

from __future__ import annotations

import signal
import threading
from multiprocessing.context import SpawnContext, SpawnProcess


class QuietProcess(SpawnProcess):
    def start(self) -> None:
        # Ignored when the new interpreter starts, Ctrl+C stays ignored there: Python installs
        # its KeyboardInterrupt handler only where the signal is not ignored. Else a Ctrl+C
        # during its start-up prints a traceback, or "Fatal Python error: init_import_site".
        if threading.current_thread() is not threading.main_thread():
            return super().start()
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            return super().start()
        finally:
            signal.signal(signal.SIGINT, previous)


class QuietContext(SpawnContext):
    Process = QuietProcess

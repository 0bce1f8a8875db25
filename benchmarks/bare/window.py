"""A bare PySide6 window: import QtWidgets, show an empty window, say so, quit — the
baseline of the app's time to window."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

app = QApplication(sys.argv[:1])
window = QWidget()
window.resize(1440, 880)
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.exit(0)))
sys.exit(app.exec())

"""PySide6 6.12.0 on Python 3.11 aborts after ~5,000 calls of Qt methods returning None;
the pinned version must survive 100,000 (in a child process, so an abort is a failure,
not a crashed test run)."""

import subprocess
import sys

CODE = """
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit
from PySide6.QtGui import QTextCursor
app = QApplication([])
label = QLabel()
edit = QPlainTextEdit("x" * 100)
cursor = QTextCursor(edit.document())
for i in range(50_000):
    label.setText(str(i))
    cursor.setPosition(i % 100)
print("survived")
"""


def test_100k_void_qt_calls_survive():
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=300,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived"

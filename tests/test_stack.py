"""The Qt for Python under the program survives a day of calls.

PySide6 6.12.0 on Python 3.11 gives up a reference to None on every Qt call that returns nothing; after
some tens of thousands of such calls Python frees None and aborts ("Fatal Python error: none_dealloc").
A busy projector board makes that many calls in minutes. Python 3.12 made None immortal, which hides the
fault there. The calls run in a subprocess, so an abort fails this test instead of ending the test run.
"""

from __future__ import annotations

import os
import subprocess
import sys

# Several kinds of calls that return nothing, as the window makes them: widgets shown, hidden, moved and
# relabelled (the board's rows), painting (every repaint), and a model's signals (every table).
VOID_CALLS = """
import sys
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication, QLabel

rounds = int(sys.argv[1])
app = QApplication([])
label = QLabel()
image = QImage(64, 64, QImage.Format.Format_ARGB32)
pen = QPen(QColor("red"))


class Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):
        return 3

    def columnCount(self, parent=QModelIndex()):
        return 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None


model = Model()
seen = []
model.dataChanged.connect(lambda *args: seen.append(1) if len(seen) < 1 else None)
corner = model.index(0, 0)
for number in range(rounds):
    label.hide()
    label.show()
    label.move(QPoint(number % 50, 0))
    label.setText("评分中")
    painter = QPainter(image)
    painter.setPen(pen)
    painter.drawLine(0, 0, 10, 10)
    painter.fillRect(0, 0, 4, 4, QColor("gold"))
    painter.end()
    model.dataChanged.emit(corner, corner)
    model.layoutChanged.emit()
print("survived", rounds * 10)
"""


def test_several_hundred_thousand_void_qt_calls_leave_python_standing() -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", VOID_CALLS, "30000"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["survived", "300000"]

"""Floor for start-up: a bare PySide6 window; prints READY and the wall time after one turn."""

import os
import resource
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def _ready() -> None:
    now = time.time()
    print(f"PEAK_KIB {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")
    print(f"READY {now:.6f}", flush=True)
    os._exit(0)


app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, _ready)
sys.exit(app.exec())

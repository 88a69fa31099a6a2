"""Floor for start-up: a bare PySide6 window; prints READY and the wall time after one turn."""

import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def _peak_kib() -> int:
    """Return this process's peak resident memory since it started (Linux's VmHWM).

    ``ru_maxrss`` would include the parent's memory at fork time, which
    for the storage benchmark is gigabytes.
    """
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def _ready() -> None:
    now = time.time()
    print(f"PEAK_KIB {_peak_kib()}")
    print(f"READY {now:.6f}", flush=True)
    os._exit(0)


app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, _ready)
sys.exit(app.exec())

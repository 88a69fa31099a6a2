"""Floor for start-up: a bare PySide6 window; prints READY and the wall time after one turn."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from ready import report_ready_and_exit

app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, report_ready_and_exit)
sys.exit(app.exec())

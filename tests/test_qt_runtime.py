"""Guards against a Qt binding build that corrupts Python reference counts."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_methods_keep_none_refcount(qapp):
    # PySide6 6.12.0 dropped one reference to None per call of a method
    # returning void, which aborted the interpreter after a few thousand calls.
    label = QLabel("x")
    before = sys.getrefcount(None)

    for _ in range(2000):
        label.setText("y")
        qapp.processEvents()

    assert sys.getrefcount(None) - before > -20

"""Reference cycles holding Qt objects are freed on the UI thread, never on a job's thread."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject, Qt
from pytestqt.qtbot import QtBot

from csm_desktop.ui.gc_guard import MainThreadCollector


class _Holder:
    """A plain object in a cycle with a parentless QObject, as a closed dialog leaves behind."""

    def __init__(self) -> None:
        self.qobject = QObject()
        self.qobject.setProperty("holder", id(self))
        self.self_reference = self


def _drop_cycle(destroyed_on: list[int]) -> None:
    holder = _Holder()
    holder.qobject.destroyed.connect(
        lambda: destroyed_on.append(threading.get_ident()), Qt.ConnectionType.DirectConnection
    )


def _allocate_cycles_in_thread(count: int) -> None:
    def allocate() -> None:
        for _ in range(count):
            item: list[object] = []
            item.append(item)

    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()


def test_collector_turns_automatic_collection_off_and_back(qtbot: QtBot) -> None:
    gc.enable()
    collector = MainThreadCollector()

    assert not gc.isenabled()
    collector.stop()
    assert gc.isenabled()
    gc.disable()  # the test session collects on its own thread (conftest)


def test_cycle_with_qobject_is_freed_on_ui_thread(qtbot: QtBot) -> None:
    collector = MainThreadCollector()
    gc.collect()
    destroyed_on: list[int] = []
    _drop_cycle(destroyed_on)

    # Enough allocations that an automatic collector would have run in the thread.
    _allocate_cycles_in_thread(50_000)
    assert destroyed_on == []

    qtbot.waitUntil(lambda: bool(destroyed_on), timeout=5_000)
    assert destroyed_on == [threading.get_ident()]
    collector.stop()

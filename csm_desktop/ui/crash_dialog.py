"""The crash report dialog, and the bridge that shows it from any thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from csm_desktop.crash import install_crash_handler


class CrashDialog(QDialog):
    """Explain that something went wrong and show the report with a Copy button."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("CSM Desktop: unexpected error"))
        self.resize(640, 420)

        intro = QLabel(
            self.tr(
                "Something went wrong inside CSM Desktop. Your saved data is safe: every "
                "change is stored when you make it, and unfinished changes were undone.\n\n"
                "Please copy the report below and send it to your support contact. Stored "
                "credentials are removed from it; read it before sending."
            )
        )
        intro.setWordWrap(True)

        self.report_view = QPlainTextEdit(report)
        self.report_view.setReadOnly(True)
        self.report_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy report"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.report_view, 1)
        layout.addWidget(buttons)

    @Slot()
    def copy_report(self) -> None:
        """Put the whole report on the clipboard."""
        QGuiApplication.clipboard().setText(self.report_view.toPlainText())
        self.copy_button.setText(self.tr("Copied"))


class CrashReporter(QObject):
    """Receive reports from any thread and show them on the GUI thread, one at a time."""

    report_ready = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.shown: list[str] = []
        # Queued, so a report raised in a worker thread opens its dialog on the GUI thread.
        self.report_ready.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def submit(self, report: str) -> None:
        """Queue ``report`` for display; safe to call from any thread."""
        self.report_ready.emit(report)

    @Slot(str)
    def _show(self, report: str) -> None:
        self.shown.append(report)
        dialog = CrashDialog(report)
        dialog.exec()


def install_gui_crash_handler(parent: QObject) -> CrashReporter:
    """Install the crash hooks with a reporter that shows ``CrashDialog``."""
    reporter = CrashReporter(parent)
    install_crash_handler(reporter.submit)
    return reporter

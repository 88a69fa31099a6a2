"""Shared pieces of the record-editing tests; the fixtures they use are in conftest."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMessageBox

TODAY = date(2024, 12, 31)
YES = QMessageBox.StandardButton.Yes
NO = QMessageBox.StandardButton.No


class FakeQuestions:
    """Stand-in for ``QMessageBox.question`` that records each question and returns queued buttons.

    With no button queued it raises, so an unexpected box fails the test
    instead of blocking it on a modal dialog.
    """

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.answers: list[QMessageBox.StandardButton] = []

    def __call__(self, parent, title, text, *args) -> QMessageBox.StandardButton:
        self.asked.append(text)
        if not self.answers:
            raise AssertionError(f"unexpected question: {text}")
        return self.answers.pop(0)


def button_text(button) -> str:
    """Return a button's text without its mnemonic marker."""
    return button.text().replace("&", "")

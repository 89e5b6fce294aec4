"""Message boxes that show what they are given as plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
) -> QMessageBox:
    """A box not yet shown, for callers that add their own buttons or show it without blocking.

    The text is plain: messages quote titles and file names, and a ``<`` in one must not become markup.
    """
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_problem(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user what went wrong and wait for them to acknowledge it."""
    box = message_box(parent, QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok)
    box.exec()

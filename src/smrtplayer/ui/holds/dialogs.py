"""Small pieces the hold windows share: message boxes in plain text, the spin boxes' "not asked" value,
and where a plan's handout is offered to be saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from smrtplayer.models.plans import Plan

NO_VALUE = -1  # the spin boxes' "not asked" value


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_problem(parent: QWidget | None, title: str, text: str) -> None:
    box = message_box(parent, QMessageBox.Icon.Warning, title, text)
    box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()


def default_export_name(plan: Plan) -> str:
    safe = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in plan.title).strip() or "plan"
    return str(Path.home() / f"{safe}.pdf")

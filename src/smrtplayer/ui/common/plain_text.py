"""User text reaches Qt as plain text: titles, notes, techniques, file names are never markup.

QLabel, QMessageBox and tooltips guess whether a string is rich text (``Qt.mightBeRichText``); a title
such as ``<img src="/dev/zero">`` would then be rendered, and Qt would read the file it names.
Labels are told their text is plain; a tooltip, which cannot be told, is given the escaped HTML of the
text when Qt would otherwise take it for markup.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QWidget


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip shows it, literally: unchanged unless Qt would read it as rich text."""
    if not text or not GuiQt.mightBeRichText(text):
        return text
    return GuiQt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def plain_label(text: str = "", parent: QWidget | None = None, *, name: str | None = None) -> QLabel:
    """A QLabel that shows ``text`` (and any text set later) as typed, never as markup."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        label.setObjectName(name)
    return label

"""A label and a button that shorten their text with "…" to the width they are given.

Course and lesson titles can be any length. A plain QLabel or QPushButton asks for its whole text's
width as its minimum, and one long title then makes the window wider than a laptop's screen. These
ask for little, show as much as fits, and carry the whole text in their tooltip. ``text()`` returns
the whole text. The button shows "&" as typed (Qt would take it for a mnemonic and underline the
next letter).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget

from smrtplayer.ui.common.plain_text import plain_tooltip

#: the narrowest these become: a few letters and the ellipsis
MINIMUM_WIDTH = 80


class ElidedLabel(QLabel):
    """One line of plain text, elided on the right to the label's width."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, name: str | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        if name:
            self.setObjectName(name)
        self._full = ""
        self.setText(text)

    def text(self) -> str:
        return self._full

    def shown_text(self) -> str:
        """What is on screen: the text, or its start and "…"."""
        return super().text()

    def setText(self, text: str) -> None:
        self._full = text
        self.setAccessibleName(text)  # a screen reader says the whole text, not the shortened one
        self.setToolTip(plain_tooltip(text))
        self._elide()
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        return QSize(
            min(MINIMUM_WIDTH, super().minimumSizeHint().width()), super().minimumSizeHint().height()
        )

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 8, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(0, self.contentsRect().width())
        shown = QFontMetrics(self.font()).elidedText(self._full, Qt.TextElideMode.ElideRight, width)
        if shown != super().text():
            super().setText(shown)


class ElidedButton(QPushButton):
    """A push button whose user text is shown literally and elided to the button's width."""

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        *,
        mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
    ) -> None:
        """``mode``: where the "…" goes (in the middle keeps a time at the end in view)."""
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._mode = mode
        self._full = ""
        self._tooltip_prefix = ""
        self.setText(text)

    def text(self) -> str:
        return self._full

    def shown_text(self) -> str:
        """What is on screen: the text, or its start and "…" ("&" as typed)."""
        return super().text().replace("&&", "&")

    def setText(self, text: str) -> None:
        if text == self._full:
            # Set again with its own text (a clock that moved less than a second): a layout pass
            # would repaint the whole panel around the button for nothing, 20 times a second.
            return
        self._full = text
        self.setAccessibleName(text)  # a screen reader says the whole text, not the shortened one
        self._update_tooltip()
        self._elide()
        self.updateGeometry()

    def set_tooltip_intro(self, intro: str) -> None:
        """A sentence shown above the whole text in the tooltip."""
        self._tooltip_prefix = intro
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        parts = [part for part in (self._tooltip_prefix, self._full) if part]
        self.setToolTip(plain_tooltip("\n".join(parts)))

    def minimumSizeHint(self) -> QSize:
        return QSize(MINIMUM_WIDTH, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        padding = 24  # the button's frame and margins around its text
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + padding, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(0, self.width() - 24)
        shown = QFontMetrics(self.font()).elidedText(self._full, self._mode, width)
        escaped = shown.replace("&", "&&")  # literal "&", not a mnemonic
        if escaped != super().text():
            super().setText(escaped)

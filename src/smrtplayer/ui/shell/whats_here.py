"""A short "what's here" above the video: the body index, the hold timer's key, notes and table mode.

Shown by itself once, at the first launch (remembered in the settings), and again from Help. It sits
above the video rather than over it, so the paused demo lesson stays in full view. The keys it names
are read from the window's actions when it is shown, so a key the user changed is named as it is now.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QToolButton, QVBoxLayout, QWidget

from smrtplayer.ui.common.plain_text import plain_label


def key_of(action: QAction | None) -> str:
    """The action's first key as the user sees it, or "no key" when it has none."""
    if action is None or action.shortcut().isEmpty():
        return QCoreApplication.translate("WhatsHerePanel", "no key")
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


class WhatsHerePanel(QFrame):
    def __init__(self, actions_by_id: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("whatsHere")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self._actions = actions_by_id
        heading = plain_label(
            QCoreApplication.translate("WhatsHerePanel", "What's here"), self, name="whatsHereHeading"
        )
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("whatsHereClose")
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(
            QCoreApplication.translate("WhatsHerePanel", "Close (Help → What's here shows it again)")
        )
        self.close_button.setAccessibleName(QCoreApplication.translate("WhatsHerePanel", "Close what's here"))
        self.close_button.clicked.connect(self.hide)
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.lines = plain_label("", self, name="whatsHereLines")
        self.lines.setWordWrap(True)
        self.got_it = QPushButton(QCoreApplication.translate("WhatsHerePanel", "Got it"), self)
        self.got_it.setObjectName("whatsHereGotIt")
        self.got_it.setAccessibleDescription(self.tr("Hides this; Help shows it again"))
        self.got_it.clicked.connect(self.hide)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.got_it)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 8)
        layout.addLayout(top)
        layout.addWidget(self.lines)
        layout.addLayout(bottom)
        self.refresh()

    def refresh(self) -> None:
        """Name the keys as they are bound now."""
        actions = self._actions
        keys = {name: key_of(actions.get(name)) for name in ("hold_position", "note_new", "table_mode")}
        lines = (
            QCoreApplication.translate(
                "WhatsHerePanel",
                "• Body index (right): every position of your courses by body region. Click a region "
                "or type a muscle; a double-click plays it.",
            ),
            QCoreApplication.translate(
                "WhatsHerePanel",
                "• Hold timer: press %1 on a position to time its hold; a tone says when it is done.",
            ).replace("%1", keys["hold_position"]),
            QCoreApplication.translate(
                "WhatsHerePanel", "• Notes: %1 writes a note pinned to this moment of the lesson."
            ).replace("%1", keys["note_new"]),
            QCoreApplication.translate(
                "WhatsHerePanel",
                "• Table mode: %1 shows the countdown full screen, readable from the treatment table.",
            ).replace("%1", keys["table_mode"]),
            QCoreApplication.translate("WhatsHerePanel", "Every key: press %1.").replace(
                "%1", key_of(actions.get("shortcuts"))
            ),
        )
        self.lines.setText("\n".join(lines))

    def present(self) -> None:
        self.refresh()
        self.show()

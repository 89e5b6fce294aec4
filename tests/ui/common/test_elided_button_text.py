"""A button whose text is set again unchanged (the "Continue" button follows the clock 20 times a
second) leaves its layout alone; a new text still shows and still relays the layout out."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from smrtplayer.ui.common.elided import ElidedButton


class _LayoutRequests(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def test_the_same_text_again_asks_for_no_layout(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = QWidget()
    qtbot.addWidget(panel)
    button = ElidedButton("▶  Continue: Gluteus at 1:02", mode=Qt.TextElideMode.ElideMiddle)
    QVBoxLayout(panel).addWidget(button)
    panel.resize(260, 60)
    panel.show()
    qtbot.waitExposed(panel)
    requests = _LayoutRequests()
    panel.installEventFilter(requests)
    qtbot.wait(20)
    requests.count = 0

    for _ in range(20):
        button.setText("▶  Continue: Gluteus at 1:02")
    qtbot.wait(20)
    assert requests.count == 0

    button.setText("▶  Continue: Gluteus at 1:03")
    qtbot.wait(20)
    assert requests.count > 0
    assert button.text() == "▶  Continue: Gluteus at 1:03"
    assert button.accessibleName() == "▶  Continue: Gluteus at 1:03"
    assert button.shown_text().endswith("1:03")

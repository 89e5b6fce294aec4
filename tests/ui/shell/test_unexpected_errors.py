"""An exception in a slot (called from Qt's C++) reaches the user in the window, not a lost terminal."""

from __future__ import annotations

import sqlite3
import sys

import pytest
from PySide6.QtCore import QTimer

from smrtplayer.app.context import AppContext
from smrtplayer.ui.shell.app import _report_unexpected_errors
from smrtplayer.ui.shell.main_window import MainWindow


@pytest.mark.qt_no_exception_capture
def test_a_full_disk_error_in_a_slot_is_shown_with_advice(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    previous = sys.excepthook
    _report_unexpected_errors(window)
    try:

        def failing_slot() -> None:
            raise sqlite3.OperationalError("database or disk is full")

        QTimer.singleShot(0, failing_slot)
        qtbot.waitUntil(lambda: "disk is full" in window.error_area.text(), timeout=5000)
        assert window.error_area.isVisible()
        assert "saved before is kept" in window.error_area.text()
    finally:
        sys.excepthook = previous

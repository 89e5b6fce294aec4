"""Start the window: check the system, open the context, show the main window, run the loop."""

from __future__ import annotations

import logging
import sys

from smrtplayer.errors import SmrtError
from smrtplayer.paths import AppPaths
from smrtplayer.syscheck import check_system_libraries

log = logging.getLogger(__name__)


def run_gui(paths: AppPaths, *, autoplay: bool = True) -> int:
    # Before any Qt import: name a missing library instead of letting Qt abort.
    check_system_libraries(window=True)

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    from smrtplayer import APP_NAME, __version__
    from smrtplayer.context import AppContext
    from smrtplayer.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)
    try:
        context = AppContext.open(paths)
    except SmrtError as error:
        box = QMessageBox(QMessageBox.Icon.Critical, "smrtplayer cannot start", str(error))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
        raise
    window = MainWindow(context)
    window.show()
    window.start(autoplay=autoplay)
    try:
        return int(app.exec())
    finally:
        context.close()

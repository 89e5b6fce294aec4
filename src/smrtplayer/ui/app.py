"""Start the window: check the system, open the context, show the main window, run the loop."""

from __future__ import annotations

import logging
import signal
import sys

from smrtplayer.errors import SmrtError
from smrtplayer.paths import AppPaths
from smrtplayer.syscheck import check_system_libraries

log = logging.getLogger(__name__)


def _quit_on_termination_signals(app: object) -> None:
    """SIGTERM / Ctrl+C close the window the normal way, so the resume point is saved.

    Python runs signal handlers only between bytecodes; a slow timer gives it the chance while Qt's
    event loop is waiting.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def close_all(*_args: object) -> None:
        for widget in QApplication.topLevelWidgets():
            widget.close()
        QApplication.quit()

    signal.signal(signal.SIGTERM, close_all)
    signal.signal(signal.SIGINT, close_all)
    timer = QTimer(app)  # type: ignore[arg-type]
    timer.setInterval(250)
    timer.timeout.connect(lambda: None)
    timer.start()


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
    _quit_on_termination_signals(app)
    try:
        return int(app.exec())
    finally:
        context.close()

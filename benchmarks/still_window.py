"""A window made from QtGui alone, painting a JPEG: how soon a PySide6 program can put a picture on screen.

No QtWidgets, no Qt Multimedia: ``QGuiApplication`` and a ``QRasterWindow`` that paints one picture
scaled to its size. Read beside mpv's launch, it says whether the resume point's picture, kept on disk
and painted before the window's widgets and the decoder load, could meet the launch goal where no player
that waits for its first decoded frame can (``bare_player.py launch``).

    still_window.py PICTURE   # prints "FIRST <epoch s>" when the picture is painted, exits
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPaintEvent, QRasterWindow


class StillWindow(QRasterWindow):
    def __init__(self, app: QGuiApplication, picture: QImage) -> None:
        super().__init__()
        self._app = app
        self._picture = picture
        self._shown = False

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawImage(self.geometry().translated(-self.x(), -self.y()), self._picture)
        painter.end()
        if not self._shown:
            self._shown = True
            print("FIRST", time.time(), flush=True)
            QTimer.singleShot(0, self._app.quit)


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    window = StillWindow(app, QImage(sys.argv[1]))
    window.resize(1100, 620)  # mpv's --autofit in the same benchmark
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
